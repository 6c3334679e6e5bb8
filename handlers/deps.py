"""`ManualClock` for tests and the demo (`Deps` itself lives in deps.py, below handlers)."""

from __future__ import annotations

import time


class ManualClock:
    """A clock tests move by hand (escalation, retention, code expiry)."""

    def __init__(self, start: float | None = None) -> None:
        self._now = time.time() if start is None else start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += seconds
