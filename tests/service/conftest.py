"""Fixtures for the service tests (helpers in tests/support/harness.py; `line` in
tests/conftest.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from devtools.fakeline import FakeLinePlatform
from tests.support.harness import Bot, start_bot


@pytest.fixture
async def bot(line: FakeLinePlatform, tmp_path: Path) -> AsyncIterator[Bot]:
    b = await start_bot(line, tmp_path)
    try:
        yield b
    finally:
        await b.stop()
