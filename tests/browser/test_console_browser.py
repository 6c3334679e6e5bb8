"""The console in a real browser (Debian's Chromium, headless): sign in through the link the
bot sends in a LINE 1:1 chat on the local LINE platform, triage an incident end to end,
and what must fail; axe-core finds no WCAG 2.1 AA violation on any page visited, and the
browser reports no Content-Security-Policy violation."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import Browser, Page

from devtools.fakeline import FakeLinePlatform
from tests.support.browser import axe_violations
from tests.support.console import (
    CAROL,
    ETHICS,
    OTHER,
    OTHER_NAME,
    ask_link,
    local,
    make_ethics,
)
from tests.support.harness import ADMIN, ALICE, GROUP, GROUP_NAME, LEAK_1, LEAK_2, NID_1, Bot


async def _leak(bot: Bot, line: FakeLinePlatform, user: str, text: str, chat: str) -> str:
    await bot.send(line.text_event(user, text, chat=chat))
    await bot.flush()
    return bot.store.list_incidents(group_id=chat)[-1].id


def _watch_csp(page: Page, seen: list[str]) -> None:
    page.on(
        "console",
        lambda msg: seen.append(msg.text) if "Content Security Policy" in msg.text else None,
    )


async def _accessible(page: Page) -> None:
    violations = await axe_violations(page)
    assert violations == [], f"{page.url}: {violations}"


async def test_ethics_officer_signs_in_from_line_and_triages_an_incident(
    bot: Bot, line: FakeLinePlatform, browser: Browser
) -> None:
    mine = await _leak(bot, line, ALICE, LEAK_1, GROUP)
    await _leak(bot, line, CAROL, LEAK_2, OTHER)
    make_ethics(bot)
    link = await ask_link(bot, line, ETHICS, "/後台")
    assert link is not None
    context = await browser.new_context(locale="zh-TW")
    page = await context.new_page()
    csp: list[str] = []
    _watch_csp(page, csp)

    await page.goto(local(bot, link))
    assert page.url.endswith("/console/incidents")
    await page.get_by_role("heading", name="事件").wait_for()
    await _accessible(page)
    assert NID_1 not in await page.content()

    # Only the welfare bureau's group, through the filter form.
    await page.get_by_label("群組").select_option(label=OTHER_NAME)
    await page.get_by_role("button", name="套用").click()
    await page.wait_for_url(f"**/console/incidents?group={OTHER}**")
    rows = page.get_by_role("row").filter(has_text="張志豪")
    assert await rows.count() == 1
    assert await page.get_by_role("row").filter(has_text="王小明").count() == 0
    await page.get_by_role("link", name="清除條件").click()

    # One incident: names instead of ids, masked values only, its timeline and actions.
    await page.get_by_role("row").filter(has_text="王小明").get_by_role("link").click()
    await page.wait_for_url(f"**/console/incidents/{mine}")
    await page.get_by_role("heading", name=GROUP_NAME).wait_for()
    assert await page.get_by_text("K2******86").count() == 1
    await _accessible(page)

    await page.get_by_role("button", name="確認已處理").click()
    await page.get_by_role("status").filter(has_text="已確認處理").wait_for()
    await page.get_by_label("加註").select_option("contacted_sender")
    await page.get_by_role("button", name="加上註記").click()
    await page.get_by_role("status").filter(has_text="已加上註記").wait_for()
    timeline = page.get_by_role("table", name="歷程")
    assert await timeline.get_by_role("row").filter(has_text="政風室李專員").count() == 2
    assert await timeline.get_by_text("已聯繫傳送者").count() == 1
    await _accessible(page)
    inc = bot.store.incident(mine)
    assert inc is not None and inc.status == "acknowledged" and inc.resolved_by == ETHICS

    # The export: the same rows, a header.
    await page.goto(local(bot, "http://x/console/incidents?group="))
    async with page.expect_download() as info:
        await page.get_by_role("link", name="匯出 CSV").click()
    download = await info.value
    csv_text = Path(await download.path()).read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("編號,時間,群組,傳送者")
    assert "王小明" in csv_text and "張志豪" in csv_text and NID_1 not in csv_text

    # The audit log records the views and the actions; then English.
    await page.get_by_role("link", name="稽核紀錄").click()
    await page.get_by_role("heading", name="稽核紀錄").wait_for()
    assert await page.get_by_role("row").filter(has_text="檢視事件").count() >= 1
    assert await page.get_by_role("row").filter(has_text="確認處理").count() == 1
    await _accessible(page)
    await page.get_by_role("button", name="English").click()
    await page.get_by_role("heading", name="Audit log").wait_for()
    assert await page.locator("html").get_attribute("lang") == "en"
    await _accessible(page)

    await page.get_by_role("button", name="Sign out").click()
    await page.get_by_role("heading", name="How to sign in").wait_for()
    await page.goto(local(bot, "http://x/console/incidents?"))
    assert page.url.endswith("/console/signin")
    assert csp == []
    await context.close()


async def test_what_must_fail_fails_in_the_browser(
    bot: Bot, line: FakeLinePlatform, browser: Browser
) -> None:
    mine = await _leak(bot, line, ALICE, LEAK_1, GROUP)
    theirs = await _leak(bot, line, CAROL, LEAK_2, OTHER)
    # A member without a role: a refusal, no link.
    assert await ask_link(bot, line, ALICE) is None
    assert "只開放給群組管理者與政風人員" in line.texts_to(ALICE)[-1]

    # Without a session: the page that explains how to sign in, no data.
    anonymous = await browser.new_context()
    page = await anonymous.new_page()
    await page.goto(local(bot, "http://x/console/?"))
    assert page.url.endswith("/console/signin")
    await page.get_by_role("heading", name="如何登入後台").wait_for()
    assert "王小明" not in await page.content()
    await _accessible(page)

    # The group admin signs in and sees their incident, not the other group's.
    link = await ask_link(bot, line, ADMIN)
    assert link is not None
    context = await browser.new_context()
    page = await context.new_page()
    csp: list[str] = []
    _watch_csp(page, csp)
    await page.goto(local(bot, link))
    assert page.url.endswith("/console/incidents")
    response = await page.goto(local(bot, f"http://x/console/incidents/{theirs}?"))
    assert response is not None and response.status == 404
    await page.get_by_role("heading", name="找不到這一頁").wait_for()
    assert "張志豪" not in await page.content()
    await _accessible(page)
    response = await page.goto(local(bot, f"http://x/console/incidents/{mine}?"))
    assert response is not None and response.status == 200

    # A POST without the CSRF token, with the session's cookie: 403, nothing changed.
    form_post = await context.request.post(
        local(bot, f"http://x/console/incidents/{mine}/acknowledge?"), form={"x": "1"}
    )
    assert form_post.status == 403
    assert bot.store.incident(mine).status == "open"  # type: ignore[union-attr]

    # The same link a second time, in another browser: refused, explained, no session.
    again = await anonymous.new_page()
    response = await again.goto(local(bot, link))
    assert response is not None and response.status == 403
    await again.get_by_role("alert").filter(has_text="已使用過").wait_for()
    await _accessible(again)
    assert await anonymous.cookies() == []
    assert csp == []
    await context.close()
    await anonymous.close()
