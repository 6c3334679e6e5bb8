"""`GET /metrics` in the Prometheus text format.

Who may read it (decided here, documented in docs/deploy.md):
- BOT_METRICS_TOKEN set: any client with `Authorization: Bearer <token>` (constant-time
  compare); nothing else, loopback included.
- unset: clients on the machine only (127.0.0.1 / ::1) and never through the reverse proxy
  (a request carrying X-Forwarded-For is refused); the proxy files do not publish
  /metrics anyway.
Refused requests get 404, so the route is not advertised.

Counted in the process: events by type, verdicts by finding type, scan latency.
Read at scrape time: outbox pending / held / failed / oldest pending age, incidents by
status (escalated included), incidents ever escalated and the last escalation's time, the
last tip queued by reason (schedule, catchup, manual, request), image scan jobs and the
backlog's age (database); whether pushes are paused for the monthly quota, with its usage
and limit (the outbox). Labels are types, never ids or text.

The tips scheduler records no tick of its own, so there is no "last tick" gauge: the last
tip it queued (reason schedule or catchup) is the sign that it runs. A tick that finds
nothing due leaves no trace; alert on its age against the schedules (e.g. over 8 days
with weekly tips).
"""

from __future__ import annotations

import hmac
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from aiohttp import web
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from storage.scan_jobs import ScanJobs

if TYPE_CHECKING:
    from storage import Store


class QuotaSource(Protocol):
    """What the metrics read of the outbox (`outbox.Outbox` is one); a Protocol, so that
    monitoring does not import outbox, which logs through monitoring."""

    def quota_state(self) -> dict[str, Any]: ...


CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LOOPBACK = {"127.0.0.1", "::1"}


class _StoreCollector(Collector):
    """Gauges read from the database when Prometheus scrapes."""

    def __init__(
        self, store: Store, now: Callable[[], float], outbox: QuotaSource | None = None
    ) -> None:
        self.store = store
        self.now = now
        self.outbox = outbox

    def collect(self) -> Iterator[GaugeMetricFamily]:
        counts = self.store.outbox_counts()
        outbox = GaugeMetricFamily(
            "line_guard_outbox_messages", "Outgoing messages by status", labels=["status"]
        )
        for status in ("pending", "sending", "held", "failed"):
            outbox.add_metric([status], counts.get(status, 0))
        yield outbox
        row = self.store.db.execute(
            "SELECT MIN(created_at) FROM outbox WHERE status IN ('pending', 'sending')"
        ).fetchone()
        oldest = GaugeMetricFamily(
            "line_guard_outbox_oldest_pending_age_seconds",
            "Age of the oldest message not yet delivered (0 when none)",
        )
        oldest.add_metric([], max(0.0, self.now() - row[0]) if row and row[0] else 0.0)
        yield oldest
        open_incidents = GaugeMetricFamily(
            "line_guard_incidents", "Incidents in the database by status", labels=["status"]
        )
        for status, n in self.store.db.execute(
            "SELECT status, COUNT(*) FROM incidents GROUP BY status"
        ).fetchall():
            open_incidents.add_metric([str(status)], n)
        yield open_incidents
        yield from self._escalations()
        yield from self._tips()
        # Images and files waiting for their scan (handlers/media.py: scan jobs).
        jobs = ScanJobs(self.store)
        backlog = GaugeMetricFamily(
            "line_guard_scan_jobs", "Image and file scan jobs by status", labels=["status"]
        )
        for status, n in sorted(jobs.counts().items()):
            backlog.add_metric([status], n)
        yield backlog
        waiting = jobs.oldest_waiting()
        age = GaugeMetricFamily(
            "line_guard_scan_backlog_age_seconds",
            "Age of the oldest image or file not yet scanned (0 when none)",
        )
        age.add_metric([], max(0.0, self.now() - waiting) if waiting else 0.0)
        yield age
        if self.outbox is not None:
            quota = self.outbox.quota_state()
            paused = GaugeMetricFamily(
                "line_guard_push_quota_paused",
                "1 while pushes are paused for LINE's monthly message quota",
            )
            paused.add_metric([], 1.0 if quota["paused"] else 0.0)
            yield paused
            for key, help_ in (("usage", "messages used"), ("limit", "monthly limit")):
                if quota.get(key) is not None:
                    g = GaugeMetricFamily(
                        f"line_guard_push_quota_{key}",
                        f"LINE monthly quota: {help_} (as last read when pushes were refused)",
                    )
                    g.add_metric([], float(quota[key]))
                    yield g

    def _escalations(self) -> Iterator[GaugeMetricFamily]:
        count, last = self.store.db.execute(
            "SELECT COUNT(*), MAX(escalated_at) FROM incidents WHERE escalated_at IS NOT NULL"
        ).fetchone()
        escalated = GaugeMetricFamily(
            "line_guard_incidents_escalated",
            "Incidents escalated to the group's admins (not unsent in the grace period), "
            "whatever their status now; kept for the retention period",
        )
        escalated.add_metric([], count or 0)
        yield escalated
        when = GaugeMetricFamily(
            "line_guard_last_escalation_timestamp_seconds",
            "Unix time of the last escalation (0 when none within the retention period)",
        )
        when.add_metric([], last or 0.0)
        yield when

    def _tips(self) -> Iterator[GaugeMetricFamily]:
        try:
            rows = self.store.db.execute(
                "SELECT reason, MAX(sent_at) FROM tip_sends WHERE status = 'queued' "
                "GROUP BY reason ORDER BY reason"
            ).fetchall()
        except sqlite3.OperationalError:  # no tips tables in this database
            return
        last = GaugeMetricFamily(
            "line_guard_tip_last_queued_timestamp_seconds",
            "Unix time the last tip was queued for a group, by reason (schedule and catchup: "
            "the tips scheduler; its passes are line_guard_tips_scheduler_last_tick_timestamp_seconds)",
            labels=["reason"],
        )
        for reason, sent_at in rows:
            last.add_metric([str(reason or "unknown")], float(sent_at))
        yield last
        tick = self.store.get_setting("tips.last_tick")  # tips.scheduler.LAST_TICK_SETTING
        if tick is not None:
            ticked = GaugeMetricFamily(
                "line_guard_tips_scheduler_last_tick_timestamp_seconds",
                "Unix time the tips scheduler last finished a pass (every minute while it "
                "runs, whether or not a tip was due): an old value means it has stalled",
            )
            ticked.add_metric([], float(tick))
            yield ticked


