"""A worker pool that runs image scans off the event loop, each scan bounded in time and memory.

    pool = OcrPool.from_config(config)        # engine (HookSettings), workers, limits, policy
    await pool.start(); result = await pool.scan(data, salt=..., group_id=...); await pool.close()

Each worker builds its OCR engine once, from the `HookSettings` the configuration gives
(ocr/registry.py: engine name, and for the HTTP hook its URL, token and timeout; never the
environment), and gets the scan settings (images/scan.py
`ScanSettings`: the loaded detection policy, nothing secret) once, when it starts; then it
runs whole scans (images/content.py): decode, orient, OCR, text detection, document
recognition. Only the image bytes, the hash salt and the group id go in with each scan, and
only a `ScanResult` (masked findings, doc type) comes back, so the OCR text never leaves the
worker. A Redis/arq queue could take the pool's place: callers only `await pool.scan(data)`.

`kind="process"` (default): every worker is a spawned process of its own, driven over a pipe.
- Wall-clock limit (`scan_seconds`): a scan that has not answered in time is killed with its
  process (SIGKILL); `scan()` raises `ImageRefused("time_limit")`.
- Memory limit (`memory_mb`): once the engine (and the pipeline's modules) are loaded, the
  worker caps its own address space (`RLIMIT_AS`) at what it uses then plus `memory_mb`. An allocation beyond it fails inside
  the worker: it reports `ImageRefused("memory_limit")` and exits (or, when a C library aborts
  instead, the pool sees the process die: `ImageRefused("worker_died")`).
- A killed or dead worker is replaced by a fresh one before its next scan; the other workers
  carry on meanwhile.
`kind="thread"` runs scans in threads (onnxruntime releases the GIL while it infers) for tests
and small set-ups that want no process start-up; it has no time or memory limit.

At most `workers` scans run and `queue_size` wait; beyond that `scan()` raises `QueueFull` at
once. The service's scan jobs (handlers/media.py) never queue here: they run `workers` scans
at a time and keep the rest in the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any, Literal

from detectors.policy import resolve_policy
from images.content import scan_image
from images.decode import ImageRefused, decode_image
from images.scan import DEFAULT_SETTINGS, ScanSettings
from ocr.base import OcrLine, OcrServiceError
from ocr.registry import HookSettings, check_engine_name

if TYPE_CHECKING:
    from config import Config
    from detectors.base import ScanResult
    from ocr.base import OcrEngine

log = logging.getLogger(__name__)

SCAN, READ = "scan", "read"  # a whole scan (ScanResult) | the engine's lines only
DEFAULT_SCAN_SECONDS = 60.0
DEFAULT_MEMORY_MB = 1536
START_SECONDS = 180.0  # loading the engine in a fresh worker (spawn + model load)


class QueueFull(Exception):
    """Every worker is busy and the waiting queue is full."""


class OcrUnavailable(Exception):
    """The worker pool is not running or its workers cannot start."""


class OcrServiceFailed(OcrUnavailable):
    """The engine raised `OcrServiceError` (e.g. the HTTP hook is down): the image was not
    read, for a reason outside it; worth trying again later. Raised by both worker kinds."""


# A scan that broke a limit, or whose worker died, raises ImageRefused (the one "not scanned,
# here is why" type) with reason time_limit | memory_limit | worker_died; the worker was
# replaced.

# Per worker: the engine and the settings the initializer set (a thread-local for thread pools).
_local = threading.local()


def _init_worker(ocr: HookSettings, threads: int, settings: ScanSettings) -> None:
    _local.engine = ocr.create(threads=threads)
    _local.settings = settings


def _worker_engine() -> OcrEngine:
    engine: OcrEngine | None = getattr(_local, "engine", None)
    if engine is None:
        raise OcrUnavailable("worker has no engine (initializer did not run)")
    return engine


def _warm() -> str:
    return _worker_engine().name


def _scan_job(data: bytes, salt: bytes | None, group_id: str | None) -> ScanResult:
    settings: ScanSettings = _local.settings
    return scan_image(
        data, engine=_worker_engine(), settings=settings, salt=salt, group_id=group_id
    )


def _read_job(data: bytes) -> list[OcrLine]:
    """The engine's lines for one image as it is (decoded safely, not turned, not scaled:
    the boxes are in its own pixels). What `bot.py ocr serve` answers."""
    img = decode_image(data)
    return _worker_engine().recognize(img)


def _job(op: str, data: bytes, salt: bytes | None, group_id: str | None) -> object:
    return _read_job(data) if op == READ else _scan_job(data, salt, group_id)


def _address_space() -> int:
    """This process's virtual memory size in bytes (Linux), 0 when unknown."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _worker_main(
    conn: Connection, ocr: HookSettings, threads: int, memory_mb: int, settings: ScanSettings
) -> None:
    """A process worker: load the engine, cap memory, then answer scans until told to stop.

    Jobs: (op "scan" | "read", data, salt, group id). Answers: ("ready", engine name) | ("ok", ScanResult)
    | ("refused", (reason, message)) | ("memory", None) (then the process exits)
    | ("service", OcrServiceError type name) | ("error", exception type name)."""
    try:
        _init_worker(ocr, threads, settings)
        if memory_mb > 0:
            import resource

            base = _address_space()
            if base:
                cap = base + memory_mb * 1024 * 1024
                resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        conn.send(("ready", _worker_engine().name))
    except Exception as exc:
        conn.send(("error", type(exc).__name__))
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        op, data, salt, group_id = job
        try:
            result = _job(op, data, salt, group_id)
        except MemoryError:
            del data
            conn.send(("memory", None))
            return  # the heap may be in any state: let the pool start a fresh worker
        except ImageRefused as exc:
            conn.send(("refused", (exc.reason, exc.message)))
        except OcrServiceError as exc:
            conn.send(("service", type(exc).__name__))
        except Exception as exc:  # the type only: a message could quote what was read
            conn.send(("error", type(exc).__name__))
        else:
            conn.send(("ok", result))
        del data, job


