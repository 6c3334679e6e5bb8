"""Fixtures for the console tests: the bot with BOT_PUBLIC_URL set (links are made), on the
local LINE platform with a second group whose incidents the first group's admin must not
see."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from devtools.fakeline import FakeLinePlatform, group_id, user_id
from tests.support.console import PUBLIC_URL
from tests.support.harness import ALICE, Bot, start_bot

OTHER = group_id("welfare")
OTHER_NAME = "社會局救助科"
OTHER_ADMIN = user_id("otheradmin")
CAROL = user_id("carol")


@pytest.fixture
async def bot(line: FakeLinePlatform, tmp_path: Path) -> AsyncIterator[Bot]:
    line.add_group(OTHER, OTHER_NAME, {CAROL: "張志豪", OTHER_ADMIN: "黃科長", ALICE: "王小明"})
    line.add_friend(OTHER_ADMIN, "黃科長")
    line.add_friend(CAROL, "張志豪")
    b = await start_bot(line, tmp_path, public_url=PUBLIC_URL)
    b.store.add_role(OTHER_ADMIN, "admin", OTHER, b.clock.now())
    try:
        yield b
    finally:
        await b.stop()
