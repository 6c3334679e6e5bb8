"""The console's contract over HTTP (issue #13): the sign-in link from a 1:1 chat, the
session cookie, redirects, CSRF, CSP, and who sees which incident. The real server on the
local LINE platform, a real SQLite file; the browser tests (tests/browser) drive the same
through Chromium."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from devtools.fakeline import FakeLinePlatform
from tests.support.cli import bot_env, run_bot_async
from tests.support.console import (
    CAROL,
    ETHICS,
    LINK,
    OTHER,
    OTHER_ADMIN,
    ask_link,
    console_client,
    csrf_of,
    sign_in,
    start_console_bot,
)
from tests.support.harness import ADMIN, ALICE, BOB, GROUP, LEAK_1, LEAK_2, NID_1, NID_2, Bot


async def _leak(bot: Bot, line: FakeLinePlatform, user: str, text: str, chat: str) -> str:
    await bot.send(line.text_event(user, text, chat=chat))
    await bot.flush()
    return bot.store.list_incidents(group_id=chat)[-1].id


async def test_link_signs_in_once_with_a_strict_cookie(bot: Bot, line: FakeLinePlatform) -> None:
    link = await ask_link(bot, line, ADMIN, "/後台")
    assert link is not None and link.startswith("http://bot.test/console/login?token=")
    token = link.rsplit("=", 1)[1]
    # Only a keyed hash of the token is stored.
    rows = list(bot.store.db.query("SELECT * FROM console_links"))
    assert len(rows) == 1 and token not in repr(rows)
    replies = list(bot.store.db.query("SELECT messages FROM outbox WHERE kind = 'command'"))
    assert replies and token not in repr(replies)  # the delivered reply's body is gone
    assert rows[0]["expires_at"] - rows[0]["created_at"] <= 600
    async with console_client(bot) as http:
        first = await sign_in(http, bot, link)
        assert first.status == 303 and first.headers["Location"] == "/console/"
        cookie = first.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/console" in cookie
        assert "Secure" not in cookie  # BOT_PUBLIC_URL is http here
        async with http.get("/console/", allow_redirects=False) as home:
            assert home.status == 303 and home.headers["Location"] == "/console/incidents"
        async with http.get("/console/incidents") as page:
            assert page.status == 200
    async with console_client(bot) as other:
        again = await sign_in(other, bot, link)
        assert again.status == 403 and "Set-Cookie" not in again.headers
        async with other.get("/console/incidents", allow_redirects=False) as resp:
            assert resp.status == 303 and resp.headers["Location"] == "/console/signin"


async def test_a_link_preview_does_not_spend_the_link(bot: Bot, line: FakeLinePlatform) -> None:
    link = await ask_link(bot, line, ADMIN)
    assert link is not None
    path = link.split("bot.test", 1)[1]
    async with console_client(bot) as preview:  # LINE's preview fetcher runs no script
        for _ in range(2):
            async with preview.get(path, allow_redirects=False) as resp:
                assert resp.status == 200 and "Set-Cookie" not in resp.headers
                html = await resp.text()
                assert '<script src="/console/static/login.js' in html
        async with preview.post("/console/login", data={"token": "forged"}) as resp:
            assert resp.status == 403
    async with console_client(bot) as http:
        assert (await sign_in(http, bot, link)).status == 303


async def test_english_command_and_https_cookie_is_secure(bot: Bot, line: FakeLinePlatform) -> None:
    await bot.stop()
    bot.config = dataclasses.replace(bot.config, public_url="https://bot.test")
    await bot.start()
    link = await ask_link(bot, line, ADMIN, "/console")
    assert link is not None and link.startswith("https://bot.test/console/login?token=")
    async with console_client(bot) as http:
        resp = await sign_in(http, bot, link)
        assert resp.status == 303 and "Secure" in resp.headers["Set-Cookie"]


async def test_member_without_a_role_gets_a_refusal_and_no_link(
    bot: Bot, line: FakeLinePlatform
) -> None:
    assert await ask_link(bot, line, ALICE) is None
    assert "群組管理者與政風人員" in line.texts_to(ALICE)[-1]
    assert list(bot.store.db.query("SELECT * FROM console_links")) == []
    assert await ask_link(bot, line, BOB, "/console") is None


async def test_link_expires_after_ten_minutes(bot: Bot, line: FakeLinePlatform) -> None:
    link = await ask_link(bot, line, ADMIN)
    assert link is not None
    bot.clock.advance(601)
    async with console_client(bot) as http:
        assert (await sign_in(http, bot, link)).status == 403


async def test_session_ends_when_idle(bot: Bot, line: FakeLinePlatform) -> None:
    link = await ask_link(bot, line, ADMIN)
    assert link is not None
    async with console_client(bot) as http:
        assert (await sign_in(http, bot, link)).status == 303
        bot.clock.advance(1700)
        async with http.get("/console/incidents", allow_redirects=False) as resp:
            assert resp.status == 200  # used within the idle time: still signed in
        bot.clock.advance(1801)
        async with http.get("/console/incidents", allow_redirects=False) as resp:
            assert resp.status == 303 and resp.headers["Location"] == "/console/signin"


async def test_without_a_session_every_page_sends_to_the_explanation(
    bot: Bot, line: FakeLinePlatform
) -> None:
    inc = await _leak(bot, line, ALICE, LEAK_1, GROUP)
    async with console_client(bot) as http:
        for path in ("/console", "/console/", "/console/incidents", f"/console/incidents/{inc}"):
            async with http.get(path, allow_redirects=True) as resp:
                assert resp.status == 200 and str(resp.url).endswith("/console/signin")
                html = await resp.text()
                assert "/後台" in html and "王小明" not in html and inc not in html
        async with http.get("/console/incidents.csv", allow_redirects=False) as resp:
            assert resp.status == 303
        async with http.post(f"/console/incidents/{inc}/acknowledge", data={}) as resp:
            assert resp.status == 403
    assert bot.store.incident(inc).status == "open"  # type: ignore[union-attr]


async def test_post_needs_the_csrf_token(bot: Bot, line: FakeLinePlatform) -> None:
    inc = await _leak(bot, line, ALICE, LEAK_1, GROUP)
    link = await ask_link(bot, line, ADMIN)
    assert link is not None
    async with console_client(bot) as http:
        await sign_in(http, bot, link)
        url = f"/console/incidents/{inc}/acknowledge"
        for data in ({}, {"csrf": ""}, {"csrf": "0" * 64}):
            async with http.post(url, data=data, allow_redirects=False) as resp:
                assert resp.status == 403
        assert bot.store.incident(inc).status == "open"  # type: ignore[union-attr]
        csrf = await csrf_of(http, f"/console/incidents/{inc}")
        async with http.post(url, data={"csrf": csrf}, allow_redirects=False) as resp:
            assert resp.status == 303
            assert resp.headers["Location"] == f"/console/incidents/{inc}?done=acknowledge"
    done = bot.store.incident(inc)
    assert done is not None and done.status == "acknowledged" and done.resolved_by == ADMIN


async def test_csp_without_inline_script_on_every_page(bot: Bot, line: FakeLinePlatform) -> None:
    inc = await _leak(bot, line, ALICE, LEAK_1, GROUP)
    bot.store.add_role(ETHICS, "ethics", None, bot.clock.now())
    link = await ask_link(bot, line, ETHICS)
    assert link is not None
    async with console_client(bot) as http:
        await sign_in(http, bot, link)
        for path in (
            "/console/signin",
            "/console/incidents",
            f"/console/incidents/{inc}",
            "/console/audit",
            "/console/incidents.csv",
        ):
            async with http.get(path) as resp:
                assert resp.status == 200, path
                csp = resp.headers["Content-Security-Policy"]
                assert "script-src 'self'" in csp and "unsafe-inline" not in csp
                assert "frame-ancestors 'none'" in csp
                assert resp.headers["Cache-Control"] == "no-store"
                body = await resp.text()
                assert not re.search(r"<script(?![^>]*\bsrc=)", body), path
                assert not re.search(r"\son[a-z]+\s*=", body), path
                assert NID_1 not in body
                if path == f"/console/incidents/{inc}":
                    assert "K2******86" in body  # masked values only


async def test_admin_sees_only_their_groups_and_another_groups_incident_is_404(
    bot: Bot, line: FakeLinePlatform
) -> None:
    mine = await _leak(bot, line, ALICE, LEAK_1, GROUP)
    theirs = await _leak(bot, line, CAROL, LEAK_2, OTHER)
    link = await ask_link(bot, line, ADMIN)
    assert link is not None
    async with console_client(bot) as http:
        await sign_in(http, bot, link)
        async with http.get("/console/incidents") as resp:
            html = await resp.text()
        assert f"/console/incidents/{mine}" in html and theirs not in html
        assert "王小明" in html and "張志豪" not in html and "社會局救助科" not in html
        shown = re.sub(r"<[^>]*>", " ", html)  # what a person reads (ids may be form values)
        assert ALICE not in shown and GROUP not in shown  # names, never ids
        async with http.get(f"/console/incidents/{theirs}") as resp:
            assert resp.status == 404
        async with http.get(f"/console/incidents?group={OTHER}") as resp:
            assert theirs not in await resp.text()
        async with http.get("/console/incidents.csv") as resp:
            body = await resp.text()
        assert "張志豪" not in body and "王小明" in body
        csrf = await csrf_of(http, f"/console/incidents/{mine}")
        async with http.post(
            f"/console/incidents/{theirs}/acknowledge", data={"csrf": csrf}
        ) as resp:
            assert resp.status == 404
        async with http.get("/console/audit") as resp:
            assert resp.status == 404  # the audit log is the ethics unit's
    assert bot.store.incident(theirs).status != "acknowledged"  # type: ignore[union-attr]
    async with console_client(bot) as http:
        other = await ask_link(bot, line, OTHER_ADMIN)
        assert other is not None
        await sign_in(http, bot, other)
        async with http.get(f"/console/incidents/{theirs}") as resp:
            assert resp.status == 200
        async with http.get(f"/console/incidents/{mine}") as resp:
            assert resp.status == 404


async def test_ethics_sees_every_group_or_only_its_organisation(
    bot: Bot, line: FakeLinePlatform
) -> None:
    mine = await _leak(bot, line, ALICE, LEAK_1, GROUP)
    theirs = await _leak(bot, line, CAROL, LEAK_2, OTHER)
    bot.store.add_role(ETHICS, "ethics", None, bot.clock.now())
    link = await ask_link(bot, line, ETHICS)
    assert link is not None
    async with console_client(bot) as http:
        await sign_in(http, bot, link)
        async with http.get("/console/incidents") as resp:
            html = await resp.text()
        assert mine in html and theirs in html
        # Two agencies share the bot: the ethics member of the welfare bureau's sees its groups.
        bot.store.set_group_org(GROUP, "health", bot.clock.now())
        bot.store.set_group_org(OTHER, "welfare", bot.clock.now())
        bot.store.set_ethics_org(ETHICS, "welfare")
        async with http.get("/console/incidents") as resp:
            html = await resp.text()
        assert mine not in html and theirs in html
        async with http.get(f"/console/incidents/{mine}") as resp:
            assert resp.status == 404


async def test_views_and_actions_are_audited_and_no_page_shows_raw_data(
    bot: Bot, line: FakeLinePlatform
) -> None:
    inc = await _leak(bot, line, ALICE, LEAK_1, GROUP)
    bot.store.add_role(ETHICS, "ethics", None, bot.clock.now())
    link = await ask_link(bot, line, ETHICS)
    assert link is not None
    async with console_client(bot) as http:
        await sign_in(http, bot, link)
        csrf = await csrf_of(http, f"/console/incidents/{inc}")
        async with http.post(
            f"/console/incidents/{inc}/note", data={"csrf": csrf, "choice": "contacted_sender"}
        ) as resp:
            assert resp.status == 200
        pages = []
        for path in (f"/console/incidents/{inc}", "/console/incidents.csv", "/console/audit"):
            async with http.get(path) as resp:
                pages.append(await resp.text())
    actions = [
        (r["actor"], r["via"], r["action"], r["incident_id"])
        for r in bot.store.audit_list()
        if r["action"].startswith("incident.")
    ]
    assert (ETHICS, "console", "incident.view", inc) in actions
    assert (ETHICS, "console", "incident.note", inc) in actions
    assert "政風室李專員" in pages[2] and "檢視事件" in pages[2]
    for body in pages:
        assert NID_1 not in body and NID_2 not in body
    assert not LINK.search(" ".join(pages))


async def test_triage_through_the_review_api_with_its_timeline(
    bot: Bot, line: FakeLinePlatform
) -> None:
    inc = await _leak(bot, line, ALICE, LEAK_1, GROUP)
    link = await ask_link(bot, line, ADMIN)
    assert link is not None
    async with console_client(bot) as http:
        await sign_in(http, bot, link)
        page = f"/console/incidents/{inc}"

        async def post(action: str, **data: str) -> int:
            csrf = await csrf_of(http, page)
            async with http.post(
                f"{page}/{action}", data={"csrf": csrf, **data}, allow_redirects=False
            ) as resp:
                return resp.status

        assert await post("reopen") == 409  # open: nothing to reopen
        async with http.post(
            f"{page}/reopen", data={"csrf": await csrf_of(http, page)}
        ) as resp:  # said as a console page, with the review API's reason
            assert resp.status == 409 and "狀態已改變" in await resp.text()
        assert await post("acknowledge") == 303
        assert await post("acknowledge") == 409
        assert await post("note", choice="not-a-choice") == 409
        assert await post("note", choice="contacted_sender") == 303
        assert await post("reopen") == 303
        async with http.get(page) as resp:
            html = await resp.text()
    for shown in ("已確認處理", "重新開啟", "已聯繫傳送者", "群組管理者・林組長"):
        assert shown in html, shown
    reviews = [e for e in bot.store.incident_events(inc) if e.actor_role == "admin"]
    assert [e.kind for e in reviews] == ["acknowledged", "note_added", "reopened"]
    assert all(e.actor != ADMIN for e in bot.store.incident_events(inc))  # keyed refs only
    assert bot.store.incident(inc).status == "open"  # type: ignore[union-attr]


async def test_the_sender_has_no_review_action_on_their_own_incident(
    bot: Bot, line: FakeLinePlatform
) -> None:
    inc = await _leak(bot, line, ADMIN, LEAK_2, GROUP)  # the admin leaked it themself
    link = await ask_link(bot, line, ADMIN)
    assert link is not None
    async with console_client(bot) as http:
        await sign_in(http, bot, link)
        async with http.get(f"/console/incidents/{inc}") as resp:
            html = await resp.text()
        assert "/acknowledge" not in html and "須由其他管理者或政風單位處理" in html


async def test_the_audit_page_shows_command_line_reads(bot: Bot, line: FakeLinePlatform) -> None:
    bot.store.audit_add("cli:ops", "cli", "cli.incidents", bot.clock.now(), detail="rows=2")
    bot.store.add_role(ETHICS, "ethics", None, bot.clock.now())
    link = await ask_link(bot, line, ETHICS)
    assert link is not None
    async with console_client(bot) as http:
        await sign_in(http, bot, link)
        async with http.get("/console/audit") as resp:
            html = await resp.text()
    assert "伺服器指令列（ops）" in html and "列出事件（指令列）" in html
    assert "登入" in html and "政風室李專員" in html  # the sign-in itself is a row


async def test_no_link_is_ever_posted_in_a_group(bot: Bot, line: FakeLinePlatform) -> None:
    for word in ("/console", "/後台"):
        assert await bot.send(line.text_event(ADMIN, word, chat=GROUP)) == 200
    await bot.flush()
    sent = " ".join(" ".join(s.texts) for s in line.sent)
    assert not LINK.search(sent)
    assert list(bot.store.db.query("SELECT * FROM console_links")) == []


async def test_times_and_day_filters_follow_bot_timezone(
    line: FakeLinePlatform, tmp_path: Path
) -> None:
    """BOT_TIMEZONE=America/New_York: the console's times and its from/to days are New York's,
    not Taipei's (13 hours apart in winter)."""
    bot = await start_console_bot(line, tmp_path, timezone="America/New_York")
    try:
        inc_id = await _leak(bot, line, ALICE, LEAK_1, GROUP)
        inc = bot.store.incident(inc_id)
        assert inc is not None
        ny = datetime.fromtimestamp(inc.created_at, ZoneInfo("America/New_York"))
        taipei = datetime.fromtimestamp(inc.created_at, ZoneInfo("Asia/Taipei"))
        link = await ask_link(bot, line, ADMIN)
        assert link is not None
        async with console_client(bot) as http:
            await sign_in(http, bot, link)
            async with http.get("/console/incidents") as resp:
                html = await resp.text()
            assert ny.strftime("%Y-%m-%d %H:%M") in html
            assert taipei.strftime("%Y-%m-%d %H:%M") not in html
            day = ny.strftime("%Y-%m-%d")
            async with http.get(f"/console/incidents?from={day}&to={day}") as resp:
                assert f"/console/incidents/{inc_id}" in await resp.text()
            nxt = (ny + timedelta(days=1)).strftime("%Y-%m-%d")
            async with http.get(f"/console/incidents?from={nxt}") as resp:
                assert f"/console/incidents/{inc_id}" not in await resp.text()
            async with http.get(f"/console/incidents/{inc_id}") as resp:
                page = await resp.text()
            assert ny.strftime("%Y-%m-%d %H:%M") in page
    finally:
        await bot.stop()


