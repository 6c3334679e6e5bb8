"""Fixtures for the console tests: the bot with BOT_PUBLIC_URL set (links are made), on the
local LINE platform with a second group whose incidents the first group's admin must not
see (tests/support/console.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from devtools.fakeline import FakeLinePlatform
from tests.support.console import start_console_bot
from tests.support.harness import Bot


@pytest.fixture
async def bot(line: FakeLinePlatform, tmp_path: Path) -> AsyncIterator[Bot]:
    b = await start_console_bot(line, tmp_path)
    try:
        yield b
    finally:
        await b.stop()
