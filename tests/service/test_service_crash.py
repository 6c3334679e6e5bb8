"""The real server (`bot.py serve`, its own process) killed with SIGKILL: what it
acknowledged is warned after the restart, exactly once; and a copy of its database files
(db, -wal, -shm) afterwards gives none of the values sent in away."""

from __future__ import annotations

import asyncio
import os
import random
import re
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from detectors import scan_text
from detectors.base import salted_digest
from devtools.fakeline import FakeLinePlatform
from tests.service.test_service_reliability import leaks, national_id, warned_messages
from tests.support.harness import ADMIN, ALICE, BOB, GROUP, SECRET, TOKEN, platform

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`bot.py serve` in a subprocess against the local LINE platform."""

    def __init__(self, line: FakeLinePlatform, db: Path) -> None:
        self.line = line
        self.db = db
        self.port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = db.parent.parent / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        return {
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", ""),
            "LINE_CHANNEL_SECRET": SECRET,
            "LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
            "LINE_API_BASE_URL": self.line.base_url,
            "BOT_DB_PATH": str(self.db),
        }

    def cli(self, *args: str) -> None:
        subprocess.run(
            [sys.executable, str(ROOT / "bot.py"), *args],
            env=self.env(),
            check=True,
            capture_output=True,
            cwd=self.db.parent.parent,
        )

    @staticmethod
    def command() -> list[str]:
        return [sys.executable, str(ROOT / "bot.py"), "serve", "--host", "127.0.0.1"]

    async def start(self) -> None:
        env = self.env()
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [*self.command(), "--port", str(self.port)],
                env=env,
                cwd=self.db.parent.parent,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        async with aiohttp.ClientSession() as s:
            while time.monotonic() < deadline:
                assert self.proc.poll() is None, self.log.read_text()[-2000:]
                try:
                    async with s.get(self.url + "/healthz") as r:
                        if r.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.1)
        raise AssertionError("the server did not start")

    def kill9(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    async def send(self, *events: dict[str, object]) -> int:
        return await self.line.deliver(self.url + "/callback", list(events))

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill9()


@pytest.fixture
async def world() -> AsyncIterator[FakeLinePlatform]:
    async with platform() as p:
        yield p


@pytest.mark.sqlite_only  # the SQLite file itself
async def test_kill_9_after_the_ack_loses_nothing(world: FakeLinePlatform, tmp_path: Path) -> None:
    """Row: "kill -9 50 ms after acknowledging a batch of 100: 52 events lost"."""
    line = world
    server = Server(line, tmp_path / "data" / "bot.db")
    await server.start()
    try:
        events = [line.text_event(ALICE, text, chat=GROUP) for text in leaks(100, seed=21)]
        # LINE answers 503 while the batch is handled, so no send can be half-done (accepted
        # by LINE, answer lost) at the kill: that case belongs to the outbox's retry rules.
        line.set_down(True)
        assert await server.send(*events) == 200
        await asyncio.sleep(0.05)
        server.kill9()
        line.set_down(False)
        await server.start()  # same database: resumes the outbox and the follow-ups
        want = sorted(e["message"]["quoteToken"] for e in events)
        await line.wait_for(lambda: len(warned_messages(line, GROUP)) >= 100, timeout=60)
        # The private notes (follow-up jobs) were resumed too.
        await line.wait_for(lambda: len(line.messages_to(ALICE)) >= 100, timeout=60)
        await asyncio.sleep(1.0)  # anything sent twice would show up by now
        assert sorted(warned_messages(line, GROUP)) == want  # every leak warned exactly once
        assert len(line.messages_to(ALICE)) == 100
    finally:
        server.stop()


@pytest.mark.sqlite_only  # the SQLite file itself
async def test_a_copy_of_the_database_gives_nothing_away(
    world: FakeLinePlatform, tmp_path: Path
) -> None:
    """Rows: "a copy of data/bot.db (created 0644): IDs and a phone recovered in 46 ms" and
    "an unsent leak, then kill -9: its masked value and digest still in bot.db-wal"."""
    line = world
    folder = tmp_path / "data"
    server = Server(line, folder / "bot.db")
    server.cli("admin", "add", ADMIN, "--group", GROUP)
    await server.start()
    rng = random.Random(5)
    ids = [national_id(rng) for _ in range(4)]
    phone = "0933-222-111"
    texts = [
        f"請幫忙查一下 {ids[0]} 這位民眾的戶籍資料",
        f"身分證 {ids[1]} 的那位今天會來陳情",
        f"關係人 {ids[2]} 電話 {phone}",
        f"這位 {ids[3]} 的資料先別外流",
    ]
    try:
        events = [
            line.text_event(ALICE if i % 2 else BOB, t, chat=GROUP) for i, t in enumerate(texts)
        ]
        for e in events:
            assert await server.send(e) == 200
        await line.wait_for(lambda: len(warned_messages(line, GROUP)) == 4, timeout=20)
        await line.wait_for(lambda: len(line.messages_to(ADMIN)) >= 4, timeout=20)
        await asyncio.sleep(0.5)
        unsent = events[2]  # the one with the phone number: its traces must go
        assert (
            await server.send(line.unsend_event(ALICE, unsent["message"]["id"], chat=GROUP)) == 200
        )
        await line.wait_for(lambda: any("收回" in t for t in line.texts_to(ALICE)), timeout=20)
        await asyncio.sleep(0.5)
        server.kill9()
    finally:
        server.stop()

    # Created private: the folder 0700, the database and its WAL / SHM 0600.
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = [folder / n for n in ("bot.db", "bot.db-wal", "bot.db-shm")]
    for f in files:
        if f.exists():
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f.name
    key_file = folder / "bot.hashkey"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_bytes().strip()

    blob = b"".join(f.read_bytes() for f in files if f.exists())  # what a thief copies
    raw_values = [*ids, phone, phone.replace("-", ""), "王小明", "陳美玲", *texts]
    for value in raw_values:
        assert value.encode() not in blob, f"raw value in the copy: {value[:3]}..."
    assert key not in blob  # the hash key is not in the database
    # Masks show at most 4 characters of an identifier.
    for masked in re.findall(rb"[A-Z][0-9*]{9}", blob):
        if b"*" in masked:
            assert len([c for c in masked.decode() if c != "*"]) <= 4
    # The hashes of the values still open are there (the test can see them) ...
    digests_by_key = {
        v: [f.digest for f in scan_text(t, salt=key).findings if f.digest]
        for v, t in zip(ids, texts, strict=True)
    }
    for v in (ids[0], ids[1], ids[3]):
        assert any(d.encode() in blob for d in digests_by_key[v]), "open incident hash missing"
    # ... but the unsent one's are gone, and nothing in the copy can serve as the key:
    # try every salt-like string the files hold (hex runs, settings values) on every value.
    assert not any(d.encode() in blob for d in digests_by_key[ids[2]])
    candidates = set(re.findall(rb"[0-9a-f]{32,128}", blob)) | {b""}
    found_digests = set(re.findall(rb"[0-9a-f]{32}", blob))
    for salt in candidates:
        for value in [*ids, phone.replace("-", "")]:
            assert salted_digest(value, salt).encode() not in found_digests
    # The unsent incident's masked value is gone too (database file and WAL).
    masked_phone = [f.masked for f in scan_text(texts[2]).findings]
    for m in masked_phone:
        if m:
            assert m.encode() not in blob, f"masked value of the unsent leak kept: {m}"
