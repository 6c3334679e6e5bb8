"""Image and file messages: a scan job in the database at once, scanned by a runner in order.

    router                      image and file message events -> `handle_media`

- The webhook's synchronous part only writes a pending scan job (storage/scan_jobs.py): the
  message id and the content-free event (ids, reply token, timestamp; not the file name).
  Nothing is dropped for being many: 50 photos at once are 50 rows, worked off in order.
- `ScanRunner` runs as many jobs at a time as the OCR pool has workers. Each job fetches the
  content from LINE again (so jobs left pending by a stopped or killed process are resumed
  at the next start), scans it in the pool (time and memory limits, images/pool.py), acts on
  the result (`act_on_result`) and records the outcome; the bytes are dropped after the scan.
- Every message, image or file, is judged by its content (images/scan.py sniffs it), not by
  its file name.
- Not scanned, recorded with the reason (activity `media_not_scanned`, the job's outcome):
  content gone (unsent) or unreachable after retries, images hosted outside LINE, files over
  the size limit, content that is neither an image nor a PDF, and scans refused or aborted
  (time limit, memory limit, a PDF too complex to render, encrypted). For the hostile and
  unreadable cases the group's admins are told, with the reason (at most once an hour per
  group and reason); in a 1:1 self-check the sender is told the image could not be checked.
- The OCR engine's service failing (the HTTP hook down, timing out, answering outside the
  contract: `OcrServiceFailed`) is not a verdict: the job is tried again later
  (`ocr_retry_delays`, 30, 120 and 480 s by default), then recorded as not scanned
  (`ocr_failed`) and the admins told; never read as "no text found", never "allow".
- A file scanned only in part (pages past the OCR limit without a text layer) is said so to
  the admins the same way.
- A backlog whose oldest job waits longer than `backlog_alert_after` alerts the admins of the
  waiting groups once per episode; `ScanRunner.health()` gives (ok, reason) for readiness.

The runner is built with the OCR pool by app.py's `ocr_ctx` (before `Deps`, which knows it
as `deps.scans`) and started by `deps_ctx` once `Deps` is built.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from aiohttp import ClientError
from linebot.v3.messaging import ApiException
from linebot.v3.webhooks import Event, FileMessageContent, ImageMessageContent, MessageEvent

from deps import Deps
from handlers.reply import reply_text
from handlers.router import Router
from handlers.tasks import TaskSet
from handlers.webhook import start_eager
from images.decode import DEFAULT_LIMITS, ImageRefused
from images.pool import OcrPool, OcrServiceFailed, OcrUnavailable, QueueFull
from incidents.notify import notify_admins
from incidents.open import act
from line.incoming import Incoming
from locales import t
from monitoring.logs import current_request_id, request_context, where_failed
from storage.scan_jobs import ScanJob, ScanJobs, backlog_health

log = logging.getLogger("bot.media")

FETCH_ATTEMPTS = 3  # tries within one run of a job
FETCH_BACKOFF = 0.3  # seconds, doubled each try
JOB_RETRIES = 12  # runs of a job whose content LINE does not serve (about 20 min in all)
JOB_RETRY_MAX = 300.0  # seconds between two runs at most
ALERT_EVERY = 3600.0  # seconds between two alerts to one group for the same reason
BACKLOG_ALERT_AFTER = 180.0  # seconds the oldest waiting job may wait before admins are told
DONE_KEPT = 3 * 86400.0  # finished jobs (outcome only) are purged after this
# Seconds before each new try of a job whose scan failed in the OCR service (the HTTP hook
# down or broken); once they are used up the job is "not_scanned:ocr_failed".
OCR_RETRY_DELAYS = (30.0, 120.0, 480.0)
# Reasons the admins are told about (the rest, e.g. a Word file or an unsent photo, are only
# counted and logged).
ALERT_REASONS = frozenset(
    {
        "time_limit",
        "memory_limit",
        "worker_died",
        "pdf_too_complex",
        "encrypted",
        "decompression_bomb",
        "dimensions_too_large",
        "file_too_large",
        "content_unreachable",
        "ocr_failed",
        "partly_scanned",
    }
)

router = Router("media")


def _is_media(event: MessageEvent) -> bool:
    return isinstance(event.message, ImageMessageContent | FileMessageContent)


def _job_event(event: MessageEvent) -> dict[str, Any]:
    """The event as stored in a job: no file name (it may name a person), no content."""
    data: dict[str, Any] = json.loads(event.to_json())
    message = data.get("message") or {}
    if "fileName" in message:
        message["fileName"] = ""
    return data


@router.on(MessageEvent, when=_is_media)
async def handle_media(deps: Deps, event: MessageEvent) -> None:
    """The synchronous part: one pending scan job (or a recorded refusal)."""
    msg = event.message
    message_id = str(msg.id)
    incoming = Incoming.of(event, deps.lookups)
    w = incoming.where
    provider = getattr(getattr(msg, "content_provider", None), "type", "line")
    if provider != "line":
        # The image lives on the sender's server; fetching arbitrary URLs is not our job.
        _not_scanned(deps, w.chat_id, message_id, "external_content")
        return
    size = getattr(msg, "file_size", None)
    if isinstance(size, int) and size > DEFAULT_LIMITS.max_bytes:
        _not_scanned(deps, w.chat_id, message_id, "file_too_large")
        await _alert_not_scanned(deps, incoming, "file_too_large")
        return
    job_event = _job_event(event)
    request_id = current_request_id()
    added = ScanJobs(deps.store).add(message_id, w.chat_id, job_event, deps.now(), request_id)
    if not added:
        log.info("scan job exists message=%s", message_id)
        return
    if deps.scans is not None:
        # In-process: wake the runner. On the queue (jobs/): a job for any worker, deferred
        # after this transaction commits (the first wait ends the webhook's part).
        await deps.scans.submit(message_id, job_event, request_id)
    elif incoming.is_user:
        # No OCR in this process: the job waits for a start with OCR; tell the sender now.
        await _tell_sender_unavailable(deps, incoming)


def _not_scanned(deps: Deps, chat_id: str | None, message_id: str, reason: str) -> None:
    if chat_id:
        deps.store.count_activity(chat_id, "media_not_scanned", deps.now())
    log.info("media not scanned chat=%s message=%s reason=%s", chat_id, message_id, reason)


async def _alert_not_scanned(deps: Deps, incoming: Incoming, reason: str) -> None:
    """Tell the group's admins (once an hour per group and reason) that a file went unscanned
    and why; in a 1:1 self-check, tell the sender the image could not be checked."""
    w = incoming.where
    if incoming.is_user:
        await _tell_sender_unavailable(deps, incoming)
        return
    if not w.is_group or not w.chat_id or reason not in ALERT_REASONS:
        return
    sent = deps.media_alerted
    now = deps.now()
    if now - sent.get((w.chat_id, reason), float("-inf")) < ALERT_EVERY:
        return
    sent[(w.chat_id, reason)] = now
    gname = await incoming.group_name() or w.chat_id

    def body(loc: str) -> str:  # in each admin's own language
        return t(
            "alert.media_not_scanned", loc, group=gname, reason=t(f"media.reason.{reason}", loc)
        )

    await notify_admins(deps, w.chat_id, body, kind="alert")
    log.warning("media not scanned: admins alerted chat=%s reason=%s", w.chat_id, reason)


async def _tell_sender_unavailable(deps: Deps, incoming: Incoming) -> None:
    await reply_text(
        deps, incoming, t("selfcheck.image_unavailable", incoming.locale), kind="selfcheck"
    )


async def _fetch(deps: Deps, message_id: str) -> bytes | str:
    """The message content, or why not: "gone" (unsent, 4xx) or "unreachable" (after a few
    tries with backoff on 5xx, 429, timeouts and connection errors)."""
    delay = FETCH_BACKOFF
    for attempt in range(1, FETCH_ATTEMPTS + 1):
        try:
            return bytes(await deps.blob.get_message_content(message_id))
        except ApiException as exc:
            status = exc.status or 0
            if 400 <= status < 500 and status not in (408, 429):
                log.info("media content unavailable message=%s status=%s", message_id, status)
                return "gone"
            err = f"status={status}"
        except (TimeoutError, ClientError, OSError) as exc:
            err = type(exc).__name__
        if attempt == FETCH_ATTEMPTS:
            log.warning("media fetch failed message=%s attempts=%d %s", message_id, attempt, err)
            return "unreachable"
        await asyncio.sleep(delay)
        delay *= 2
    return "unreachable"


@dataclass(frozen=True)
class Postponed:
    """Not a verdict: the job is to run again later. `why`: "unreachable" (LINE did not
    serve the content; the job's run was not its last) or "ocr_service" (the OCR service
    failed, not the image: `OcrServiceFailed`); `error` says how, for the log."""

    why: Literal["unreachable", "ocr_service"]
    error: str = ""


async def scan_message(deps: Deps, pool: OcrPool, jobs: ScanJobs, job: ScanJob) -> Postponed | None:
    """One run of a scan job, in-process (`ScanRunner`) or on a queue worker (jobs/): fetch
    the content from LINE, scan it in `pool`, act on the result, record the outcome. The
    job is finished unless `Postponed` is returned (the caller decides when it runs again).
    The outcome is recorded in the same transaction as the incident and its warning, so a
    run cut short either left nothing or left both: a job run again never warns twice."""
    event = Event.from_dict(job.event)
    incoming = Incoming.of(event, deps.lookups)
    w = incoming.where
    data = await _fetch(deps, job.message_id)
    if data == "unreachable" and job.attempts + 1 < JOB_RETRIES:
        return Postponed("unreachable")
    if isinstance(data, str):
        reason = "content_unavailable" if data == "gone" else "content_unreachable"
        await not_scanned(deps, jobs, job, incoming, reason)
        return None
    t0 = time.perf_counter()
    try:
        result = await pool.scan(data, salt=deps.salt, group_id=w.chat_id if w.is_group else None)
    except ImageRefused as exc:  # refused, or over the time / memory limit
        await not_scanned(deps, jobs, job, incoming, exc.reason)
        return None
    except OcrServiceFailed as exc:  # the OCR service failed, not the image: try later
        return Postponed("ocr_service", str(exc))
    except (OcrUnavailable, QueueFull):
        await not_scanned(deps, jobs, job, incoming, "ocr_failed")
        return None
    finally:
        del data  # the content is gone from this process once the scan is over
    elapsed = time.perf_counter() - t0
    if w.chat_id and w.is_group:
        deps.store.count_activity(w.chat_id, "scanned", deps.now())
    if deps.metrics is not None:  # monitoring/metrics.py: image scan latency, verdicts by type
        deps.metrics.scanned("ocr", elapsed, result.verdict, result.types)
    image_set = getattr(getattr(event, "message", None), "image_set", None)
    log.info(
        "media scanned chat=%s message=%s set=%s verdict=%s doc_type=%s types=%s ms=%d",
        w.chat_id,
        job.message_id,
        f"{image_set.index}/{image_set.total}" if image_set is not None else "-",
        result.verdict,
        result.doc_type or "-",
        ",".join(result.types) or "-",
        elapsed * 1000,
    )
    # The outcome, the incident and its warning in one transaction (act's first step, up to
    # its first wait, as the webhook runs a handler); its follow-up runs after the commit.
    with deps.store.atomic(immediate=True):
        jobs.finish(job.id, deps.now(), f"scanned:{result.verdict}")
        rest, _ = start_eager(act(deps, incoming, result, source="ocr"))
    await rest
    if any(r.startswith("partial.") for r in result.reasons):
        if w.chat_id:
            deps.store.count_activity(w.chat_id, "media_partly_scanned", deps.now())
        await _alert_not_scanned(deps, incoming, "partly_scanned")
    return None


async def not_scanned(
    deps: Deps, jobs: ScanJobs, job: ScanJob, incoming: Incoming, reason: str
) -> None:
    """Record the job as not scanned, with the reason; tell whom `_alert_not_scanned` tells."""
    _not_scanned(deps, incoming.chat_id, job.message_id, reason)
    jobs.finish(job.id, deps.now(), f"not_scanned:{reason}")
    await _alert_not_scanned(deps, incoming, reason)


class ScanRunner:
    """Works the scan jobs off in order, `pool.workers` at a time, and watches the backlog.
    Built with the pool (before `Deps`, which knows it as `deps.scans`), started with `Deps`."""

    def __init__(
        self,
        pool: OcrPool,
        jobs: ScanJobs,
        *,
        backlog_alert_after: float = BACKLOG_ALERT_AFTER,
        check_every: float = 10.0,
        clock: Callable[[], float] = time.time,
        ocr_retry_delays: Sequence[float] = OCR_RETRY_DELAYS,
    ) -> None:
        self._deps: Deps | None = None
        self.pool = pool
        self.jobs = jobs
        self.backlog_alert_after = backlog_alert_after
        self.check_every = check_every
        self.clock = clock  # for retry times; ages use deps.now() (the service clock)
        self.ocr_retry_delays = tuple(ocr_retry_delays)
        # job id -> OCR service failures so far (kept in memory: after a restart a job gets
        # its tries again, never fewer).
        self._ocr_failures: dict[int, int] = {}
        self._wake = asyncio.Event()
        self._tasks = TaskSet()
        self._running = 0
        self._backlog_alerted = False
        self._purged_at = 0.0

    @property
    def deps(self) -> Deps:
        if self._deps is None:
            raise RuntimeError("scan runner not started")
        return self._deps

    def start(self, deps: Deps) -> None:
        self._deps = deps
        resumed = self.jobs.reset_running()
        pending = self.jobs.counts().get("pending", 0)
        if pending:
            log.info("scan jobs waiting at start pending=%d (resumed running=%d)", pending, resumed)
        for i in range(self.pool.workers):
            self._tasks.spawn(self._consume(), name=f"scan-runner-{i}")
        self._tasks.spawn(self._watch(), name="scan-backlog")
        self.wake()

    async def stop(self) -> None:
        """Cancel the consumers; unfinished jobs stay pending for the next start."""
        await self._tasks.cancel()
        self.jobs.reset_running()

    def wake(self) -> None:
        self._wake.set()

    async def submit(self, message_id: str, event: dict[str, Any], request_id: str | None) -> None:
        """A job was added (the webhook's synchronous part): a free consumer takes it."""
        self.wake()

    def health(self) -> tuple[bool, str]:
        """Readiness: (False, why) while the oldest waiting job is older than the alert age."""
        return backlog_health(self.jobs.oldest_waiting(), self.deps.now(), self.backlog_alert_after)

    async def idle(self) -> None:
        """Wait until no job is pending or running (tests, bench, demo)."""
        while True:
            counts = self.jobs.counts()
            if not counts.get("pending") and not counts.get("running") and not self._running:
                return
            await asyncio.sleep(0.05)

    # -- the workers ---------------------------------------------------------------------

    async def _consume(self) -> None:
        while True:
            try:
                job = self.jobs.claim_next(self.clock())
            except Exception as exc:  # e.g. the database is locked: try again shortly
                log.error("scan job claim failed error=%s", where_failed(exc))
                await asyncio.sleep(1.0)
                continue
            if job is None:
                self._wake.clear()
                due = self.jobs.next_due()
                timeout = 5.0 if due is None else max(0.01, min(5.0, due - self.clock()))
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(timeout):
                        await self._wake.wait()
                continue
            self._running += 1
            try:
                with request_context(job.request_id):  # logs as the request that queued it
                    await self._job(job)
            finally:
                self._running -= 1
            self.wake()  # the next job, for whichever consumer is free

    async def _job(self, job: ScanJob) -> None:
        try:
            await self._run(job)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug: record the job as not scanned, keep going
            log.error("scan job failed message=%s error=%s", job.message_id, where_failed(exc))
            self.jobs.finish(job.id, self.deps.now(), "not_scanned:internal_error")

    async def _run(self, job: ScanJob) -> None:
        deps = self.deps
        postponed = await scan_message(deps, self.pool, self.jobs, job)
        if postponed is None:
            self._ocr_failures.pop(job.id, None)
        elif postponed.why == "unreachable":
            delay = min(JOB_RETRY_MAX, 2.0 ** (job.attempts + 1))
            self.jobs.retry_later(job.id, self.clock() + delay)
            log.info("scan job postponed message=%s in=%.0fs", job.message_id, delay)
        else:
            incoming = Incoming.of(Event.from_dict(job.event), deps.lookups)
            await self._service_failed(job, incoming, postponed.error)

    async def _service_failed(self, job: ScanJob, incoming: Incoming, error: str) -> None:
        """Try the job again after the next delay; once the delays are used up, not scanned
        (ocr_failed, admins told)."""
        failures = self._ocr_failures.get(job.id, 0)
        if failures < len(self.ocr_retry_delays):
            delay = self.ocr_retry_delays[failures]
            self._ocr_failures[job.id] = failures + 1
            self.jobs.retry_later(job.id, self.clock() + delay)
            log.warning(
                "scan job postponed: OCR service failed message=%s try=%d in=%.0fs error=%s",
                job.message_id,
                failures + 1,
                delay,
                error,
            )
            return
        log.error(
            "scan job not scanned: OCR service still failing message=%s tries=%d error=%s",
            job.message_id,
            failures + 1,
            error,
        )
        self._ocr_failures.pop(job.id, None)
        await not_scanned(self.deps, self.jobs, job, incoming, "ocr_failed")

    # -- the backlog -----------------------------------------------------------------------

    async def _watch(self) -> None:
        while True:
            try:
                await self._check_backlog()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("scan backlog check failed error=%s", where_failed(exc))
            await asyncio.sleep(self.check_every)

    async def _check_backlog(self) -> None:
        deps = self.deps
        now = deps.now()
        if now - self._purged_at > 3600:
            self._purged_at = now
            self.jobs.purge(now - DONE_KEPT)
        oldest = self.jobs.oldest_waiting()
        if oldest is None or now - oldest <= self.backlog_alert_after:
            self._backlog_alerted = False
            return
        if self._backlog_alerted:
            return
        self._backlog_alerted = True
        minutes = max(1, round((now - oldest) / 60))
        waiting = self.jobs.counts().get("pending", 0) + self.jobs.counts().get("running", 0)
        log.warning("scan backlog alert waiting=%d oldest_min=%d", waiting, minutes)
        for chat_id in self.jobs.waiting_chats():
            if not chat_id.startswith(("C", "R")):
                continue
            name = (deps.store.group(chat_id) or {}).get("name") or chat_id

            def body(loc: str, name: str = name) -> str:  # each admin's own language
                return t("alert.scan_backlog", loc, group=name, count=waiting, minutes=minutes)

            await notify_admins(deps, chat_id, body, kind="alert")


async def media_idle(deps: Deps) -> None:
    """Wait until every scan job so far has been worked off (tests, bench, demo)."""
    if deps.scans is not None:
        await deps.scans.idle()


def scan_health(deps: Deps) -> tuple[bool, str]:
    """Readiness of image scanning: (ok, reason). For /readyz."""
    if deps.scans is None:
        return False, "OCR not running: images wait unscanned"
    return deps.scans.health()
