"""Fixtures of the job-queue tests: a PostgreSQL database per test, `bot.py worker`
processes (stopped at the end), a small ID-card photo."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools import synth
from tests.support.cluster import PG_ADMIN, Workers, pg_database


@pytest.fixture
def pg_url() -> Iterator[str]:
    import psycopg

    try:
        psycopg.connect(PG_ADMIN, connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL not running on 127.0.0.1:5432 ({type(exc).__name__})")
    with pg_database() as url:
        yield url


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    w = Workers(tmp_path)
    try:
        yield w
    finally:
        w.stop_all()


@pytest.fixture(scope="module")
def small_id_jpeg() -> bytes:
    """An ID card front photographed at 900 px (quick to OCR, still read)."""
    if not synth.fonts_available():
        pytest.skip("CJK fonts missing")
    rng = random.Random(5)
    return synth.to_jpeg(synth.photograph(synth.id_card_front(rng), rng, 1100), 85)
