"""Fixtures for the tips tests: a real SQLite store, the fake LINE platform on loopback, the
SDK pointed at it, the real outbox, and a clock the test moves by hand."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from linebot.v3.messaging import AsyncApiClient, AsyncMessagingApi, Configuration

from config import Config
from devtools.fakeline import FakeLinePlatform
from outbox import Outbox
from storage import Store
from tests.support.tipkit import ETHICS, MEMBER, SECRET, TOKEN, Clock, taipei
from tips.service import TipsService


@pytest.fixture
def clock() -> Clock:
    # Sunday 2026-11-01 12:00 Taipei; the next Monday is 2026-11-02.
    return Clock(taipei(2026, 11, 1, 12, 0))


@pytest.fixture
def config() -> Config:
    return Config(
        channel_secret=SECRET, channel_access_token=TOKEN, timezone="Asia/Taipei", hash_salt="s"
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "bot.db")
    yield s
    s.close()


@pytest.fixture
async def platform() -> AsyncIterator[FakeLinePlatform]:
    async with FakeLinePlatform(SECRET, TOKEN, monthly_limit=None) as p:
        p.add_friend(ETHICS, "Ethics Officer")
        p.add_friend(MEMBER, "Member")
        yield p


@pytest.fixture
async def api(platform: FakeLinePlatform) -> AsyncIterator[AsyncMessagingApi]:
    client = AsyncApiClient(Configuration(host=platform.base_url, access_token=TOKEN))
    try:
        yield AsyncMessagingApi(client)
    finally:
        await client.close()


@pytest.fixture
def outbox(store: Store, api: AsyncMessagingApi, clock: Clock) -> Outbox:
    return Outbox(store, api, clock=clock, base_delay=0.01)


@pytest.fixture
def service(
    store: Store, config: Config, api: AsyncMessagingApi, outbox: Outbox, clock: Clock
) -> TipsService:
    return TipsService.from_api(store, config, api, outbox=outbox, clock=clock)
