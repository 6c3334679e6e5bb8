"""Periodic work on the job queue: two `bot.py worker` processes both run procrastinate's
periodic deferrer; each slot of each periodic task is deferred once for the cluster, and
an incident past its grace period is escalated once (no replica runs its own loop)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from app import ESCALATION
from devtools.fakeline import FakeLinePlatform
from jobs.queue import PERIODIC_CRON
from tests.support.cluster import Workers, pg_rows, start_replica
from tests.support.harness import ALICE, GROUP, LEAK_1


async def test_two_schedulers_defer_each_slot_once_and_escalate_once(
    line: FakeLinePlatform, tmp_path: Path, pg_url: str, workers: Workers
) -> None:
    bot = await start_replica(line, tmp_path, pg_url, escalation_grace_seconds=1)
    try:
        # The replica runs no escalation loop of its own on the queue.
        assert bot.app[ESCALATION]._task is None
        assert await bot.send(line.text_event(ALICE, LEAK_1, chat=GROUP)) == 200
        await bot.flush()
        (inc,) = bot.store.list_incidents(group_id=GROUP)
        assert inc.status == "open"
        workers.start(line, bot.config, "a")
        workers.start(line, bot.config, "b")
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:  # both workers up, their deferrers running
            (seen,) = pg_rows(pg_url, "SELECT count(*) FROM procrastinate_workers")
            if seen[0] >= 2:
                break
            await asyncio.sleep(0.5)
        await asyncio.sleep(21)  # four 5-second slots with both deferrers running
        status = bot.store.incident(inc.id).status  # type: ignore[union-attr]
        timeline = [e.kind for e in bot.store.incident_events(inc.id)]
    finally:
        await bot.stop()
    workers.stop("a")
    workers.stop("b")
    doubled = pg_rows(
        pg_url,
        "SELECT task_name, args->>'timestamp', count(*) FROM procrastinate_jobs "
        "WHERE queue_name = 'periodic' GROUP BY 1, 2 HAVING count(*) > 1",
    )
    per_task = dict(
        pg_rows(
            pg_url,
            "SELECT task_name, count(*) FROM procrastinate_jobs WHERE queue_name = 'periodic' "
            "GROUP BY 1",
        )
    )
    assert doubled == []  # no slot deferred twice
    assert per_task["escalations"] >= 4  # a job every 5 s while both ran
    assert set(per_task) <= set(PERIODIC_CRON)
    assert status == "escalated"
    assert timeline.count("escalated") == 1
    # Each escalation slot was run (not only deferred) by one of the two workers.
    ran = pg_rows(
        pg_url,
        "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'escalations' "
        "AND status = 'succeeded'",
    )
    assert ran[0][0] >= 4
    logs = workers.log("a") + workers.log("b")
    assert "Traceback" not in logs
