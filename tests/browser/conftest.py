"""Fixtures for the browser tests: the bot of the console tests (tests/support/console.py)
and a headless Debian Chromium (tests/support/browser.py), one per test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser

from devtools.fakeline import FakeLinePlatform
from tests.support.browser import chromium
from tests.support.console import start_console_bot
from tests.support.harness import Bot


@pytest.fixture
async def bot(line: FakeLinePlatform, tmp_path: Path) -> AsyncIterator[Bot]:
    b = await start_console_bot(line, tmp_path)
    try:
        yield b
    finally:
        await b.stop()


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with chromium() as b:
        yield b
