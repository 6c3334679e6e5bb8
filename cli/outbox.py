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

from config import Config, ConfigError
from storage import OutboxRow, Store, iso, open_store


def add_parser(sub: Any) -> None:
    ob = sub.add_parser("outbox", help="list outgoing messages; resend those LINE refused")
    obs = ob.add_subparsers(dest="outbox_command", required=True)
    ol = obs.add_parser("list", help="rows waiting, held (401/403) or failed; no bodies")
    ol.add_argument("--status", default="open", help="held | pending | failed | sent | all")
    ol.add_argument("--json", action="store_true", help="one JSON object a line")
    orr = obs.add_parser("retry", help="release held rows (after fixing the token) and send")
    orr.add_argument("ids", nargs="*", type=int, help="row ids (default: every held row)")
    orr.add_argument("--no-send", action="store_true", help="only release; the service sends")


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
    try:
        config = Config.from_env(require_line=args.outbox_command == "retry" and not args.no_send)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    store = open_store(config.db_path)
    try:
        if args.outbox_command == "list":
            return list_rows(store, args.status, args.json)
        return retry(config, store, list(args.ids), not args.no_send)
    finally:
        store.close()
