"""`/metrics` reads escalations and the last tip queued from the database at scrape time:
an incident escalated by the real timer, a tip queued by `bot.py tips send` (another
process, the same database), both seen on the next scrape."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from tests.support.harness import ALICE, GROUP, LEAK_1, NID_1, Bot, database_env

ROOT = Path(__file__).resolve().parents[2]


async def scrape(bot: Bot) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    async with (
        aiohttp.ClientSession() as s,
        s.get(f"http://127.0.0.1:{bot.port}/metrics") as r,
    ):
        assert r.status == 200
        text = await r.text()
    assert NID_1 not in text and GROUP not in text and ALICE not in text
    out = {}
    for fam in text_string_to_metric_families(text):
        for sample in fam.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


ESCALATED = ("line_guard_incidents_escalated", ())
LAST_ESCALATION = ("line_guard_last_escalation_timestamp_seconds", ())
MANUAL_TIP = ("line_guard_tip_last_queued_timestamp_seconds", (("reason", "manual"),))


async def test_metrics_show_escalations_and_the_last_tip(bot: Bot) -> None:
    await bot.send(bot.line.join_event(GROUP))
    await bot.idle()
    got = await scrape(bot)
    assert got[ESCALATED] == 0 and got[LAST_ESCALATION] == 0
    assert MANUAL_TIP not in got  # no tip yet: no sample, never a made-up time

    await bot.send(bot.line.text_event(ALICE, LEAK_1, chat=GROUP))
    await bot.idle()
    assert (await scrape(bot))[ESCALATED] == 0  # open, still in the grace period
    assert await bot.escalate(bot.config.escalation_grace_seconds + 1) == 1
    (incident,) = bot.store.list_incidents()
    assert incident.status == "escalated" and incident.escalated_at is not None
    got = await scrape(bot)
    assert got[ESCALATED] == 1
    assert got[LAST_ESCALATION] == incident.escalated_at
    assert got[("line_guard_incidents", (("status", "escalated"),))] == 1

    # A tip queued by the command line in another process, read on the next scrape.
    env = {**os.environ, "LINE_CHANNEL_SECRET": "", "LINE_CHANNEL_ACCESS_TOKEN": ""}
    before = time.time()
    r = subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), "tips", "send", "--group", GROUP],
        env={**env, **database_env(bot.config)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    got = await scrape(bot)
    assert before - 1 <= got[MANUAL_TIP] <= time.time() + 1
    assert ("line_guard_tip_last_queued_timestamp_seconds", (("reason", "schedule"),)) not in got
    assert got[ESCALATED] == 1  # unchanged by the tip
