"""LINE failures handled by their meaning: the real webhook against the local LINE platform with
faults injected (an outage window, an answer lost after delivery, the monthly quota spent, a
revoked token). Every leak is warned exactly once, within a stated time.

Rows of issue 10 (before -> after):
- LINE down for 60 s: the last warning 133 s after recovery -> the backlog drains within a
  few seconds of LINE answering (a probe every 2 s; the first success makes every row due);
- a reply accepted whose answer was lost: the group warned twice -> once;
- pushes refused for the monthly quota: retried 140 times in 95 s, nobody told -> one
  attempt, pushes paused until the quota resets, admins told in the next reply, readiness
  says why;
- 401/403: rows kept whole (held), readiness says why, `bot.py outbox retry` resends them.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from app import OUTBOX
from devtools.fakeline import FakeLinePlatform
from tests.support.cli import run_bot_async
from tests.support.harness import (
    ADMIN,
    ALICE,
    BOB,
    GROUP,
    LEAK_1,
    LEAK_2,
    NID_1,
    NID_2,
    NID_3,
    SECRET,
    database_env,
    start_bot,
)

ROOT = Path(__file__).resolve().parents[2]


async def test_backlog_drains_within_seconds_of_line_answering_again(
    line: FakeLinePlatform, tmp_path: Path
) -> None:
    # Production backoff (1 s doubling up to 300 s): without probes the rows would wait out
    # their backoff long after LINE is back.
    bot = await start_bot(
        line, tmp_path, options={"outbox_base_delay": 1.0, "outbox_max_delay": 300.0}
    )
    outage = 20.0
    try:
        line.set_down_for(outage)
        recovered_at = time.perf_counter() + outage
        leaks = [
            line.text_event(ALICE if i % 2 else BOB, f"請查 {nid} 的資料", chat=GROUP)
            for i, nid in enumerate([NID_1, NID_2, NID_3] * 3)
        ]
        for event in leaks:
            assert await bot.send(event) == 200
        await bot.idle()
        warnings = await line.wait_for_messages(GROUP, count=len(leaks), timeout=outage + 30)
        drained = max(s.perf for s in warnings) - recovered_at
        await asyncio.sleep(1.0)
    finally:
        await bot.stop()
    assert len(line.messages_to(GROUP)) == len(leaks)  # each warned exactly once
    print(f"LINE down {outage:.0f} s: last warning {drained:.2f} s after LINE answered again")
    assert drained < 4.0


async def test_a_reply_whose_answer_was_lost_is_not_followed_by_a_push(
    line: FakeLinePlatform, tmp_path: Path
) -> None:
    bot = await start_bot(line, tmp_path)
    try:
        # LINE delivers the reply, then the answer is lost (500 after processing).
        line.fail_next(1, 500, "/v2/bot/message/reply", accept=True)
        assert await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP)) == 200
        await line.wait_for_messages(GROUP, timeout=10)
        await line.wait_for_messages(ADMIN, timeout=10)
        await bot.flush()
        await asyncio.sleep(0.5)  # time for a wrong push fallback to show up
        await bot.flush()
        rows = [r for r in bot.store.outbox_rows() if r.kind == "warning"]
    finally:
        await bot.stop()
    assert [s.kind for s in line.messages_to(GROUP)] == ["reply"]  # once, no push after it
    assert [r.status for r in rows] == ["sent"]
    assert rows[0].last_error == "reply token used by the unanswered attempt"


async def test_monthly_quota_stops_pushes_tells_admins_and_resumes_when_it_resets(
    line: FakeLinePlatform, tmp_path: Path
) -> None:
    line.set_monthly_limit(100, usage=100)  # this month's pushes are spent
    bot = await start_bot(line, tmp_path)
    outbox = bot.app[OUTBOX]
    outbox.quota_check_interval = 0.5
    try:
        assert await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP)) == 200
        await line.wait_for_messages(GROUP, timeout=10)  # the warning is a reply: free
        await line.wait_for(lambda: outbox.quota is not None, timeout=10)
        await asyncio.sleep(3.0)  # pushes must not be retried meanwhile
        refused = [r for r in line.requests if r[1] == "/v2/bot/message/push" and r[2] == 429]
        ok, reason = outbox.health()
        state = outbox.quota_state()
        # The next reply to the group (which has an admin) carries the notice, once.
        assert await bot.send(line.text_event(BOB, LEAK_2, chat=GROUP)) == 200
        assert await bot.send(line.text_event(ALICE, f"再一次 {NID_3}", chat=GROUP)) == 200
        await line.wait_for_messages(GROUP, count=3, timeout=10)
        assert not line.delivered_to(ADMIN)
        line.new_month()  # the quota resets: the held-back pushes go out, once each
        await line.wait_for(lambda: outbox.quota is None, timeout=10)
        alerts = await line.wait_for_messages(ADMIN, count=3, timeout=10)
        await bot.flush()
        await asyncio.sleep(0.5)
    finally:
        await bot.stop()
    assert len(refused) <= 2  # one refusal per push row at most, not a retry storm
    assert not ok and "quota" in reason
    assert state["paused"] and state["limit"] == 100
    notices = [t for s in line.messages_to(GROUP) for t in s.texts if "額度已用完" in t]
    assert len(notices) == 1
    assert len(line.messages_to(GROUP)) == 3  # each leak warned once
    assert len(alerts) == len(line.messages_to(ADMIN)) == 3  # each alert delivered once


async def test_revoked_token_holds_rows_until_outbox_retry_resends_them(
    line: FakeLinePlatform, tmp_path: Path
) -> None:
    bot = await start_bot(line, tmp_path)
    outbox = bot.app[OUTBOX]
    try:
        line.rotate_access_token("reissued-token")  # the bot's token no longer works: 401
        assert await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP)) == 200
        # Held rows live in our database, not on the platform: poll (the platform's
        # wait_for wakes only on its own requests, and the last 401 may come before).
        for _ in range(200):
            if outbox.store.outbox_counts().get("held", 0) >= 2:
                break
            await asyncio.sleep(0.05)
        assert outbox.store.outbox_counts().get("held", 0) >= 2
        await bot.flush()
        ok, reason = outbox.health()
        held = outbox.store.outbox_counts().get("held", 0)
    finally:
        await bot.stop()
    assert not ok and "401" in reason
    assert not line.messages_to(GROUP)
    env = {
        **os.environ,
        "LINE_CHANNEL_SECRET": SECRET,
        "LINE_CHANNEL_ACCESS_TOKEN": "reissued-token",  # the operator installs the new token
        "LINE_API_BASE_URL": line.base_url,
        **database_env(bot.config),
    }
    listed = await _cli(env, tmp_path, "outbox", "list")
    assert listed.count(" held ") == held and "401" in listed
    assert ALICE not in listed and GROUP not in listed  # recipients shortened
    out = await _cli(env, tmp_path, "outbox", "retry")
    assert f"released {held} held row(s)" in out
    await line.wait_for_messages(GROUP, timeout=10)
    assert len(line.messages_to(GROUP)) == 1  # warned exactly once, after the fix
    assert line.messages_to(ADMIN)
    assert "held" not in (await _cli(env, tmp_path, "outbox", "list", "--status", "held"))


async def _cli(env: dict[str, str], cwd: Path, *args: str) -> str:
    """Run the CLI beside the test database (no .env of the checkout is read there)."""
    code, out, _ = await run_bot_async(*args, cwd=str(cwd), env=env, merge_stderr=True)
    assert code == 0, out
    return out


async def test_a_reply_in_flight_when_the_process_stopped_is_not_pushed_after_the_restart(
    line: FakeLinePlatform, tmp_path: Path
) -> None:
    """LINE takes the reply, the process stops before the answer (a row left `sending`):
    after the restart the attempt counts as ambiguous, "invalid reply token" means it was
    delivered, and no push follows (before: the group was warned twice)."""
    bot = await start_bot(line, tmp_path)
    try:
        line.fail_next(1, 500, "/v2/bot/message/reply", accept=True, delay=30.0)
        assert await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP)) == 200
        await line.wait_for_messages(GROUP, timeout=10)  # delivered; the answer is held back
        await asyncio.sleep(0.2)
        assert [r.status for r in bot.store.outbox_rows() if r.kind == "warning"] == ["sending"]
    finally:
        await bot.stop()  # the attempt is cut short: the row stays `sending`
    line.clear_failures()
    again = await start_bot(line, tmp_path)  # same database
    try:
        for _ in range(100):
            rows = [r for r in again.store.outbox_rows() if r.kind == "warning"]
            if rows and rows[0].status == "sent":
                break
            await asyncio.sleep(0.05)
        await again.flush()
        await asyncio.sleep(0.5)  # time for a wrong push fallback to show up
        rows = [r for r in again.store.outbox_rows() if r.kind == "warning"]
    finally:
        await again.stop()
    assert [s.kind for s in line.messages_to(GROUP)] == ["reply"]  # warned once, no push
    assert [r.status for r in rows] == ["sent"]
