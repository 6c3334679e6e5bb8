"""Fixtures for the service tests (helpers in tests/service/harness.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from devtools.fakeline import FakeLinePlatform
from handlers.deps import ManualClock
from tests.support.harness import (
    ADMIN,
    GROUP,
    Bot,
    make_config,
    platform,
)


@pytest.fixture
async def line() -> AsyncIterator[FakeLinePlatform]:
    async with platform() as p:
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