async def test_a_matter_shows_its_kind_not_its_bracketed_keyword(
    bot: Bot, line: FakeLinePlatform, tmp_path: Path
) -> None:
    """A confidential matter is stored as its bracketed keyword (`[開標]`); the console's
    list, page and CSV and the CLI's list and `show` say what kind of matter it was."""
    tender = "明天開標，底價1,250,000 元，投標廠商有大華營造"
    inc_id = await _leak(bot, line, ALICE, tender, GROUP)
    inc = bot.store.incident(inc_id)
    assert inc is not None and any(m.startswith("[") for m in inc.masked)  # old rows too
    kind = "〔採購保密事項，已遮蔽〕"
    link = await ask_link(bot, line, ADMIN)
    assert link is not None
    async with console_client(bot) as http:
        await sign_in(http, bot, link)
        for path in (
            "/console/incidents",
            f"/console/incidents/{inc_id}",
            "/console/incidents.csv",
        ):
            async with http.get(path) as resp:
                body = await resp.text()
            if path != "/console/incidents":  # (the list shows no masked column)
                assert kind in body, path
            for raw in inc.masked:
                assert raw not in body, (path, raw)
    env = bot_env({}, drop_prefixes=("LINE_", "BOT_"))
    db = str(bot.config.db_path)
    for args in (("incidents",), ("incidents", "show", inc_id)):
        code, out, err = await run_bot_async(*args, "--db", db, cwd=tmp_path, env=env)
        assert code == 0, err
        assert kind in out, args
        for raw in inc.masked:
            assert raw not in out, (args, raw)