@dataclass
class _Worker:
    """One process worker as the parent sees it."""

    index: int
    process: BaseProcess | None = None
    conn: Connection | None = None
    engine: str = ""

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.is_alive()

    def kill(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
        if self.process is not None:
            self.process.join(5)
        if self.conn is not None:
            self.conn.close()
        self.process, self.conn = None, None


class OcrPool:
    def __init__(
        self,
        *,
        engine: str | HookSettings = "rapidocr",
        workers: int = 1,
        queue_size: int = 16,
        kind: Literal["process", "thread"] = "process",
        settings: ScanSettings = DEFAULT_SETTINGS,
        scan_seconds: float = DEFAULT_SCAN_SECONDS,
        memory_mb: int = DEFAULT_MEMORY_MB,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        if queue_size < 0:
            raise ValueError("queue_size must not be negative")
        # The engine by name, or with the HTTP hook's settings (`from_config`).
        self.ocr = engine if isinstance(engine, HookSettings) else HookSettings(engine)
        self.workers = workers
        self.queue_size = queue_size
        self.kind = kind
        self.settings = settings
        self.scan_seconds = scan_seconds
        self.memory_mb = memory_mb
        self.capacity = workers + queue_size
        # Split the cores between workers so they do not fight over them.
        self.threads_per_worker = max(1, (os.cpu_count() or 1) // workers)
        self._executor: ThreadPoolExecutor | None = None
        self._procs: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None
        self._started = False
        self._in_flight = 0
        self.replaced = 0  # workers killed or found dead and replaced (for logs and tests)

    @classmethod
    def from_config(
        cls, config: Config, *, kind: Literal["process", "thread"] = "process"
    ) -> OcrPool:
        """The pool the app's configuration asks for. Of the configuration only the engine
        (`HookSettings`: name, hook URL, token, timeout), the sizes, the limits and the loaded
        policy are kept: the workers never see the rest (the channel's secrets included)."""
        return cls(
            engine=HookSettings.from_config(config),
            workers=config.ocr_workers,
            queue_size=config.ocr_queue_size,
            kind=kind,
            # The document evidence keeps the default block threshold (as the service always
            # had), not the policy's own: see ScanSettings.for_policy for the CLI's.
            settings=ScanSettings(resolve_policy(config)),
            scan_seconds=float(config.ocr_scan_seconds),
            memory_mb=int(config.ocr_memory_mb),
        )

    @property
    def engine_name(self) -> str:
        return self.ocr.engine

    @property
    def in_flight(self) -> int:
        """Scans running or waiting."""
        return self._in_flight

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Start the workers and load the engine in each (raises if the engine cannot load)."""
        if self._started:
            return
        check_engine_name(self.engine_name)
        loop = asyncio.get_running_loop()
        if self.kind == "thread":
            self._executor = ThreadPoolExecutor(
                self.workers,
                "ocr",
                initializer=_init_worker,
                initargs=(self.ocr, self.threads_per_worker, self.settings),
            )
            names = await asyncio.gather(
                *(loop.run_in_executor(self._executor, _warm) for _ in range(self.workers))
            )
        else:
            self._procs = [_Worker(i) for i in range(self.workers)]
            self._idle = asyncio.Queue()
            try:
                await asyncio.gather(*(self._spawn(w) for w in self._procs))
            except BaseException:
                await self.close()
                raise
            for w in self._procs:
                self._idle.put_nowait(w)
            names = [w.engine for w in self._procs]
        self._started = True
        log.info(
            "ocr pool ready: engine=%s kind=%s workers=%d queue=%d limits=%.0fs/%dMB",
            names[0],
            self.kind,
            self.workers,
            self.queue_size,
            self.scan_seconds,
            self.memory_mb,
        )

    async def _spawn(self, worker: _Worker) -> None:
        """Start (or restart) one process worker and wait until its engine is loaded."""
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        proc = ctx.Process(
            target=_worker_main,
            args=(child, self.ocr, self.threads_per_worker, self.memory_mb, self.settings),
            name=f"ocr-worker-{worker.index}",
            daemon=True,
        )
        await asyncio.to_thread(proc.start)
        child.close()
        worker.process, worker.conn = proc, parent
        ready = await asyncio.to_thread(parent.poll, START_SECONDS)
        try:
            kind, value = parent.recv() if ready else ("error", "start timeout")
        except (EOFError, OSError):
            kind, value = "error", "worker exited while loading the engine"
        if kind != "ready":
            await asyncio.to_thread(worker.kill)
            raise OcrUnavailable(f"OCR worker could not start: {value}")
        worker.engine = str(value)

    async def close(self) -> None:
        self._started = False
        executor, self._executor = self._executor, None
        if executor is not None:
            await asyncio.get_running_loop().run_in_executor(
                None, partial(executor.shutdown, wait=True, cancel_futures=True)
            )
        procs, self._procs = self._procs, []
        for w in procs:
            if w.conn is not None and w.alive:
                with contextlib.suppress(OSError, ValueError):
                    w.conn.send(None)
        for w in procs:
            await asyncio.to_thread(_stop_worker, w)

    # -- scanning --------------------------------------------------------------------------

    async def scan(
        self, data: bytes, *, salt: bytes | None = None, group_id: str | None = None
    ) -> ScanResult:
        """Scan one image or PDF in a worker. Raises QueueFull, ImageRefused (unreadable, or
        a limit was broken and the worker replaced), OcrServiceFailed (the engine's service
        failed: try again later) or OcrUnavailable."""
        result: ScanResult = await self._submit(SCAN, data, salt, group_id)
        return result

    async def read(self, data: bytes) -> list[OcrLine]:
        """The engine's text lines for one image, in a worker, under the same limits (no
        orientation, no detection: what an OCR hook answers). Raises as `scan` does."""
        lines: list[OcrLine] = await self._submit(READ, data, None, None)
        return lines

    async def _submit(self, op: str, data: bytes, salt: bytes | None, group_id: str | None) -> Any:
        if not self._started:
            raise OcrUnavailable("OCR pool not started")
        if self._in_flight >= self.capacity:
            raise QueueFull(f"{self._in_flight} images already queued or running")
        self._in_flight += 1
        try:
            if self.kind == "thread":
                assert self._executor is not None
                job = partial(_job, op, data, salt, group_id)
                try:
                    return await asyncio.get_running_loop().run_in_executor(self._executor, job)
                except OcrServiceError as exc:
                    raise _service_failed(type(exc).__name__) from None
            assert self._idle is not None
            worker = await self._idle.get()
            try:
                return await self._scan_in(worker, (op, data, salt, group_id))
            finally:
                self._idle.put_nowait(worker)
        finally:
            self._in_flight -= 1

    async def _scan_in(
        self, worker: _Worker, job: tuple[str, bytes, bytes | None, str | None]
    ) -> Any:
        if not worker.alive:
            if worker.process is not None:  # died between two scans
                await self._retire(worker, "worker_died")
            await self._spawn(worker)  # a fresh worker in the place of one retired before
        conn = worker.conn
        assert conn is not None
        try:
            await asyncio.to_thread(conn.send, job)
            ready = await asyncio.to_thread(conn.poll, self.scan_seconds)
            answer = conn.recv() if ready else None
        except (EOFError, OSError, BrokenPipeError):
            await self._retire(worker, "worker_died")
            raise ImageRefused("worker_died", "the OCR worker died during the scan") from None
        except asyncio.CancelledError:
            # Shutdown while a scan runs: the worker may be busy for a while; replace it.
            await asyncio.shield(asyncio.to_thread(worker.kill))
            raise
        if answer is None:
            await self._retire(worker, "time_limit")
            raise ImageRefused(
                "time_limit", f"no answer within {self.scan_seconds:.0f} s; worker killed"
            )
        kind, value = answer
        if kind == "ok":
            return value
        if kind == "refused":
            raise ImageRefused(value[0], value[1])
        if kind == "service":
            raise _service_failed(str(value))
        if kind == "memory":
            await self._retire(worker, "memory_limit")
            raise ImageRefused(
                "memory_limit", f"the scan needed more than {self.memory_mb} MB; worker killed"
            )
        raise OcrUnavailable(f"scan failed in the worker: {value}")

    async def _retire(self, worker: _Worker, why: str) -> None:
        """Kill `worker` (if still running); a fresh one starts in its place before the next
        scan on that slot, so the broken scan is reported without waiting for the start."""
        self.replaced += 1
        log.error("ocr worker %d replaced reason=%s", worker.index, why)
        await asyncio.to_thread(worker.kill)


def _service_failed(error: str) -> OcrServiceFailed:
    return OcrServiceFailed(f"the OCR engine's service failed: {error}")


def _stop_worker(worker: _Worker) -> None:
    if worker.process is not None:
        worker.process.join(5)
    worker.kill()
