"""The cluster's pieces for tests: a PostgreSQL database of the test's own (created with a
unique name on 127.0.0.1:5432, dropped afterwards) and `bot.py worker` processes (real
subprocesses, each in its own session so that a SIGKILL takes its OCR processes too) on
the replica's database (store and queue).

    with pg_database() as url: ...
    workers = Workers(tmp_path); workers.start(line, bot.config, "w1"); workers.kill("w1")
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from config import Config
from devtools.fakeline import FakeLinePlatform
from tests.support.harness import PG_HASH_KEY, SECRET, TOKEN, Bot, database_env, start_bot

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


@contextlib.contextmanager
def pg_database() -> Iterator[str]:
    """A fresh, uniquely named database; its URL. Dropped (connections closed) afterwards.
    Raises `psycopg.OperationalError` when PostgreSQL does not answer."""
    import psycopg

    name = f"bot_test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def start_replica(
    line: FakeLinePlatform, tmp_path: Path, pg_url: str, *, queue: bool = True, **config: Any
) -> Bot:
    """A `bot.py serve` replica (create_app on loopback) on `pg_url`: the PostgreSQL store,
    and with `queue` the job queue in place of the OCR pool (jobs/queue.py)."""
    from jobs.queue import queue_ctx

    return await start_bot(
        line,
        tmp_path,
        contexts=[queue_ctx] if queue else [],
        database_url=pg_url,
        hash_salt=PG_HASH_KEY,
        **config,
    )


def pg_rows(url: str, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(sql, params).fetchall()


class Workers:
    """`bot.py worker` subprocesses against the local LINE platform; all stopped by
    `stop_all()` (SIGTERM, then SIGKILL), their output kept in tmp_path/worker-NAME.log."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def start(
        self,
        line: FakeLinePlatform,
        config: Config,
        name: str,
        *,
        concurrency: int = 1,
        stalled_after: float = 2.0,
        env: dict[str, str] | None = None,
        extra_args: list[str] | None = None,
    ) -> subprocess.Popen[bytes]:
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "LINE_"))} | {
            "LINE_CHANNEL_SECRET": SECRET,
            "LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
            "LINE_API_BASE_URL": line.base_url,
            **database_env(config),  # the replica's database: the store and the queue
            "BOT_LOG_LEVEL": "INFO",
            **(env or {}),
        }
        log = (self.tmp_path / f"worker-{name}.log").open("wb")
        proc = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "bot.py"),
                "worker",
                "--concurrency",
                str(concurrency),
                "--stalled-after",
                str(stalled_after),
                *(extra_args or []),
            ],
            cwd=self.tmp_path,  # no .env of the checkout is read
            env=environ,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self.procs[name] = proc
        return proc

    def log(self, name: str) -> str:
        path = self.tmp_path / f"worker-{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def kill(self, name: str) -> None:
        """SIGKILL the worker and its OCR processes (its whole session): a lost machine."""
        proc = self.procs[name]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def stop(self, name: str, timeout: float = 30.0) -> int:
        """SIGTERM: the worker finishes its jobs and exits; its exit status."""
        proc = self.procs[name]
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill(name)
        with contextlib.suppress(ProcessLookupError):  # OCR processes left behind, if any
            os.killpg(proc.pid, signal.SIGKILL)
        return proc.returncode

    def stop_all(self) -> None:
        for name in list(self.procs):
            self.stop(name)
