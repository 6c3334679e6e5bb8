"""Two replicas on one PostgreSQL database: what SQLite cannot show.

Replica A runs in the test's event loop; replica B in its own thread with its own event
loop, like another process: each is a full `create_app` with its own LINE client, both
talking to the same local LINE platform and the same database (a fresh schema)."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pytest

from app import OUTBOX
from devtools.clock import ManualClock
from devtools.fakeline import FakeLinePlatform
from tests.service.test_service_reliability import leaks, warned_messages
from tests.support.harness import ADMIN, ALICE, GROUP, Bot, make_config

pytestmark = pytest.mark.postgres_only

T = TypeVar("T")
PUSH = "/v2/bot/message/push"


class Replica:
    """A bot in its own thread and event loop (as another process would be)."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="replica-b")
        self.thread.start()

    async def call(self, coro: Coroutine[Any, Any, T]) -> T:
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))

    async def close(self) -> None:
        try:
            await self.call(self.bot.stop())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=10)
            self.loop.close()


@pytest.fixture
async def replicas(
    line: FakeLinePlatform, tmp_path: Path, backend: str
) -> AsyncIterator[tuple[Bot, Replica]]:
    assert backend == "postgres"
    config = make_config(line, tmp_path / "unused.db")
    a = Bot(line, config, ManualClock())
    await a.start()
    b = Replica(Bot(line, config, ManualClock()))
    try:
        await b.call(b.bot.start())
        a.store.add_role(ADMIN, "admin", GROUP, a.clock.now())
        yield a, b
    finally:
        await a.stop()
        await b.close()


async def test_two_replicas_send_each_outbox_row_once(
    replicas: tuple[Bot, Replica], line: FakeLinePlatform
) -> None:
    a, b = replicas
    assert a.store.replica_id != "" and a.app[OUTBOX] is not b.bot.app[OUTBOX]
    n = 40
    for i in range(n):
        a.store.outbox_add(
            kind="tip",
            messages=[{"type": "text", "text": f"row {i}"}],
            now=0.0,
            to_id=GROUP,
            retry_key=f"00000000-0000-4000-8000-{i:012d}",
        )
    # Both replicas' workers wake at once and claim from the same rows.
    await asyncio.gather(
        a.app[OUTBOX].deliver_pending(), b.call(b.bot.app[OUTBOX].deliver_pending())
    )
    await line.wait_for_messages(GROUP, count=n, timeout=20)
    texts = sorted(m["text"] for s in line.messages_to(GROUP) for m in s.messages)
    assert texts == sorted(f"row {i}" for i in range(n))  # every row, each once
    pushes = [status for _m, path, status in line.requests if path == PUSH]
    assert pushes == [200] * n  # claimed once: no second attempt, not even a 409
    rows = a.store.outbox_rows()
    assert {r.status for r in rows} == {"sent"}
    claimed_by = {r.claimed_by for r in rows}
    assert claimed_by <= {a.store.replica_id, b.bot.store.replica_id}


async def test_the_same_redelivery_at_two_replicas_at_once_is_one_incident_one_warning(
    replicas: tuple[Bot, Replica], line: FakeLinePlatform, caplog: pytest.LogCaptureFixture
) -> None:
    a, b = replicas
    caplog.set_level(logging.INFO, logger="bot.webhook")
    events = [line.text_event(ALICE, text, chat=GROUP) for text in leaks(10, seed=21)]
    for e in events:  # LINE redelivers an event to the load balancer: two replicas get it
        statuses = await asyncio.gather(a.send(e), line.deliver(b.bot.url, [e], redelivery=True))
        assert list(statuses) == [200, 200]
    await line.wait_for(lambda: len(warned_messages(line, GROUP)) >= len(events), timeout=20)
    await a.flush()
    await b.call(b.bot.flush())
    await asyncio.sleep(0.3)  # a second warning, if any, would have been sent by now
    quotes = warned_messages(line, GROUP)
    assert sorted(quotes) == sorted(e["message"]["quoteToken"] for e in events)  # once each
    incidents = a.store.list_incidents()
    assert len(incidents) == len(events)
    assert len({i.message_id for i in incidents}) == len(events)
    # The unique webhookEventId did it: for each event one replica skipped it as a
    # redelivery (before any handler ran), whichever came second.
    skipped = [r for r in caplog.records if "redelivery skipped" in r.getMessage()]
    assert len(skipped) == len(events)
    assert {r.getMessage().rsplit("event=", 1)[1] for r in skipped} == {
        e["webhookEventId"] for e in events
    }
