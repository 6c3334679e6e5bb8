"""The pages beside the incidents in a real browser (Debian's Chromium, headless): an ethics
officer signed in from the LINE chat reads the overview's charts, puts a group in monitor
mode, allows a sentence and tests it, writes a tip and sends a broadcast, by role and label
as a person would; axe-core finds no WCAG 2.1 AA violation on any of these pages, and the
browser reports no Content-Security-Policy violation (Chart.js runs from a static file)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page

from app import tips_ctx
from devtools.fakeline import FakeLinePlatform
from tests.support.browser import axe_violations
from tests.support.console import (
    CAROL,
    ETHICS,
    OTHER,
    ask_link,
    local,
    make_ethics,
    start_console_bot,
)
from tests.support.harness import ALICE, GROUP, GROUP_NAME, LEAK_1, LEAK_2, Bot


@pytest.fixture
async def bot(line: FakeLinePlatform, tmp_path: Path) -> AsyncIterator[Bot]:
    b = await start_console_bot(line, tmp_path, contexts=[tips_ctx])
    try:
        yield b
    finally:
        await b.stop()


async def _accessible(page: Page) -> None:
    violations = await axe_violations(page)
    assert violations == [], f"{page.url}: {violations}"


async def test_ethics_officer_uses_the_pages_beside_the_incidents(
    bot: Bot, line: FakeLinePlatform, browser: Browser
) -> None:
    for user, text, chat in (
        (ALICE, LEAK_1, GROUP),
        (ALICE, LEAK_2, GROUP),
        (CAROL, LEAK_1, OTHER),
    ):
        await bot.send(line.text_event(user, text, chat=chat))
    await bot.flush()
    make_ethics(bot)
    link = await ask_link(bot, line, ETHICS)
    assert link is not None
    page = await (await browser.new_context(locale="zh-TW")).new_page()
    csp: list[str] = []
    page.on(
        "console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None
    )
    await page.goto(local(bot, link))
    await page.get_by_role("heading", name="事件").wait_for()

    # The overview: three charts drawn by Chart.js, each with its table.
    await page.get_by_role("link", name="總覽").click()
    await page.get_by_role("heading", name="總覽與趨勢").wait_for()
    drawn = await page.evaluate(
        "Array.from(document.querySelectorAll('canvas')).map(c => !!Chart.getChart(c))"
    )
    assert drawn == [True, True, True]
    await _accessible(page)

    # A group: monitor mode, an allowed sentence, the test box's explanation.
    await page.get_by_role("link", name="群組設定").click()
    await page.get_by_role("link", name=GROUP_NAME).click()
    await page.get_by_role("heading", name=GROUP_NAME).wait_for()
    await _accessible(page)
    await page.get_by_label("僅觀察（不提醒）").check()
    await page.get_by_role("button", name="儲存").first.click()
    await page.get_by_text("已儲存運作方式。").wait_for()
    assert bot.store.group_settings(GROUP).monitor_only
    await page.get_by_label("要允許的句子").fill("王小明 電話 0912-345-678")
    await page.get_by_role("button", name="加入允許清單").click()
    await page.get_by_text("已加入允許清單。").wait_for()
    await page.get_by_label("句子（不會被保存）").fill("有問題請找王小明，電話0912345678")
    await page.get_by_role("button", name="測試").click()
    await page.get_by_text("評估後放行").wait_for()
    assert "0912345678" not in await page.content()
    await _accessible(page)

    # A tip of the ethics unit's own, previewed, then saved.
    await page.get_by_role("link", name="宣導小叮嚀").click()
    await page.get_by_label("標題").fill("截圖前先看")
    await page.get_by_label("內容").fill("傳截圖前，先遮住姓名與電話。")
    await page.get_by_role("button", name="預覽").click()
    await page.get_by_text("【截圖前先看】").wait_for()
    await page.get_by_role("button", name="檢查並儲存").click()
    await page.get_by_text("已儲存自訂小叮嚀。").wait_for()
    await _accessible(page)

    # A broadcast: preview with the estimate, then confirm; the groups receive it.
    await page.get_by_role("link", name="群組廣播").click()
    await page.get_by_label("提醒內容").fill("下班前請記得登出公務系統。")
    await page.get_by_role("button", name="預覽與估算額度").click()
    await page.get_by_text("即將發送提醒給").wait_for()
    await _accessible(page)
    await page.get_by_role("button", name="確認發送").click()
    await page.get_by_role("status").get_by_text("已排入發送").wait_for()
    await bot.flush()
    assert any("下班前請記得登出公務系統" in x for x in line.texts_to(OTHER))

    for name in ("誤判回饋", "角色與邀請"):
        await page.get_by_role("link", name=name).click()
        await page.get_by_role("heading", level=1).wait_for()
        await _accessible(page)
    assert csp == []
