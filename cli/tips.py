"""`bot.py tips list|send|schedule`, `bot.py broadcast`, `bot.py report`.

    python bot.py tips list [--locale en]
    python bot.py tips send --group GROUP_ID
    python bot.py tips schedule --group GROUP_ID [--every N] [--per-week N] [--days mon,wed]
                                [--time HH:MM] [--quiet HH:MM-HH:MM|off] [--off]
    python bot.py broadcast "TEXT" --all | --group GROUP_ID [--yes]
    python bot.py report [--since 7d] [--json] [--chart PNG]

Messages are queued in the database (the outbox) and, when LINE credentials are set,
delivered at once; otherwise the running service delivers them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from cli.common import load_config, open_for
from config import Config, ConfigError
from locales import t
from storage import Store


def run(args: argparse.Namespace) -> int:
    try:
        if args.command == "tips":
            if args.tips_command == "list":
                return tips_list(args)
            if args.tips_command == "send":
                return asyncio.run(tips_send(args))
            if args.tips_command == "schedule":
                return tips_schedule(args)
        if args.command == "broadcast":
            return asyncio.run(broadcast(args))
        if args.command == "report":
            return asyncio.run(report(args))
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"unknown command {args.command!r}", file=sys.stderr)
    return 2


def _config(args: argparse.Namespace) -> Config:
    return load_config(args, require_line=False)


@asynccontextmanager
async def _service(config: Config, store: Store) -> AsyncIterator[Any]:
    """The tips service with a LINE client (quota, member counts, delivery) when configured."""
    from tips.service import TipsService

    if not config.channel_access_token:
        yield TipsService(store, config)
        return
    from line.client import open_clients
    from outbox import Outbox

    clients = await open_clients(config)
    try:
        api = clients.messaging
        yield TipsService.from_api(store, config, api, outbox=Outbox(store, api))
    finally:
        await clients.close()


async def _deliver(service: Any) -> str:
    if service.outbox is None:
        return "queued: the running service delivers it (no LINE credentials here)"
    await service.outbox.deliver_pending()
    counts = service.store.outbox_counts()
    pending = counts.get("pending", 0)
    return "delivered" if not pending else f"queued ({pending} waiting for a retry)"


def _known_group(store: Store, group_id: str) -> bool:
    if store.group(group_id) is None:
        print(
            f"error: unknown group {group_id}: the bot has not seen it (invite the bot first); "
            "known groups: " + (", ".join(g["group_id"] for g in store.list_groups()) or "none"),
            file=sys.stderr,
        )
        return False
    return True


# -- tips ---------------------------------------------------------------------------------


def tips_list(args: argparse.Namespace) -> int:
    from tips.library import load_library

    lib = load_library(args.locale)
    for tip in lib.values():
        print(f"{tip.id:<36} {tip.kind:<9} {tip.title}")
    kinds = Counter(t.kind for t in lib.values())
    print(
        f"\n{len(lib)} tips: "
        + ", ".join(f"{kinds[k]} {k}" for k in ("case", "scenario", "rule", "quiz")),
        file=sys.stderr,
    )
    return 0


async def tips_send(args: argparse.Namespace) -> int:
    config = _config(args)
    store = open_for(config)
    try:
        if not _known_group(store, args.group):
            return 1
        async with _service(config, store) as svc:
            _send_id, tip = await svc.send_now(args.group)
            state = await _deliver(svc)
        print(f"tip {tip.id} ({tip.kind}) -> {args.group}: {state}")
        return 0
    finally:
        store.close()


def tips_schedule(args: argparse.Namespace) -> int:
    from tips.schedule import ScheduleError
    from tips.service import TipsService

    config = _config(args)
    store = open_for(config)
    try:
        if not _known_group(store, args.group):
            return 1
        svc = TipsService(store, config)
        opts: dict[str, Any] = {}
        if args.every is not None:
            opts["every"] = args.every
        if args.per_week is not None:
            opts["per_week"] = args.per_week
        if args.days is not None:
            opts["days"] = args.days
        if args.time is not None:
            opts["at"] = args.time
        if args.quiet is not None:
            opts["quiet"] = args.quiet
        if args.off:
            opts["enabled"] = False
        elif opts:
            opts["enabled"] = True
        try:
            sched = svc.set_schedule(args.group, **opts) if opts else svc.schedule(args.group)
        except ScheduleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f"{args.group}: {sched.describe()} ({config.timezone})")
        return 0
    finally:
        store.close()


# -- broadcast ----------------------------------------------------------------------------


async def broadcast(args: argparse.Namespace) -> int:
    from locales import t
    from tips.broadcast import BROADCAST_MAX_CHARS

    config = _config(args)
    store = open_for(config)
    locale = config.default_locale
    try:
        if args.group and not _known_group(store, args.group):
            return 1
        async with _service(config, store) as svc:
            proposal = await svc.propose_broadcast(None, args.text, target=args.group)
            if not proposal.ok:
                print(
                    t(
                        proposal.message_key,
                        locale,
                        length=len(args.text),
                        limit=BROADCAST_MAX_CHARS,
                        types=", ".join(proposal.leaked_types),
                    ),
                    file=sys.stderr,
                )
                return 1
            assert proposal.estimate is not None and proposal.broadcast_id is not None
            print(svc.estimate_text(proposal.estimate, locale))
            if not args.yes:
                if not sys.stdin.isatty():
                    svc.cancel_broadcast(proposal.broadcast_id, None)
                    print("not sent: confirm with --yes when not at a terminal", file=sys.stderr)
                    return 1
                answer = input(t("broadcast.confirm_prompt", locale) + " [y/N] ").strip().lower()
                if answer not in ("y", "yes", "是", "確認"):
                    svc.cancel_broadcast(proposal.broadcast_id, None)
                    print(t("broadcast.cancelled", locale))
                    return 1
            outcome = await svc.confirm_broadcast(proposal.broadcast_id, None)
            state = await _deliver(svc)
        print(
            t("broadcast.sent", locale, groups=outcome.sent_groups, messages=outcome.messages)
            + (f" ({outcome.skipped_groups} skipped for quota)" if outcome.skipped_groups else "")
            + f": {state}"
        )
        return 0
    finally:
        store.close()


# -- report -------------------------------------------------------------------------------

# The chart's file formats, by suffix (Pillow writes them; the chart is drawn as PNG).
CHART_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}


def chart_problem(path: Path) -> str | None:
    """Why the chart cannot be written to `path`, or None. No folder is created."""
    if path.suffix.lower() not in CHART_FORMATS:
        names = ", ".join(CHART_FORMATS)
        return f"unsupported format {path.suffix or '(no suffix)'!r}; use one of {names}"
    if not path.parent.is_dir():
        return f"folder {path.parent} does not exist"
    if path.is_dir():
        return "is a folder"
    return None


def encode_chart(png: bytes, suffix: str) -> bytes:
    """The PNG chart re-encoded in the format `suffix` names."""
    fmt = CHART_FORMATS[suffix]
    if fmt == "PNG":
        return png
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        out = io.BytesIO()
        img.convert("RGB").save(out, format=fmt, quality=90)
        return out.getvalue()


async def report(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from tips import chart
    from tips import report as rep

    config = _config(args)
    try:
        seconds = rep.parse_period(args.since)
    except rep.PeriodError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    chart_path = Path(args.chart) if args.chart else None
    if chart_path is not None:
        problem = chart_problem(chart_path)
        if problem:
            print(f"error: --chart {chart_path}: {problem}", file=sys.stderr)
            return 2
    store = open_for(config, readonly=True)
    try:
        tz = ZoneInfo(config.timezone)
        now = time.time()
        data = rep.build(store, now - seconds, now, tz)
        path: Path | None = chart_path
        if path is None and not args.json:
            # Text mode keeps its habit of saving the chart beside the database.
            stamp = datetime.fromtimestamp(now, tz).strftime("%Y%m%d-%H%M")
            path = config.db_path.parent / "reports" / f"report-{stamp}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
        if path is not None:
            png = chart.render(data, config.default_locale)
            path.write_bytes(encode_chart(png, path.suffix.lower()))
        if args.json:
            chart_out = str(path) if path else None
            print(json.dumps({**data, "chart_path": chart_out}, ensure_ascii=False, indent=2))
        else:
            print(rep.format_text(data, config.default_locale))
            print(t("report.chart_saved", config.default_locale, path=path))
        return 0
    finally:
        store.close()
