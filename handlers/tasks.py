"""`TaskSet`: the one way background work is tracked (aiogram's webhook keeps its tasks
the same way): every task started is referenced until it is done, and at shutdown either
drained (bounded) or cancelled, and awaited.

Used by the webhook (work after the 200), the image scan runner (its consumers) and the
app's periodic loops (WAL checkpoints, follow-up retries).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any

Task = asyncio.Task[None]


class TaskSet:
    def __init__(self, on_done: Callable[[Task], None] | None = None) -> None:
        self._tasks: set[Task] = set()
        self._on_done = on_done
        self._idle = asyncio.Event()
        self._idle.set()

    def __len__(self) -> int:
        return len(self._tasks)

    def __bool__(self) -> bool:
        return bool(self._tasks)

    def spawn(self, coro: Coroutine[Any, Any, None], *, name: str | None = None) -> Task:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self.add(task)
        return task

    def add(self, task: Task) -> None:
        """Track a task started elsewhere (the webhook's eager tasks)."""
        self._tasks.add(task)
        self._idle.clear()
        task.add_done_callback(self._done)

    def _done(self, task: Task) -> None:
        self._tasks.discard(task)
        if not self._tasks:
            self._idle.set()
        if self._on_done is not None:
            self._on_done(task)

    async def idle(self) -> None:
        """Wait until no task is left."""
        await self._idle.wait()

    async def drain(self, timeout: float) -> int:
        """Let the tasks finish (bounded), then cancel what is left; returns how many were."""
        deadline = time.monotonic() + timeout
        while self._tasks and time.monotonic() < deadline:
            await asyncio.wait(set(self._tasks), timeout=max(0.0, deadline - time.monotonic()))
        return await self.cancel()

    async def cancel(self) -> int:
        """Cancel every task now and wait for them; returns how many there were."""
        pending = set(self._tasks)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        return len(pending)
