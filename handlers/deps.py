"""`Deps`: everything a handler may use, as one typed object (no globals, no module clients).

Built once per app in `app.create_app` (a cleanup context) and passed to every
handler as its first argument. Optional parts are plugged in by their own cleanup
contexts: `deps.ocr` (the image helper's OCR pool) and `deps.tips` (the tips
helper's service); handlers check for None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linebot.v3.messaging import AsyncMessagingApi, AsyncMessagingApiBlob

from clock import Clock, SystemClock
from config import Config
from detectors.policy import Policy
from outbox import Outbox
from storage import Store

if TYPE_CHECKING:
    from handlers.escalation import EscalationWorker


@dataclass
class Deps:
    config: Config
    store: Store
    api: AsyncMessagingApi
    blob: AsyncMessagingApiBlob
    outbox: Outbox
    policy: Policy | None = None  # the loaded detection policy passed to scan_text(policy=...)
    clock: Clock = field(default_factory=SystemClock)
    salt: bytes = b""  # salt for value hashes (config or generated and stored once)
    ocr: Any = None  # image helper's OCR pool, set by its cleanup context
    tips: Any = None  # tips helper's service, set by its cleanup context
    escalation: EscalationWorker | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def now(self) -> float:
        return self.clock.now()
