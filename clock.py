"""The one clock type: every part that needs the time (handlers, incidents, outbox, tips)
takes a `Clock` and calls `clock.now()` (seconds since the epoch).

Production uses `SystemClock`; tests and the demo move a manual clock by hand.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch."""
        ...


class SystemClock:
    def now(self) -> float:
        return time.time()
