"""Fixtures for the service tests (helpers in tests/service/harness.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from fakeline import FakeLinePlatform
from handlers.deps import ManualClock
from tests.service.harness import (
    ADMIN,
    ALICE,
    BOB,
    GROUP,
    GROUP_NAME,
    SECRET,
    TOKEN,
    Bot,
    make_config,
)


@pytest.fixture
async def line() -> AsyncIterator[FakeLinePlatform]:
    async with FakeLinePlatform(SECRET, TOKEN) as p:
        p.add_group(GROUP, GROUP_NAME, {ALICE: "王小明", BOB: "陳美玲", ADMIN: "林組長"})
        p.add_friend(ALICE, "王小明")
        p.add_friend(ADMIN, "林組長")
        p.add_user(BOB, "陳美玲")
        yield p


@pytest.fixture
async def bot(line: FakeLinePlatform, tmp_path: Path) -> AsyncIterator[Bot]:
    b = Bot(line, make_config(line, tmp_path / "bot.db"), ManualClock())
    await b.start()
    b.store.add_role(ADMIN, "admin", GROUP, b.clock.now())
    try:
        yield b
    finally:
        await b.stop()
