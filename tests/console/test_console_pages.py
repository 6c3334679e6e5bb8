"""The console's pages beside the incidents, over HTTP against the real app on the local
LINE platform (issue #13 item 2): overview, groups (settings, allow-list, test box, tips),
false-positive feedback, roles, tips and broadcasts. Each is scoped (an admin sees only
their groups; ethics sees all), each POST needs the CSRF token, each action is audited."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest

from app import tips_ctx
from devtools.fakeline import FakeLinePlatform
from tests.support.console import (
    CAROL,
    ETHICS,
    OTHER,
    OTHER_NAME,
    ask_link,
    console_client,
    csrf_of,
    make_ethics,
    sign_in,
    start_console_bot,
)
from tests.support.harness import (
    ADMIN,
    ALICE,
    BOB,
    GROUP,
    GROUP_NAME,
    LEAK_1,
    LEAK_2,
    Bot,
)

PUBLIC_LINE = "王小明 電話 0912-345-678"
ASKED = "有問題請找王小明，電話0912345678，謝謝"


@pytest.fixture
async def bot(line: FakeLinePlatform, tmp_path: Path) -> AsyncIterator[Bot]:
    """The console's bot (tests/support/console.py) with the tips service running too."""
    b = await start_console_bot(line, tmp_path, contexts=[tips_ctx])
    try:
        yield b
    finally:
        await b.stop()


@asynccontextmanager
async def signed_in(
    bot: Bot, line: FakeLinePlatform, user: str
) -> AsyncIterator[aiohttp.ClientSession]:
    if user == ETHICS:
        make_ethics(bot)
    link = await ask_link(bot, line, user)
    assert link is not None
    async with console_client(bot) as http:
        assert (await sign_in(http, bot, link)).status == 303
        yield http


async def _text(http: aiohttp.ClientSession, path: str, status: int = 200) -> str:
    async with http.get(path, allow_redirects=False) as resp:
        assert resp.status == status, path
        return await resp.text()


async def _post(
    http: aiohttp.ClientSession, path: str, form: dict[str, str], csrf: str | None
) -> aiohttp.ClientResponse:
    data = dict(form) | ({"csrf": csrf} if csrf else {})
    async with http.post(path, data=data, allow_redirects=False) as resp:
        await resp.read()
        return resp


async def _leaks(bot: Bot, line: FakeLinePlatform) -> None:
    for user, text, chat in (
        (ALICE, LEAK_1, GROUP),
        (ALICE, LEAK_2, GROUP),
        (CAROL, LEAK_1.replace("查一下", "看一下"), OTHER),
    ):
        assert await bot.send(line.text_event(user, text, chat=chat)) == 200
    await bot.flush()


def _actions(bot: Bot) -> list[str]:
    return [r["action"] for r in bot.store.db.query("SELECT action FROM audit_log ORDER BY id")]


async def test_overview_charts_only_the_viewers_groups(bot: Bot, line: FakeLinePlatform) -> None:
    await _leaks(bot, line)
    async with signed_in(bot, line, ADMIN) as http:
        async with http.get("/console/overview") as resp:
            assert resp.status == 200
            csp = resp.headers["Content-Security-Policy"]
            html = await resp.text()
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert GROUP_NAME in html and OTHER_NAME not in html
        assert '<script src="/console/static/chart.umd.min.js"></script>' in html
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)  # no inline script
        [per_day] = re.findall(r'data-chart="([^"]+)"', html)[:1]
        assert "&#34;values&#34;" in per_day or "&quot;values&quot;" in per_day
        assert "王小明" in html  # the repeat sender, by display name
        assert ALICE not in html and GROUP not in html  # never an id
        async with http.get("/console/static/chart.umd.min.js") as js:
            assert js.status == 200 and "Chart.js v4" in (await js.text())[:200]
    async with signed_in(bot, line, ETHICS) as http:
        html = await _text(http, "/console/overview?days=7")
        assert GROUP_NAME in html and OTHER_NAME in html
    assert _actions(bot).count("overview.view") == 2


