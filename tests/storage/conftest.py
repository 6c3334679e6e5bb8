"""The `store` fixture: every storage test that takes it runs on both backends, a fresh
in-memory SQLite database (`[sqlite]`) and a fresh schema of this run's PostgreSQL
database (`[postgres]`, tests/conftest.py `pg_url`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storage import Store, open_store

BACKENDS = ("sqlite", "postgres")


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    target = request.getfixturevalue("pg_url") if request.param == "postgres" else ":memory:"
    s = open_store(target)
    try:
        yield s
    finally:
        s.close()