class Metrics:
    """One registry per application (tests start many apps in one process)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.events = Counter(
            "line_guard_events",
            "Webhook events processed, by event type",
            ["type"],
            registry=self.registry,
        )
        self.verdicts = Counter(
            "line_guard_verdicts",
            "Scanned messages by verdict and finding type ('none' when nothing was found)",
            ["verdict", "finding_type"],
            registry=self.registry,
        )
        self.scan_seconds = Histogram(
            "line_guard_scan_seconds",
            "Time to scan one message, by source",
            ["source"],
            buckets=(0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.25, 1, 2.5, 5, 10),
            registry=self.registry,
        )

    def watch_store(
        self, store: Store, now: Callable[[], float] = time.time, outbox: QuotaSource | None = None
    ) -> None:
        self.registry.register(_StoreCollector(store, now, outbox))

    def event(self, etype: str) -> None:
        self.events.labels(etype[:40]).inc()

    def scanned(self, source: str, seconds: float, verdict: str, types: Iterable[str]) -> None:
        self.scan_seconds.labels(source).observe(seconds)
        kinds = sorted(set(types)) or ["none"]
        for kind in kinds:
            self.verdicts.labels(verdict, kind).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)


def allowed(request: web.Request, token: str | None) -> bool:
    if token:
        header = request.headers.get("Authorization", "")
        given = header[7:] if header.startswith("Bearer ") else ""
        return hmac.compare_digest(given.encode(), token.encode())
    peer = request.transport.get_extra_info("peername") if request.transport else None
    host = peer[0] if peer else ""
    return host in LOOPBACK and "X-Forwarded-For" not in request.headers


METRICS = web.AppKey("metrics", Metrics)