async def test_group_settings_allow_list_and_test_box(bot: Bot, line: FakeLinePlatform) -> None:
    await _leaks(bot, line)
    async with signed_in(bot, line, ADMIN) as http:
        html = await _text(http, "/console/groups")
        assert GROUP_NAME in html and OTHER_NAME not in html
        await _text(http, f"/console/groups/{OTHER}", status=404)  # another admin's group
        csrf = await csrf_of(http, f"/console/groups/{GROUP}")
        page = f"/console/groups/{GROUP}"
        # Without the token: 403 and nothing changes.
        resp = await _post(http, f"{page}/settings", {"mode": "monitor"}, None)
        assert resp.status == 403 and bot.store.group_settings(GROUP).mode == "enforce"
        form = {"mode": "monitor", "grace_minutes": "15", "language": "en"}
        resp = await _post(http, f"{page}/settings", form, csrf)
        assert resp.status == 303
        s = bot.store.group_settings(GROUP)
        assert (s.mode, s.grace_seconds, bot.store.group_locale(GROUP)) == ("monitor", 900, "en")
        assert (await _post(http, f"/console/groups/{OTHER}/settings", form, csrf)).status == 404
        # The allow-list: the entry is kept masked; the test box explains the effect.
        resp = await _post(http, f"{page}/allow", {"sentence": PUBLIC_LINE}, csrf)
        assert resp.status == 303
        [entry] = bot.store.allow_entries(GROUP)
        html = await _text(http, page)
        assert entry.label in html and "0912-345-678" not in html
        async with http.post(f"{page}/test", data={"sentence": ASKED, "csrf": csrf}) as resp:
            html = await resp.text()
        assert resp.status == 200 and f"allow-listed in this group (entry {entry.id})" in html
        assert "phone_number.mobile+group_allow" in html and "0912345678" not in html
        resp = await _post(http, f"{page}/allow", {"sentence": "早安，今天開會"}, csrf)
        assert resp.status == 400  # nothing to allow
        resp = await _post(http, f"{page}/allow/{entry.id}/delete", {}, csrf)
        assert resp.status == 303 and bot.store.allow_entries(GROUP) == []
        # The tip schedule.
        tips = {
            "enabled": "on",
            "every": "2",
            "per_week": "1",
            "days": "tue",
            "at": "10:00",
            "quiet": "",
        }
        assert (await _post(http, f"{page}/tips", tips, csrf)).status == 303
        assert bot.deps.tips is not None
        assert bot.deps.tips.schedule(GROUP).every_weeks == 2
        bad = await _post(http, f"{page}/tips", tips | {"days": "someday"}, csrf)
        assert bad.status == 400
    actions = _actions(bot)
    for action in (
        "groups.settings",
        "groups.allow_add",
        "groups.test",
        "groups.allow_remove",
        "groups.tips",
    ):
        assert action in actions
    details = " ".join(str(r["detail"]) for r in bot.store.db.query("SELECT detail FROM audit_log"))
    assert "0912" not in details and "王小明" not in details  # never what was typed
    async with signed_in(bot, line, ETHICS) as http:
        html = await _text(http, "/console/groups")
        assert GROUP_NAME in html and OTHER_NAME in html
        await _text(http, f"/console/groups/{OTHER}")


async def test_feedback_aggregates_reasons_and_suggests_an_entry(
    bot: Bot, line: FakeLinePlatform
) -> None:
    for text in ("請撥 0912345678", "手機 0912-345-678 請回電"):
        await bot.send(line.text_event(ALICE, text, chat=GROUP))
    await bot.flush()
    await bot.send(line.text_event(CAROL, LEAK_2, chat=OTHER))
    await bot.flush()
    [theirs] = bot.store.list_incidents(group_id=OTHER)
    bot.store.set_incident_status(theirs.id, "dismissed", bot.clock.now(), reason="reason:test")
    incs = bot.store.list_incidents(group_id=GROUP)
    assert len(incs) == 2
    for inc in incs:
        bot.store.set_incident_status(
            inc.id, "dismissed", bot.clock.now(), by=ALICE, reason="reason:public"
        )
    async with signed_in(bot, line, ADMIN) as http:
        html = await _text(http, "/console/feedback")
        assert "phone_number.mobile" in html and "已公開的資訊" in html
        assert "測試／範例資料" not in html  # another group's feedback
        csrf = await csrf_of(http, "/console/feedback")
        digest = re.search(r'name="digest" value="([0-9a-f]+)"', html)
        assert digest is not None
        form = {"group": GROUP, "type": "phone_number", "digest": digest.group(1)}
        assert (
            await _post(http, "/console/feedback/allow", form | {"group": OTHER}, csrf)
        ).status == 404
        resp = await _post(http, "/console/feedback/allow", form, csrf)
        assert resp.status == 303
    async with signed_in(bot, line, ETHICS) as http:
        html = await _text(http, "/console/feedback?days=30")
        assert "已公開的資訊" in html and "測試／範例資料" in html  # every group
    [entry] = bot.store.allow_entries(GROUP)
    assert entry.marks == (f"phone_number|{digest.group(1)}",)
    # The suggested entry acts on the webhook: the same number no longer warns there.
    before = len(line.messages_to(GROUP))
    await bot.send(line.text_event(BOB, "總機忙線，請撥 0912345678", chat=GROUP))
    await bot.flush()
    assert len(line.messages_to(GROUP)) == before


