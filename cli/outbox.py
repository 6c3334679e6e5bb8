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
import json
import time
from typing import TYPE_CHECKING, Any

from cli.common import Subparsers, actions, command, load_config, open_for
from config import Config

if TYPE_CHECKING:
    from storage import OutboxRow, Store


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    ob = actions(
        command(sub, "outbox", "list outgoing messages; resend those LINE refused"),
        "outbox_command",
    )
    ol = command(
        ob, "list", "rows waiting, held (401/403) or failed; no bodies (read-only)", db=True
    )
    ol.add_argument(
        "--status",
        default="open",
        choices=("open", "held", "pending", "failed", "sent", "all"),
        help="which rows (open: everything not yet delivered)",
    )
    ol.add_argument("--json", action="store_true", help="one JSON object a line")
    ol.set_defaults(func=list_command)
    orr = command(ob, "retry", "release held rows (after fixing the token) and send", db=True)
    orr.add_argument("ids", nargs="*", type=int, help="row ids (default: every held row)")
    orr.add_argument("--no-send", action="store_true", help="only release; the service sends")
    orr.set_defaults(func=retry_command)


def _short(recipient: str | None) -> str:
    return f"{recipient[:5]}…" if recipient else "-"


def _row(r: OutboxRow) -> dict[str, Any]:
    from storage import iso

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
    from line.client import open_clients
    from outbox import Outbox

    clients = await open_clients(config)
    try:
        outbox = Outbox(store, clients.messaging)
        while await outbox.deliver_pending():
            if outbox.auth_failed is not None or outbox.outage_since is not None:
                break  # still refused or LINE down: the rows stay for the service
    finally:
        await clients.close()
    return store.outbox_counts()


def retry(config: Config, store: Store, ids: list[int], send: bool) -> int:
    released = store.outbox_release(time.time(), ids or None)
    print(f"released {released} held row(s)")
    if not send or not released:
        return 0
    import asyncio

    counts = asyncio.run(send_once(config, store))
    print("after sending: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return 1 if counts.get("held") else 0


def list_command(args: argparse.Namespace) -> int:
    store = open_for(load_config(args, require_line=False), readonly=True)
    try:
        return list_rows(store, args.status, args.json)
    finally:
        store.close()


def retry_command(args: argparse.Namespace) -> int:
    config = load_config(args, require_line=not args.no_send)
    store = open_for(config)
    try:
        return retry(config, store, list(args.ids), not args.no_send)
    finally:
        store.close()
