"""The real PostgreSQL server for tests: one database per test run, one schema per test.

The server is the machine's (127.0.0.1:5432, trust authentication, user postgres; another
with BOT_TEST_PG_URL). A test run creates its own database, named uniquely, and drops it at
the end, so runs and people never collide; each test works in a fresh schema of it
(`search_path` in the URL), so the migrations run from nothing every time.

    server = PgServer.start()          # None when no server answers
    url = server.schema_url("t1")      # postgresql://.../lg_test_...?options=-csearch_path%3Dt1
    server.drop_schema("t1"); server.close()
"""

from __future__ import annotations

import itertools
import os
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

ADMIN_URL = os.environ.get("BOT_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@dataclass
class PgServer:
    admin_url: str
    database: str
    _counter: itertools.count[int] = field(default_factory=itertools.count)

    @property
    def url(self) -> str:
        return _with_database(self.admin_url, self.database)

    @classmethod
    def start(cls, admin_url: str = ADMIN_URL) -> PgServer | None:
        """Create this run's database; None when no PostgreSQL server answers."""
        import psycopg

        name = f"lg_test_{os.getpid()}_{secrets.token_hex(4)}"
        try:
            with psycopg.connect(admin_url, autocommit=True, connect_timeout=3) as conn:
                conn.execute(f"CREATE DATABASE {name}".encode())
        except psycopg.OperationalError:
            return None
        return cls(admin_url, name)

    def new_schema(self) -> str:
        """A fresh, empty schema; its name."""
        import psycopg

        name = f"t{next(self._counter)}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}".encode())
        return name

    def schema_url(self, schema: str) -> str:
        # synchronous_commit off: a test database need not wait for the disk at each commit.
        return f"{self.url}?options=-csearch_path%3D{schema}%20-csynchronous_commit%3Doff"

    def drop_schema(self, schema: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE".encode())

    def close(self) -> None:
        """Drop this run's database (closing what is still connected to it)."""
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)".encode())
