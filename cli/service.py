"""`bot.py serve | demo | incidents | admin`: the service's command-line side.

bot.py serve [--host H] [--port P]     the webhook server (POST /callback, GET /healthz)
bot.py demo                            the bot against a local LINE platform, scripted chat
bot.py incidents [--json]              incidents, masked (JSON: one object a line)
bot.py incidents show|ack|reopen ID    one incident's timeline; review it (cli/incidents.py)
bot.py admin add USER_ID --group G | --ethics   (a new admin gets the group's open incidents)
bot.py admin remove USER_ID --group G | --ethics
bot.py admin list [--json]
bot.py admin code --group G            a one-time code a member sends as `/admin CODE`
bot.py admin code --ethics             a one-time code sent as `/ethics CODE` in a 1:1 chat
bot.py admin org group GROUP_ID ORG    the group belongs to organisation ORG ("-" for none)
bot.py admin org ethics USER_ID ORG    this ethics member sees only ORG's groups ("-": all)
bot.py admin org list [--json]         groups and ethics members with their organisation

Every command but demo takes --db PATH. Read commands (incidents, admin list) open the
database read-only: they never create one and never delete anything (retention and
backups: cli/maintenance.py). `incidents` and `admin org` write one audit-log row each
(who ran it, as the console's /console/audit shows): reading incidents leaves a record.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from typing import TYPE_CHECKING

from cli.common import (
    Subparsers,
    actions,
    audit_cli,
    chat_id,
    command,
    load_config,
    open_for,
    port,
    user_id,
)
from cli.incidents import register_actions
from config import Config, ConfigError

if TYPE_CHECKING:
    from storage import Store

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    sv = command(sub, "serve", "run the webhook server (POST /callback, GET /healthz)", db=True)
    sv.add_argument(
        "--host", default="0.0.0.0", help="address to listen on (127.0.0.1 behind a proxy)"
    )
    sv.add_argument("--port", type=port, default=8080, help="TCP port to listen on")
    sv.set_defaults(func=serve)

    demo = command(sub, "demo", "run the bot against a local LINE platform with a scripted chat")
    demo.set_defaults(func=run_demo)

    inc = command(sub, "incidents", "list incidents (masked values only; read-only)", db=True)
    inc.add_argument("--json", action="store_true", help="one JSON object a line")
    inc.set_defaults(func=incidents)
    register_actions(inc)  # incidents show | ack | reopen ID (cli/incidents.py)

    ad = actions(command(sub, "admin", "manage group admins and the ethics unit"), "admin_command")
    for name, what, func in (
        ("add", "give USER_ID a role", admin_add),
        ("remove", "take a role from USER_ID", admin_remove),
    ):
        a = command(ad, name, what, db=True)
        a.add_argument("user_id", type=user_id, help="LINE user id (U + 32 hex digits)")
        g = a.add_mutually_exclusive_group(required=True)
        g.add_argument("--group", metavar="GROUP_ID", type=chat_id, help="admin of this group")
        g.add_argument("--ethics", action="store_true", help="the ethics unit (all groups)")
        a.set_defaults(func=func)
    al = command(ad, "list", "list admins and the ethics unit (read-only)", db=True)
    al.add_argument("--json", action="store_true", help="one JSON object a line")
    al.set_defaults(func=admin_list)
    ac = command(
        ad,
        "code",
        "print a one-time code: `/admin CODE` in the group, or `/ethics CODE` in a 1:1 chat",
        db=True,
    )
    which = ac.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--group", metavar="GROUP_ID", type=chat_id, help="an admin of the group (C/R + 32 hex)"
    )
    which.add_argument("--ethics", action="store_true", help="a member of the ethics unit")
    ac.set_defaults(func=admin_code)
    org = actions(
        command(ad, "org", "organisations: several agencies on one bot"), "admin_org_command"
    )
    og = command(org, "group", "put a group in an organisation (- for none)", db=True)
    og.add_argument("group_id", type=chat_id, help="the group (C/R + 32 hex)")
    og.add_argument("org", help='a short name, e.g. "health-bureau"; "-" for none')
    og.set_defaults(func=org_group)
    oe = command(org, "ethics", "limit an ethics member to an organisation (- for all)", db=True)
    oe.add_argument("user_id", type=user_id, help="LINE user id (U + 32 hex digits)")
    oe.add_argument("org", help='the organisation; "-" to see every group again')
    oe.set_defaults(func=org_ethics)
    ol = command(org, "list", "groups and ethics members with their organisation", db=True)
    ol.add_argument("--json", action="store_true", help="one JSON object a line")
    ol.set_defaults(func=org_list)


def serve(args: argparse.Namespace) -> int:
    config = load_config(args)  # ConfigError (any bad setting) -> message, exit 2
    # What would otherwise fail inside the server's start-up, as a traceback and an unclosed
    # session, is checked first and reported in one line: the policy file, the database.
    if config.policy_path is not None:
        from detectors.policy import PolicyError, load_policy

        try:
            load_policy(config.policy_path)
        except PolicyError as exc:
            raise ConfigError(f"BOT_POLICY_PATH: {exc}") from None
    open_for(config).close()  # creates and migrates the database, or says why it cannot
    from monitoring.logs import setup_logging

    setup_logging(config.log_level, config.log_format, config.timezone)
    import errno
    import socket

    from aiohttp import web

    from app import create_app

    # The address is taken before the app starts, so "port in use" is one clear line.
    try:
        sock = socket.create_server((args.host, args.port), reuse_port=False)
    except socket.gaierror as exc:
        raise ConfigError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from None
    except OSError as exc:
        what = {
            errno.EADDRINUSE: "the port is in use (another bot.py serve?)",
            errno.EACCES: "permission denied (ports below 1024 need root; use a proxy)",
            errno.EADDRNOTAVAIL: "no such address on this machine",
        }.get(exc.errno or 0, exc.strerror or str(exc))
        raise ConfigError(f"cannot listen on {args.host}:{args.port}: {what}") from None
    web.run_app(create_app(config), sock=sock, access_log=None)
    return 0


def _store(args: argparse.Namespace, *, readonly: bool = False) -> Store:
    return open_for(load_config(args, require_line=False), readonly=readonly)


def incidents(args: argparse.Namespace) -> int:
    from incidents.snippet import readable_masked
    from locales import normalise_locale
    from storage import iso

    config = load_config(args, require_line=False)
    locale = normalise_locale(config.default_locale)  # a matter's label, not its keyword
    store = _store(args, readonly=True)
    rows = store.list_incidents()
    store.close()
    audit_cli(config, "cli.incidents", detail=f"rows={len(rows)}")
    if args.json:
        for inc in rows:
            print(json.dumps(inc.to_json(), ensure_ascii=False))
        return 0
    if not rows:
        print("no incidents")
        return 0
    print(
        f"{'id':<12}  {'created (UTC)':<20}  {'verdict':<7}  {'status':<12}  group / types / masked"
    )
    for inc in rows:
        print(
            f"{inc.id:<12}  {iso(inc.created_at) or '':<20}  {inc.verdict:<7}  {inc.status:<12}  "
            f"{inc.group_id}  {','.join(inc.types)}  "
            f"{' '.join(readable_masked(inc.types, inc.masked, locale))}"
        )
    return 0


def _role(args: argparse.Namespace) -> tuple[str, str | None, str]:
    """(role, group, how to name it) for `admin add | remove USER_ID --group G | --ethics`."""
    if args.ethics:
        return "ethics", None, "the ethics unit"
    return "admin", args.group, f"group {args.group}"


def admin_add(args: argparse.Namespace) -> int:
    role, group, where = _role(args)
    config = load_config(args, require_line=False)
    store = open_for(config)
    try:
        added = store.add_role(args.user_id, role, group, time.time())
        print(f"{args.user_id} {'added to' if added else 'was already in'} {where}")
        if added and group is not None:
            handed = _hand_over(config, store, group, args.user_id)
            if handed:
                print(f"{handed} open incident(s) queued for them (the service sends them)")
    finally:
        store.close()
    return 0


def _hand_over(config: Config, store: Store, group: str, admin: str) -> int:
    """As `/admin CODE` does: the group's open incidents, queued in one push to the new
    admin (in their language; the running service delivers it), and a timeline row each."""
    from cli.incidents import _key
    from incidents.handover import queue_handover
    from line.lookups import user_locale
    from locales import label
    from outbox import Outbox

    locale = user_locale(store, admin, config.default_locale)
    row = store.group(group)
    gname = (row or {}).get("name") or label("alert", "room_name", locale)
    return queue_handover(
        store,
        Outbox(store, None),
        group,
        admin,
        locale,
        gname=str(gname),
        tz=config.timezone,
        salt=_key(config),
        now=time.time(),
    )


def admin_remove(args: argparse.Namespace) -> int:
    role, group, where = _role(args)
    removed = _store(args).remove_role(args.user_id, role, group)
    print(f"{args.user_id} {'removed from' if removed else 'was not in'} {where}")
    return 0 if removed else 1


def admin_list(args: argparse.Namespace) -> int:
    from storage import iso

    roles = _store(args, readonly=True).list_roles()
    if args.json:
        for r in roles:
            print(
                json.dumps(
                    {
                        "user_id": r["user_id"],
                        "role": r["role"],
                        "group_id": r["group_id"] or None,
                        "created_at": iso(r["created_at"]),
                    }
                )
            )
        return 0
    if not roles:
        print("no admins and no ethics unit yet")
    for r in roles:
        print(f"{r['role']:<7} {r['user_id']}  {r['group_id'] or '(all groups)'}")
    return 0


def admin_code(args: argparse.Namespace) -> int:
    if args.ethics:
        code = _store(args).create_invite_code("ethics", None, time.time())
        print(code)
        print(
            f"One-time code for the ethics unit, valid 24 hours. The new member sends "
            f"`/ethics {code}` to the bot in a 1:1 chat.",
            file=sys.stderr,
        )
        return 0
    code = _store(args).create_admin_code(args.group, time.time())
    print(code)
    print(
        f"One-time code for group {args.group}, valid 24 hours. The new admin sends "
        f"`/admin {code}` in that group.",
        file=sys.stderr,
    )
    return 0


def _org(value: str) -> str | None:
    return None if value.strip() in ("", "-") else value.strip()


def org_group(args: argparse.Namespace) -> int:
    config = load_config(args, require_line=False)
    store = _store(args)
    org = _org(args.org)
    store.set_group_org(args.group_id, org, time.time())
    store.close()
    audit_cli(config, "cli.org", group_id=args.group_id, detail=f"group:{org or '-'}")
    print(f"group {args.group_id}: organisation {org or '(none)'}")
    return 0


def org_ethics(args: argparse.Namespace) -> int:
    config = load_config(args, require_line=False)
    store = _store(args)
    org = _org(args.org)
    changed = store.set_ethics_org(args.user_id, org)
    store.close()
    if not changed:
        print(f"{args.user_id} is not in the ethics unit (bot.py admin add --ethics first)")
        return 1
    audit_cli(config, "cli.org", detail=f"ethics:{org or '-'}")
    print(f"{args.user_id}: sees {('the groups of ' + org) if org else 'every group'}")
    return 0


def org_list(args: argparse.Namespace) -> int:
    store = _store(args, readonly=True)
    groups = [(g["group_id"], g.get("org")) for g in store.list_groups(active_only=False)]
    ethics = [(u, store.ethics_org(u)) for u in store.ethics_users()]
    if args.json:
        for gid, org in groups:
            print(json.dumps({"group_id": gid, "org": org}))
        for uid, org in ethics:
            print(json.dumps({"ethics": uid, "org": org}))
        return 0
    for gid, org in groups:
        print(f"group   {gid}  {org or '(none)'}")
    for uid, org in ethics:
        print(f"ethics  {uid}  {org or '(every group)'}")
    return 0


# -- demo ---------------------------------------------------------------------------------------

DEMO_SECRET = "demo-channel-secret"
DEMO_TOKEN = "demo-channel-access-token"


def run_demo(args: argparse.Namespace | None = None) -> int:
    """The real server against the local LINE platform, a scripted zh-TW group chat."""
    import asyncio

    logging.basicConfig(level=logging.WARNING, format=LOG_FORMAT)
    return asyncio.run(_demo())


async def _demo() -> int:
    import tempfile
    from pathlib import Path

    from app import DEPS, ESCALATION, AppOptions, create_app, quiesce, start_server
    from devtools.clock import ManualClock
    from devtools.fakeline import FakeLinePlatform, group_id, user_id
    from incidents.snippet import readable_masked

    alice, bob, chief = user_id("demo-alice"), user_id("demo-bob"), user_id("demo-chief")
    group = group_id("demo-group")
    clock = ManualClock()
    with tempfile.TemporaryDirectory(prefix="bot-demo-") as tmp:
        async with FakeLinePlatform(DEMO_SECRET, DEMO_TOKEN, bot_name="保密守門員") as line:
            line.add_group(
                group,
                "新北市衛生局稽查組",
                {alice: "王小明", bob: "陳美玲", chief: "林組長"},
            )
            line.add_friend(alice, "王小明")
            line.add_friend(chief, "林組長")
            # No LINE channel and no .env: the demo builds its own configuration.
            config = Config(
                channel_secret=DEMO_SECRET,
                channel_access_token=DEMO_TOKEN,
                line_api_base_url=line.base_url,
                db_path=Path(tmp) / "demo.db",
                escalation_grace_seconds=600,
            )
            app = create_app(config, options=AppOptions(clock=clock), contexts=[])
            runner, port = await start_server(app)
            url = f"http://127.0.0.1:{port}/callback"
            print(
                f"Demo: local LINE platform on {line.base_url}, the bot's webhook on {url}; "
                "a scripted group chat (nothing leaves this machine).\n"
            )
            try:
                app[DEPS].store.add_role(chief, "admin", group, clock.now())

                async def say(*events: dict[str, object], redelivery: bool = False) -> None:
                    status = await line.deliver(url, list(events), redelivery=redelivery)
                    assert status == 200, status
                    await quiesce(app)

                await say(line.join_event(group))
                await say(
                    line.text_event(alice, "早安，下午兩點在二樓會議室開稽查行前會議", chat=group)
                )
                await say(line.text_event(bob, "收到，我會帶上週的稽查紀錄表", chat=group))
                leak = line.text_event(
                    alice,
                    "請幫忙查一下 K257491186 這位民眾的戶籍地址，他今天下午會來陳情",
                    chat=group,
                )
                await say(leak)
                await say(leak, redelivery=True)  # LINE delivers the same event again
                leak_id = str(leak["message"]["id"])
                await say(line.unsend_event(alice, leak_id, chat=group))
                await say(line.text_event(bob, "了解，之後個資改用公文系統傳", chat=group))
                await say(
                    line.text_event(
                        bob,
                        "搜索票下來了，李大華（H274121547）家明天清晨會去，先別張揚",
                        chat=group,
                    )
                )
                clock.advance(config.escalation_grace_seconds + 1)  # ten minutes pass
                app[ESCALATION].nudge()
                await app[ESCALATION].run_due()
                await quiesce(app)

                print("=" * 72)
                print("群組「新北市衛生局稽查組」，成員陳美玲看到的畫面")
                print("=" * 72)
                print(line.transcript(group, viewer=bob, locale="zh-TW"))
                print()
                print("=" * 72)
                print("王小明與機器人的一對一聊天（私下提醒）")
                print("=" * 72)
                print(line.transcript(alice, locale="zh-TW"))
                print()
                print("=" * 72)
                print("林組長（群組管理者）與機器人的一對一聊天（通報）")
                print("=" * 72)
                print(line.transcript(chief, locale="zh-TW"))
                print()
                print("=" * 72)
                print("事件紀錄（python bot.py incidents；不含原始個資）")
                print("=" * 72)
                for inc in app[DEPS].store.list_incidents():
                    print(
                        f"{inc.id}  {inc.verdict:<5}  {inc.status:<10}  "
                        f"{','.join(inc.types)}  "
                        f"{' '.join(readable_masked(inc.types, inc.masked, 'zh-TW')) or '(已刪除)'}"
                    )
                redeliveries = sum(1 for s, _ in line.webhooks if s == 200)
                print()
                print(
                    f"webhooks delivered: {redeliveries} (one was a redelivery, processed once); "
                    f"messages sent by the bot: {len(line.sent)}"
                )
            finally:
                await runner.cleanup()
    return 0
