"""`bot.py serve | demo | incidents | admin`: the service's command-line side.

bot.py serve [--host H] [--port P]     the webhook server (POST /callback, GET /healthz)
bot.py demo                            the bot against a local LINE platform, scripted chat
bot.py incidents [--json]              incidents, masked (JSON: one object a line)
bot.py admin add USER_ID --group G | --ethics
bot.py admin remove USER_ID --group G | --ethics
bot.py admin list [--json]
bot.py admin code --group G            a one-time code a member sends as `/admin CODE`
bot.py retention run                   enforce BOT_RETENTION_DAYS now (the service does it hourly)

Every command but demo takes --db PATH. Read commands (incidents, admin list) open the
database read-only: they never create one and never delete anything.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time

from cli.common import load_config, open_for
from config import Config, ConfigError
from storage import Store, iso

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def run(args: argparse.Namespace) -> int:
    try:
        if args.command == "serve":
            return serve(args)
        if args.command == "demo":
            return run_demo()
        if args.command == "incidents":
            return incidents(args)
        if args.command == "admin":
            return admin(args)
        if args.command == "retention":
            return retention(args)
        if args.command == "backup":
            return backup(args)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"unknown command {args.command!r}", file=sys.stderr)
    return 2


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


def retention(args: argparse.Namespace) -> int:
    """`retention run`: what the service does hourly, now (e.g. from cron when it is down)."""
    from storage.tips import TipStore

    config = load_config(args, require_line=False)
    store = open_for(config)
    try:
        now = time.time()
        out = store.purge(now, config.retention_days)
        for key, n in TipStore(store).purge(now, config.retention_days).items():
            out[f"tips.{key}"] = n
    finally:
        store.close()
    print(
        f"retention {config.retention_days} days: deleted "
        + ", ".join(f"{k}={v}" for k, v in out.items())
    )
    return 0


def backup(args: argparse.Namespace) -> int:
    """`backup --to PATH`: a consistent copy while the service runs (SQLite backup API)."""
    import sqlite3
    from pathlib import Path

    from storage import backup as backup_db

    store = _store(args, readonly=True)
    dest = Path(args.to)
    try:
        if dest.exists():
            raise ConfigError(f"{dest} exists: backups never overwrite; choose a new name")
        if not dest.parent.is_dir():
            raise ConfigError(f"folder {dest.parent} does not exist")
        try:
            backup_db(store.db, dest)
        except FileExistsError:
            raise ConfigError(f"{dest} exists: backups never overwrite") from None
        except (OSError, sqlite3.Error) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise ConfigError(f"cannot write the backup {dest}: {reason}") from None
    finally:
        store.close()
    print(f"backup written to {dest} (mode 0600)")
    return 0


def incidents(args: argparse.Namespace) -> int:
    store = _store(args, readonly=True)
    rows = store.list_incidents()
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
            f"{inc.group_id}  {','.join(inc.types)}  {' '.join(inc.masked)}"
        )
    return 0


def admin(args: argparse.Namespace) -> int:
    cmd = args.admin_command
    store = _store(args, readonly=cmd == "list")
    now = time.time()
    if cmd in ("add", "remove"):
        role = "ethics" if args.ethics else "admin"
        group = None if args.ethics else args.group
        where = "the ethics unit" if args.ethics else f"group {group}"
        if cmd == "add":
            added = store.add_role(args.user_id, role, group, now)
            print(f"{args.user_id} {'added to' if added else 'was already in'} {where}")
        else:
            removed = store.remove_role(args.user_id, role, group)
            print(f"{args.user_id} {'removed from' if removed else 'was not in'} {where}")
            if not removed:
                return 1
        return 0
    if cmd == "list":
        roles = store.list_roles()
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
    if cmd == "code":
        code = store.create_admin_code(args.group, now)
        print(code)
        print(
            f"One-time code for group {args.group}, valid 24 hours. The new admin sends "
            f"`/admin {code}` in that group.",
            file=sys.stderr,
        )
        return 0
    print(f"unknown admin command {cmd!r}", file=sys.stderr)
    return 2


# -- demo ---------------------------------------------------------------------------------------

DEMO_SECRET = "demo-channel-secret"
DEMO_TOKEN = "demo-channel-access-token"


def run_demo() -> int:
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
                        f"{','.join(inc.types)}  {' '.join(inc.masked) or '(已刪除)'}"
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
