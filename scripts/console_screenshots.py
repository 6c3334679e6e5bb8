"""Screenshots of the console's main pages into docs/console/*.png (the README shows one).

    .venv/bin/python scripts/console_screenshots.py [--out docs/console]

The real bot on the local LINE platform (as the tests run it: tests/support), a few made-up
incidents in two groups (masked values only), an ethics officer who signs in through the
link the bot sends in a 1:1 chat, and Debian's Chromium (/usr/bin/chromium), headless.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.async_api import ViewportSize  # noqa: E402

from devtools.fakeline import FakeLinePlatform  # noqa: E402
from tests.support.browser import chromium  # noqa: E402
from tests.support.console import (  # noqa: E402
    CAROL,
    ETHICS,
    OTHER,
    ask_link,
    local,
    make_ethics,
    start_console_bot,
)
from tests.support.harness import (  # noqa: E402
    ALICE,
    BOB,
    GROUP,
    LEAK_1,
    LEAK_2,
    Bot,
    platform,
)

PAGES = ("signin", "incidents", "incident", "overview", "group", "audit")
SIZE: ViewportSize = {"width": 1280, "height": 800}


async def _seed(bot: Bot, line: FakeLinePlatform) -> str:
    """Four incidents in two groups; returns the one the screenshots open."""
    for user, text, chat in (
        (ALICE, LEAK_1, GROUP),
        (BOB, LEAK_2, GROUP),
        (CAROL, "請協助查詢 0912-345-678 陳先生的案件進度", OTHER),
        (ALICE, "明天開標，底價 250 萬，投標廠商有三家", GROUP),
    ):
        await bot.send(line.text_event(user, text, chat=chat))
        await bot.flush()
        bot.clock.advance(3600)
    return bot.store.list_incidents(group_id=GROUP)[0].id


async def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        async with platform() as line:
            bot = await start_console_bot(line, Path(tmp))
            try:
                first = await _seed(bot, line)
                make_ethics(bot)
                link = await ask_link(bot, line, ETHICS, "/後台")
                assert link, "the bot sent no sign-in link"
                async with chromium() as browser:
                    context = await browser.new_context(viewport=SIZE, locale="zh-TW")
                    page = await context.new_page()
                    await page.goto(local(bot, "http://x/console/signin?"))
                    await page.screenshot(path=str(out / "signin.png"), full_page=True)
                    await page.goto(local(bot, link))
                    await page.wait_for_url("**/console/incidents")
                    await page.screenshot(path=str(out / "incidents.png"), full_page=True)
                    await page.goto(local(bot, f"http://x/console/incidents/{first}?"))
                    await page.get_by_role("button", name="確認已處理").click()
                    await page.get_by_role("status").wait_for()
                    await page.screenshot(path=str(out / "incident.png"), full_page=True)
                    await page.goto(local(bot, "http://x/console/overview?"))
                    await page.get_by_role("heading", name="總覽與趨勢").wait_for()
                    await page.screenshot(path=str(out / "overview.png"), full_page=True)
                    await page.goto(local(bot, f"http://x/console/groups/{GROUP}?"))
                    await page.get_by_label("句子（不會被保存）").fill("請撥 0912-345-678 找王小明")
                    await page.get_by_role("button", name="測試").click()
                    await page.get_by_role("status").wait_for()
                    await page.screenshot(path=str(out / "group.png"), full_page=True)
                    await page.goto(local(bot, "http://x/console/audit?"))
                    await page.screenshot(path=str(out / "audit.png"), full_page=True)
                    await context.close()
            finally:
                await bot.stop()
    for name in PAGES:
        print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "console")
    sys.exit(asyncio.run(main(parser.parse_args().out)))
