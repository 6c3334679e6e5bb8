"""Fixtures for the service tests (helpers in tests/support/harness.py; `line` in
tests/conftest.py).

Every service test runs on both backends, `[sqlite]` (a file in tmp_path) and `[postgres]`
(a fresh schema of this run's PostgreSQL database), through the autouse `backend` fixture;
a test about the SQLite file itself is marked `sqlite_only`, one about several replicas
on the shared database `postgres_only`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from devtools.fakeline import FakeLinePlatform
from tests.support.harness import Bot, start_bot, use_database

BACKENDS = ("sqlite", "postgres")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        names: tuple[str, ...] = BACKENDS
        if metafunc.definition.get_closest_marker("sqlite_only"):
            names = ("sqlite",)
        elif metafunc.definition.get_closest_marker("postgres_only"):
            names = ("postgres",)
        metafunc.parametrize("backend", names, indirect=True)


@pytest.fixture(autouse=True)
def backend(request: pytest.FixtureRequest) -> Iterator[str]:
    """The database every bot of this test uses (tests/support/harness.use_database)."""
    name = getattr(request, "param", "sqlite")
    use_database(request.getfixturevalue("pg_url") if name == "postgres" else None)
    try:
        yield name
    finally:
        use_database(None)


@pytest.fixture
async def bot(line: FakeLinePlatform, tmp_path: Path) -> AsyncIterator[Bot]:
    b = await start_bot(line, tmp_path)
    try:
        yield b
    finally:
        await b.stop()
