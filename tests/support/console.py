"""The console's test helpers: a sign-in link asked for in a 1:1 chat on the local LINE
platform, and an HTTP client that keeps the console's cookie.

    link = await ask_link(bot, line, ADMIN)          # /後台 -> the bot's reply -> the URL
    async with console_client(bot) as http:
        await sign_in(http, bot, link)
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from devtools.fakeline import FakeLinePlatform, group_id, user_id
from tests.support.harness import ALICE, Bot, start_bot

PUBLIC_URL = "http://bot.test"  # the links' origin; tests open them on the bot's real port
LINK = re.compile(r"https?://\S+/console/login\?token=[A-Za-z0-9_\-]+")
ETHICS = "U" + "e" * 32  # a member of the ethics unit (added by the tests that need one)
ETHICS_NAME = "政風室李專員"
OTHER = group_id("welfare")  # a second group, whose incidents the first group's admin never sees
OTHER_NAME = "社會局救助科"
OTHER_ADMIN = user_id("otheradmin")
CAROL = user_id("carol")


async def start_console_bot(line: FakeLinePlatform, tmp_path: Path, **config: Any) -> Bot:
    """The harness's bot with BOT_PUBLIC_URL set (links are made), a second group with its
    own admin, and an ethics member who is the bot's friend (no role yet: `make_ethics`)."""
    line.add_group(OTHER, OTHER_NAME, {CAROL: "張志豪", OTHER_ADMIN: "黃科長", ALICE: "王小明"})
    line.add_friend(OTHER_ADMIN, "黃科長")
    line.add_friend(CAROL, "張志豪")
    line.add_friend(ETHICS, ETHICS_NAME)
    bot = await start_bot(line, tmp_path, public_url=PUBLIC_URL, **config)
    bot.store.add_role(OTHER_ADMIN, "admin", OTHER, bot.clock.now())
    return bot


def make_ethics(bot: Bot) -> str:
    bot.store.add_role(ETHICS, "ethics", None, bot.clock.now())
    return ETHICS


async def ask_link(bot: Bot, line: FakeLinePlatform, user: str, word: str = "/後台") -> str | None:
    """Send `word` in the user's 1:1 chat; the link of the bot's answer (None: a refusal)."""
    before = len(line.messages_to(user))
    assert await bot.send(line.text_event(user, word)) == 200
    await bot.flush()
    sent = await line.wait_for_messages(user, count=before + 1)
    text = "\n".join(sent[-1].texts)
    found = LINK.search(text)
    return found.group(0) if found else None


def local(bot: Bot, link: str) -> str:
    """The link on the bot's real address (same path and query)."""
    parts = urlsplit(link)
    return f"http://127.0.0.1:{bot.port}{parts.path}?{parts.query}"


@contextlib.asynccontextmanager
async def console_client(bot: Bot) -> AsyncIterator[aiohttp.ClientSession]:
    jar = aiohttp.CookieJar(unsafe=True)  # cookies for 127.0.0.1
    async with aiohttp.ClientSession(f"http://127.0.0.1:{bot.port}", cookie_jar=jar) as http:
        yield http


async def sign_in(http: aiohttp.ClientSession, bot: Bot, link: str) -> aiohttp.ClientResponse:
    """What a browser does with the link: GET its page (a used or expired link: that 403 is
    the answer), then POST the token as the page's script does, without following the
    redirect. The POST's response: 303 to /console/ when signed in."""
    parts = urlsplit(link)
    async with http.get(f"{parts.path}?{parts.query}", allow_redirects=False) as page:
        html = await page.text()
        if page.status != 200:
            return page
    found = re.search(r'name="token" value="([^"]+)"', html)
    assert found, "no sign-in form on the link's page"
    async with http.post(
        "/console/login", data={"token": found.group(1)}, allow_redirects=False
    ) as resp:
        await resp.read()
        return resp


async def csrf_of(http: aiohttp.ClientSession, path: str) -> str:
    async with http.get(path) as resp:
        html = await resp.text()
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)
