"""`bot.py incidents show | ack | reopen ID`: one incident and its timeline, and the review
actions IT staff may take from the server (`bot.py incidents [--json]`, the list, stays
in cli/service.py, which registers this level under it).

bot.py incidents show ID [--lang zh-TW|en]   the incident and its timeline (local times)
bot.py incidents ack ID                      acknowledge it (the timeline says: cli)
bot.py incidents reopen ID                   open a closed incident again (not a retracted one)

`show` opens the database read-only. `ack` and `reopen` go through incidents/review.py
like the LINE buttons and the console, and write a timeline row with actor `cli`. Each
(shown, or done) also writes one audit-log row (cli/common.py audit_cli).
Exit status: 0 done, 1 the action does not apply (unknown incident, wrong status), 2 usage.
"""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING

from cli.common import Subparsers, audit_cli, command, load_config, open_for
from config import Config

if TYPE_CHECKING:
    from storage import Store


def register_actions(inc: argparse.ArgumentParser) -> None:
    """The ACTION level under `incidents`, optional: without one, the list."""
    sub: Subparsers[argparse.ArgumentParser] = inc.add_subparsers(
        dest="incidents_command", required=False, metavar="ACTION", help="one incident"
    )
    for name, what, func in (
        ("show", "one incident and its timeline (read-only)", show),
        ("ack", "acknowledge an incident (recorded as done from the command line)", ack),
        ("reopen", "open a closed incident again (recorded as done from the command line)", reopen),
    ):
        a = command(sub, name, what)
        # --db here too, without a default, so `incidents --db P show ID` keeps P
        a.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="SQLite database")
        a.add_argument("incident_id", metavar="ID", help="the incident id (bot.py incidents)")
        if name == "show":
            a.add_argument(
                "--lang",
                choices=("zh-TW", "en"),
                help="language of the output (unset: BOT_DEFAULT_LOCALE)",
            )
        a.set_defaults(func=func)


def _key(config: Config) -> bytes | None:
    """The hash key, to show `resolved_by` as the timeline does; None when there is none
    yet (a read command creates no key file)."""
    from storage.settings import _read_key, key_path

    if config.hash_salt:
        return config.hash_salt.encode("utf-8")
    path = key_path(config.db_path)
    try:
        return _read_key(path) if path.exists() else None
    except (OSError, ValueError):
        return None


def show(args: argparse.Namespace) -> int:
    from incidents.timeline import render, resolver_label
    from locales import normalise_locale

    config = load_config(args, require_line=False)
    store: Store = open_for(config, readonly=True)
    try:
        inc = store.incident(args.incident_id)
        locale = normalise_locale(args.lang or config.default_locale)
        if inc is None:
            from locales import t

            print(t("review.why.not_found", locale))
            return 1
        row = store.group(inc.group_id)
        group = f"{row['name']} ({inc.group_id})" if row and row.get("name") else inc.group_id
        print(
            render(
                inc,
                store.incident_events(inc.id),
                locale,
                config.timezone,
                group=group,
                resolver=resolver_label(store, inc, _key(config), locale),
            )
        )
    finally:
        store.close()
    audit_cli(config, "cli.incident.show", incident_id=inc.id, group_id=inc.group_id)
    return 0


def _review(args: argparse.Namespace, action: str) -> int:
    from incidents import review
    from locales import normalise_locale

    config = load_config(args, require_line=False)
    store: Store = open_for(config)
    try:
        fn = review.acknowledge if action == "ack" else review.reopen
        with store.atomic(immediate=True):
            result = fn(store, args.incident_id, review.Actor.command_line(), now=time.time())
        print(result.message(normalise_locale(config.default_locale)))
    finally:
        store.close()
    if result.ok and result.incident is not None:
        group = result.incident.group_id
        audit_cli(config, f"cli.incident.{action}", incident_id=args.incident_id, group_id=group)
    return 0 if result.ok else 1


def ack(args: argparse.Namespace) -> int:
    return _review(args, "ack")


def reopen(args: argparse.Namespace) -> int:
    return _review(args, "reopen")
