"""`bot.py outbox list | retry`: what is waiting to go to LINE, and resending what LINE refused.

bot.py outbox list [--status held|pending|failed|all] [--json]
    rows with their state, attempts and LINE's last error; never the message bodies, and
    recipients shortened (U1234…)
bot.py outbox retry [ID ...] [--no-send]
    held rows (LINE answered 401/403: the access token was wrong) back to pending, all of
    them or the ids given; then one delivery pass with the configured token, unless
    --no-send (a running `bot.py serve` sends them within 30 s)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from typing import Any

from cli.common import load_config, open_for
from config import Config, ConfigError
from storage import OutboxRow, Store, iso


def _short(recipient: str | None) -> str:
    return f"{recipient[:5]}…" if recipient else "-"


def _row(r: OutboxRow) -> dict[str, Any]:
    return {
        "id": r.id,
        "status": r.status,
        "kind": r.kind,
        "priority": r.priority,
        "to": _short(r.to_id),
        "via": "reply" if r.reply_token else "push",
        "attempts": r.attempts,
        "created_at": iso(r.created_at),
        "last_error": r.last_error or "",
    }


def list_rows(store: Store, status: str, as_json: bool) -> int:
    if status == "all":
        rows = store.outbox_rows()
    elif status == "open":
        rows = [r for r in store.outbox_rows() if r.status in ("pending", "sending", "held")]
    else:
        rows = store.outbox_rows(status=status)
    for r in rows:
        d = _row(r)
        if as_json:
            print(json.dumps(d, ensure_ascii=False))
        else:
            print(
                f"{d['id']:>6} {d['status']:<8} {d['kind']:<10} {d['via']:<5} to={d['to']:<7} "
                f"attempts={d['attempts']:<3} {d['created_at']} {d['last_error']}"
            )
    if not as_json:
        counts = store.outbox_counts()
        print("total: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "empty")
    return 0


async def send_once(config: Config, store: Store) -> dict[str, int]:
    """One delivery pass with the configured token; the rows' states after it."""
    from linebot.v3.messaging import AsyncApiClient, AsyncMessagingApi

    from app import line_configuration
    from outbox import Outbox

    async with AsyncApiClient(line_configuration(config)) as client:
        outbox = Outbox(store, AsyncMessagingApi(client))
        while await outbox.deliver_pending():
            if outbox.auth_failed is not None or outbox.outage_since is not None:
                break  # still refused or LINE down: the rows stay for the service
    return store.outbox_counts()


def retry(config: Config, store: Store, ids: list[int], send: bool) -> int:
    released = store.outbox_release(time.time(), ids or None)
    print(f"released {released} held row(s)")
    if not send or not released:
        return 0
    counts = asyncio.run(send_once(config, store))
    print("after sending: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return 1 if counts.get("held") else 0


def run(args: argparse.Namespace) -> int:
    listing = args.outbox_command == "list"
    try:
        config = load_config(args, require_line=not listing and not args.no_send)
        store = open_for(config, readonly=listing)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.outbox_command == "list":
            return list_rows(store, args.status, args.json)
        return retry(config, store, list(args.ids), not args.no_send)
    finally:
        store.close()
