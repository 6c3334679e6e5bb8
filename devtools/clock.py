"""A clock tests and the demo move by hand (escalation, retention, code expiry, tips schedules).

It is a `clock.Clock` (`now()`), and also a plain callable (`clock()`) for the parts that take
one, such as `FakeLinePlatform(clock=...)`. Set the time with `clock.t = ...` or move it with
`clock.advance(seconds)`.
"""

from __future__ import annotations

import time


class ManualClock:
    def __init__(self, start: float | None = None) -> None:
        self.t = time.time() if start is None else start

    def __call__(self) -> float:
        return self.t

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds
