"""End-to-end harness: the real bot server (create_app on 127.0.0.1, random port) against
the local LINE platform (fakeline, random port), a real SQLite file in tmp_path, or, when
`use_database(url)` was called (tests/service/conftest.py: the `[postgres]` runs), a fresh
schema of the test run's PostgreSQL database.

    async def test_x(bot):
        status = await bot.send(bot.line.text_event(ALICE, "...", chat=GROUP))
        await bot.line.wait_for_messages(GROUP, ...)
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

from app import (
    DEPS,
    ESCALATION,
    OUTBOX,
    STORE,
    WEBHOOK,
    AppOptions,
    CleanupCtx,
    create_app,
    start_server,
)
from config import Config
from deps import Deps
from devtools.clock import ManualClock
from devtools.fakeline import FakeLinePlatform, group_id, user_id
from storage import PgStore, Store

SECRET = "test-channel-secret"
TOKEN = "test-access-token"
ALICE = user_id("alice")  # a member who is the bot's friend
BOB = user_id("bob")  # a member who is not
ADMIN = user_id("admin")  # the group's admin (a friend)
GROUP = group_id("inspection")
GROUP_NAME = "衛生局稽查組"
# Valid national IDs (checksum) that are not well-known test values.
# The key of value hashes on PostgreSQL (required there: replicas share it).
PG_HASH_KEY = "harness-hash-key-" + "0" * 32
NID_1 = "K257491186"
NID_2 = "H274121547"
NID_3 = "A141269060"
LEAK_1 = f"請幫忙查一下 {NID_1} 這位民眾的戶籍資料"
LEAK_2 = f"身分證 {NID_2} 的那位今天會來陳情"
ORDINARY = "早安，下午兩點在二樓會議室開會"


@dataclass
class Bot:
    line: FakeLinePlatform
    config: Config
    clock: ManualClock
    app: web.Application = field(init=False)
    runner: web.AppRunner = field(init=False)
    port: int = 0
    # cleanup contexts plugged in as in production (the OCR pool, ...); none by default
    contexts: list[CleanupCtx] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/callback"

    @property
    def deps(self) -> Deps:
        return self.app[DEPS]

    @property
    def store(self) -> Store:
        return self.app[STORE]

    async def start(self, **opts: Any) -> Bot:
        options = AppOptions(
            clock=self.clock,
            outbox_base_delay=opts.pop("outbox_base_delay", 0.05),
            outbox_max_delay=opts.pop("outbox_max_delay", 0.5),
            **opts,
        )
        self.app = create_app(self.config, options=options, contexts=self.contexts)
        self.runner, self.port = await start_server(self.app)
        return self

    async def stop(self) -> None:
        await self.runner.cleanup()

    async def send(self, *events: dict[str, Any], redelivery: bool = False) -> int:
        return await self.line.deliver(self.url, list(events), redelivery=redelivery)

    async def send_raw(self, body: bytes) -> int:
        """POST raw bytes, signed like LINE signs them (malformed-body tests)."""
        return await self.line.deliver(self.url, body=body)

    async def idle(self) -> None:
        """Every delivered event processed (handlers done; sends may still be queued)."""
        await self.app[WEBHOOK].idle()

    async def flush(self) -> None:
        """Events processed and everything due in the outbox sent."""
        await self.idle()
        await self.app[OUTBOX].deliver_pending()

    async def escalate(self, seconds: float) -> int:
        self.clock.advance(seconds)
        return await self.app[ESCALATION].run_due()


_DATABASE: dict[str, str | None] = {"url": None}


def use_database(url: str | None) -> None:
    """Bots made from now on use this PostgreSQL URL (None: a SQLite file again)."""
    _DATABASE["url"] = url


def database_env(config: Config) -> dict[str, str]:
    """The variables that point a `bot.py` subprocess at `config`'s database."""
    if config.database_url:
        return {"BOT_DATABASE_URL": config.database_url, "BOT_HASH_KEY": config.hash_salt or ""}
    return {"BOT_DB_PATH": str(config.db_path)}


def set_read_only(store: Store, on: bool) -> None:
    """Make the database refuse every write of this connection (or accept them again):
    SQLite's query_only, PostgreSQL's read-only transactions. Their errors both say
    "readonly" / "read-only" (READ_ONLY matches either)."""
    if isinstance(store, PgStore):
        store.db.execute(f"SET default_transaction_read_only = {'on' if on else 'off'}")
    else:
        store.db.execute(f"PRAGMA query_only = {'ON' if on else 'OFF'}")


READ_ONLY = re.compile(r"read-?only")


def make_config(line: FakeLinePlatform, db: Path, **kw: Any) -> Config:
    """`db` is the SQLite file; on the `[postgres]` runs the shared database is used."""
    if _DATABASE["url"] and "database_url" not in kw:
        kw["database_url"] = _DATABASE["url"]
        kw.setdefault("hash_salt", PG_HASH_KEY)
    return Config(
        channel_secret=SECRET,
        channel_access_token=TOKEN,
        line_api_base_url=line.base_url,
        db_path=db,
        **kw,
    )


async def start_bot(
    line: FakeLinePlatform,
    tmp_path: Path,
    *,
    contexts: Sequence[CleanupCtx] = (),
    options: dict[str, float] | None = None,
    **config: Any,
) -> Bot:
    """The set-up most tests share: a bot on a fresh database (`config` overrides settings),
    started with `options` (AppOptions) and `contexts`, the group's admin role recorded."""
    bot = Bot(
        line,
        make_config(line, tmp_path / "bot.db", **config),
        ManualClock(),
        contexts=list(contexts),
    )
    await bot.start(**(options or {}))
    bot.store.add_role(ADMIN, "admin", GROUP, bot.clock.now())
    return bot


@contextlib.asynccontextmanager
async def platform() -> AsyncIterator[FakeLinePlatform]:
    """The local LINE platform with the harness's group: Alice and the admin are friends of
    the bot, Bob is not."""
    async with FakeLinePlatform(SECRET, TOKEN) as p:
        p.add_group(GROUP, GROUP_NAME, {ALICE: "王小明", BOB: "陳美玲", ADMIN: "林組長"})
        p.add_friend(ALICE, "王小明")
        p.add_friend(ADMIN, "林組長")
        p.add_user(BOB, "陳美玲")
        yield p
