"""`Deps`: everything a handler or the incident lifecycle may use, as one typed object.

Built once per app, last, in app.py's `deps_ctx` from what the contexts before it opened
(store, LINE clients, outbox, and when present the tips service and the OCR pool), and
passed to every handler as its first argument. Nothing patches it afterwards; the
in-memory state handlers share (long-text scans, the /admin try limiter, media alert
times) is a typed field here, not a grab-bag.

The two background workers that need a built `Deps` to run (the escalation worker in
incidents/, the image scan runner in handlers/media.py, or the job queue in jobs/) sit above this module; `Deps`
knows them by the small protocol it uses (`Nudge`, `ScanQueue`), so no package below
handlers imports them.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from linebot.v3.messaging import AsyncMessagingApi, AsyncMessagingApiBlob

from clock import Clock
from config import Config
from detectors.base import ScanResult
from detectors.policy import Policy
from images.pool import OcrPool
from line.lookups import Lookups
from monitoring.metrics import Metrics
from outbox import Outbox
from storage import Store
from tips.service import TipsService


class Nudge(Protocol):
    """The escalation worker: wake up, a deadline may have come closer."""

    def nudge(self) -> None: ...


class ScanQueue(Protocol):
    """Where image scan jobs go: the in-process runner (handlers/media.py), or the job queue
    on PostgreSQL (jobs/). A job was added; is the backlog fine; wait until it is empty."""

    async def submit(
        self, message_id: str, event: dict[str, Any], request_id: str | None
    ) -> None: ...

    def health(self) -> tuple[bool, str]: ...

    async def idle(self) -> None: ...


class TryLimiter:
    """At most `tries` attempts per key in a sliding `window` (seconds, caller's clock)."""

    def __init__(self, tries: int, window: float, max_keys: int) -> None:
        self.tries = tries
        self.window = window
        self.max_keys = max_keys
        self._seen: dict[tuple[str, str], list[float]] = {}

    def allow(self, key: tuple[str, str], now: float) -> bool:
        recent = [t_ for t_ in self._seen.get(key, []) if now - t_ < self.window]
        if len(recent) >= self.tries:
            self._seen[key] = recent
            return False
        recent.append(now)
        self._seen[key] = recent
        if len(self._seen) > self.max_keys:  # forget the stalest members first
            for stale in sorted(self._seen, key=lambda k: self._seen[k][-1])[: self.max_keys // 10]:
                del self._seen[stale]
        return True


# `/admin CODE` tries per member and chat: this many in the window, then silence (no answer,
# the code is not even checked) until the window has passed. Kept in memory (bounded): a
# restart forgets it, and 5 guesses of an 8-character code (31^8) are nothing to go on.
ADMIN_TRIES = 5
ADMIN_WINDOW_SECONDS = 600.0
ADMIN_TRACKED_MAX = 10_000


def _admin_tries() -> TryLimiter:
    return TryLimiter(ADMIN_TRIES, ADMIN_WINDOW_SECONDS, ADMIN_TRACKED_MAX)


@dataclass
class Deps:
    config: Config
    store: Store
    api: AsyncMessagingApi
    blob: AsyncMessagingApiBlob
    outbox: Outbox
    clock: Clock
    lookups: Lookups
    salt: bytes = b""  # the key of value hashes (config, or a key file beside the database)
    policy: Policy | None = None  # the loaded detection policy passed to scan_text(policy=...)
    metrics: Metrics | None = None  # monitoring/metrics.py: events, verdicts, latencies
    tips: TipsService | None = None  # the tips service, when its context runs
    ocr: OcrPool | None = None  # the OCR pool, when its context runs and it started
    scans: ScanQueue | None = None  # the image scan runner (with the OCR pool)
    escalation: Nudge | None = None  # the escalation worker
    # Texts over handlers.message.LONG_TEXT are scanned here, off the loop, before the
    # webhook's transaction; their results wait in `prescanned` (message id -> result).
    scan_thread: ThreadPoolExecutor | None = None
    prescanned: dict[str, ScanResult] = field(default_factory=dict)
    admin_tries: TryLimiter = field(default_factory=_admin_tries)
    media_alerted: dict[tuple[str, str], float] = field(default_factory=dict)  # (chat, reason)

    def now(self) -> float:
        return self.clock.now()
