"""Run the fake LINE platform standalone: ``python -m devtools.fakeline --port 8080``."""

from __future__ import annotations

import argparse
import asyncio
import json
import signal

from devtools.fakeline.control import apply_world
from devtools.fakeline.platform import FakeLinePlatform


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.fakeline", description="A local LINE platform on loopback."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--secret", default="fakeline-channel-secret", help="channel secret")
    parser.add_argument("--token", default="fakeline-access-token", help="channel access token")
    parser.add_argument("--quota", type=int, default=1000, help="monthly push limit (-1 for none)")
    parser.add_argument("--reply-token-ttl", type=float, default=60.0)
    parser.add_argument(
        "--world",
        help="JSON file with friends/groups/rooms (the body of POST /__fakeline__/world)",
    )
    return parser.parse_args(argv)


async def _serve(args: argparse.Namespace) -> None:
    platform = FakeLinePlatform(
        args.secret,
        args.token,
        host=args.host,
        port=args.port,
        monthly_limit=None if args.quota < 0 else args.quota,
        reply_token_ttl=args.reply_token_ttl,
    )
    if args.world:
        with open(args.world, encoding="utf-8") as fh:
            apply_world(platform, json.load(fh))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with platform:
        print(f"fake LINE platform on {platform.base_url} (bot {platform.bot_user_id})", flush=True)
        print(f"LINE_API_BASE_URL={platform.base_url}", flush=True)
        await stop.wait()


def main(argv: list[str] | None = None) -> int:
    asyncio.run(_serve(_parse(argv)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