async def test_roles_by_display_name_and_invite_codes(bot: Bot, line: FakeLinePlatform) -> None:
    async with signed_in(bot, line, ADMIN) as http:
        html = await _text(http, "/console/roles")
        assert ADMIN not in html and "invite_ethics" not in html
        assert "政風成員邀請碼" not in html  # admins cannot invite the ethics unit
        csrf = await csrf_of(http, "/console/roles")
        refused = await _post(http, "/console/roles/invite", {"role": "ethics"}, csrf)
        assert refused.status == 404
        refused = await _post(
            http, "/console/roles/invite", {"role": "admin", "group": OTHER}, csrf
        )
        assert refused.status == 404
        async with http.post(
            "/console/roles/invite", data={"role": "admin", "group": GROUP, "csrf": csrf}
        ) as resp:
            html = await resp.text()
        code = re.search(r'<code class="code">([A-Z0-9]{8})</code>', html)
        assert resp.status == 200 and code is not None and f"/admin {code.group(1)}" in html
    assert bot.store.claim_admin_code(GROUP, code.group(1), BOB, bot.clock.now())
    async with signed_in(bot, line, ETHICS) as http:
        html = await _text(http, "/console/roles")
        assert "政風室李專員" in html and ETHICS not in html
        csrf = await csrf_of(http, "/console/roles")
        async with http.post(
            "/console/roles/invite", data={"role": "ethics", "csrf": csrf}
        ) as resp:
            html = await resp.text()
        code = re.search(r'<code class="code">([A-Z0-9]{8})</code>', html)
        assert code is not None and f"/ethics {code.group(1)}" in html
    # The code works through the webhook, in a 1:1 chat.
    await bot.send(line.text_event(ALICE, f"/ethics {code.group(1)}"))
    await line.wait_for_messages(ALICE, kind="reply")
    assert bot.store.is_ethics(ALICE)
    assert {"roles.invite_admin", "roles.invite_ethics"} <= set(_actions(bot))


async def test_tips_and_broadcasts_are_the_ethics_units(bot: Bot, line: FakeLinePlatform) -> None:
    await _leaks(bot, line)  # the bot is in two groups
    async with signed_in(bot, line, ADMIN) as http:
        for path in ("/console/tips", "/console/broadcasts"):
            await _text(http, path, status=404)
    async with signed_in(bot, line, ETHICS) as http:
        html = await _text(http, "/console/tips")
        assert "日常守則" in html
        csrf = await csrf_of(http, "/console/tips")
        long_body = "公務群組裡的每一則訊息，都可能被轉傳到群組外。" * 20
        draft = {"locale": "zh-TW", "kind": "rule", "title": "截圖前先看", "body": long_body}
        async with http.post("/console/tips/add", data=draft | {"csrf": csrf}) as resp:
            assert resp.status == 400 and "太長了" in await resp.text()
        draft["body"] = "傳截圖前，先遮住姓名與電話。"
        async with http.post("/console/tips/preview", data=draft | {"csrf": csrf}) as resp:
            html = await resp.text()
            assert "【截圖前先看】" in html and bot.store.custom_tips() == []
        assert (await _post(http, "/console/tips/add", draft, csrf)).status == 303
        [tip] = bot.store.custom_tips()
        assert tip["title"] == "截圖前先看"
        # Broadcasts: compose, preview with the estimate, confirm; history.
        csrf = await csrf_of(http, "/console/broadcasts")
        leak = {"text": f"請大家注意 {LEAK_1}"}
        async with http.post("/console/broadcasts/preview", data=leak | {"csrf": csrf}) as resp:
            assert resp.status == 400 and "個人資料" in await resp.text()
        text = {"text": "下班前請記得登出公務系統。"}
        async with http.post("/console/broadcasts/preview", data=text | {"csrf": csrf}) as resp:
            html = await resp.text()
        assert "📢" in html and "即將發送提醒給" in html, re.findall(r"role=\"alert\">[^<]*", html)
        bid = re.search(r"/console/broadcasts/([A-Za-z0-9_\-]+)/confirm", html)
        assert bid is not None
        async with http.post(
            f"/console/broadcasts/{bid.group(1)}/confirm", data={"csrf": csrf}
        ) as resp:
            html = await resp.text()
        assert resp.status == 200 and "已排入發送" in html
        await bot.flush()
        assert any("下班前請記得登出公務系統" in x for x in line.texts_to(GROUP))
        html = await _text(http, "/console/broadcasts")
        assert "下班前請記得登出公務系統" in html
    assert {"tips.add", "broadcasts.propose", "broadcasts.confirm"} <= set(_actions(bot))
