"""The scheduler loop: calls `TipsService.tick()` once a minute while the service runs.

All the decisions live in the one-tick function (tested with a controlled clock); this loop
only repeats it, survives its errors, and stops at once on shutdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from tips.service import TipsService

log = logging.getLogger("bot.tips.scheduler")

TICK_SECONDS = 60.0


class Scheduler:
    def __init__(self, service: TipsService, *, interval: float = TICK_SECONDS) -> None:
        self.service = service
        self.interval = interval
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._stop.clear()
            self._task = asyncio.create_task(self._run(), name="tips-scheduler")

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while not self._stop.is_set():
            try:
                result = await self.service.tick()
                if result.sent or result.skipped:
                    log.info(
                        "tips tick sent=%d skipped=%d deferred=%d catchups=%d",
                        len(result.sent),
                        len(result.skipped),
                        len(result.deferred),
                        len(result.catchups),
                    )
            except asyncio.CancelledError:
                raise
            except Exception:  # keep ticking; the state in the database is consistent
                log.exception("tips tick failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.interval)
