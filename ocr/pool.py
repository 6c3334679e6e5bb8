"""A bounded worker pool that runs image scans off the event loop.

Each worker loads its OCR engine once (in the pool's initializer) and then runs whole scans:
decode, orient, OCR, text detection, document recognition. Only the image bytes go in and only
a `ScanResult` (masked findings, doc type) comes back, so the OCR text never leaves the worker.

The queue is bounded: at most `workers` scans run and `queue_size` wait; beyond that `scan()`
raises `QueueFull` at once and the caller records the image as not scanned. Callers only
`await pool.scan(data)`, so a Redis/arq job queue can take this class's place later.

`kind="process"` (default) isolates the engine in spawned processes: a crash or a hostile image
cannot take the bot down, and the CPU-heavy work does not hold the event loop's GIL.
`kind="thread"` runs in threads (onnxruntime releases the GIL while it infers), for small
deployments and tests that want no process start-up.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from detectors.base import ScanResult
    from ocr.base import OcrEngine

log = logging.getLogger(__name__)


class QueueFull(Exception):
    """Every worker is busy and the waiting queue is full."""


class OcrUnavailable(Exception):
    """The worker pool is not running or its workers died."""


# Per worker: the engine loaded by the initializer (a thread-local for thread pools).
_local = threading.local()


def _init_worker(engine_name: str, threads: int) -> None:
    from ocr.registry import create_engine

    _local.engine = create_engine(engine_name, threads=threads)


def _worker_engine() -> OcrEngine:
    engine: OcrEngine | None = getattr(_local, "engine", None)
    if engine is None:
        raise OcrUnavailable("worker has no engine (initializer did not run)")
    return engine


def _warm() -> str:
    return _worker_engine().name


def _scan_job(data: bytes, salt: bytes | None, group_id: str | None, config: Any) -> ScanResult:
    from images.scan import scan_image

    return scan_image(data, engine=_worker_engine(), config=config, salt=salt, group_id=group_id)


class OcrPool:
    def __init__(
        self,
        *,
        engine: str = "rapidocr",
        workers: int = 1,
        queue_size: int = 16,
        kind: Literal["process", "thread"] = "process",
        config: Any = None,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        if queue_size < 0:
            raise ValueError("queue_size must not be negative")
        self.engine_name = engine
        self.workers = workers
        self.queue_size = queue_size
        self.kind = kind
        self.config = config
        self.capacity = workers + queue_size
        # Split the cores between workers so they do not fight over them.
        self.threads_per_worker = max(1, (os.cpu_count() or 1) // workers)
        self._executor: Executor | None = None
        self._in_flight = 0

    @classmethod
    def from_config(cls, config: Any, *, kind: Literal["process", "thread"] = "process") -> OcrPool:
        return cls(
            engine=config.ocr_engine,
            workers=config.ocr_workers,
            queue_size=config.ocr_queue_size,
            kind=kind,
            config=config,
        )

    @property
    def in_flight(self) -> int:
        """Scans running or waiting."""
        return self._in_flight

    def _new_executor(self) -> Executor:
        args = (self.engine_name, self.threads_per_worker)
        if self.kind == "thread":
            return ThreadPoolExecutor(self.workers, "ocr", initializer=_init_worker, initargs=args)
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=args,
        )

    async def start(self) -> None:
        """Start the workers and load the engine in each (raises if the engine cannot load)."""
        if self._executor is not None:
            return
        from ocr.registry import check_engine_name

        check_engine_name(self.engine_name)
        self._executor = self._new_executor()
        loop = asyncio.get_running_loop()
        names = await asyncio.gather(
            *(loop.run_in_executor(self._executor, _warm) for _ in range(self.workers))
        )
        log.info(
            "ocr pool ready: engine=%s kind=%s workers=%d queue=%d",
            names[0],
            self.kind,
            self.workers,
            self.queue_size,
        )

    async def scan(
        self, data: bytes, *, salt: bytes | None = None, group_id: str | None = None
    ) -> ScanResult:
        """Scan one image in a worker. Raises QueueFull, images.ImageRefused or OcrUnavailable."""
        if self._executor is None:
            raise OcrUnavailable("OCR pool not started")
        if self._in_flight >= self.capacity:
            raise QueueFull(f"{self._in_flight} images already queued or running")
        self._in_flight += 1
        try:
            loop = asyncio.get_running_loop()
            job = partial(_scan_job, data, salt, group_id, self.config)
            try:
                return await loop.run_in_executor(self._executor, job)
            except BrokenProcessPool as exc:
                # A worker died (killed, out of memory): start a fresh pool for the next images.
                log.error("ocr worker died; restarting the pool")
                old, self._executor = self._executor, self._new_executor()
                if old is not None:
                    old.shutdown(wait=False, cancel_futures=True)
                raise OcrUnavailable("OCR worker died while scanning") from exc
        finally:
            self._in_flight -= 1

    async def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            await asyncio.get_running_loop().run_in_executor(
                None, partial(executor.shutdown, wait=True, cancel_futures=True)
            )
