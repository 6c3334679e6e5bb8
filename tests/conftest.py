"""Fixtures shared by every test folder: the local LINE platform with the harness's group
(`line`), the embedded OCR engine, the generated image set and two photographed images
(each made once per session); this run's PostgreSQL database (`pg_server`) and a fresh
schema of it per test (`pg_url`). Helper modules live in tests/support/ and are imported as
`from tests.support.X import ...` (the repo root is on sys.path: pyproject's pythonpath)."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Iterator

import pytest

from devtools import synth
from devtools.fakeline import FakeLinePlatform
from ocr import OcrEngine, get_engine
from tests.support.harness import platform
from tests.support.image_set import StoredSample, require_fonts, write_image_set
from tests.support.pg import ADMIN_URL, PgServer


@pytest.fixture
async def line() -> AsyncIterator[FakeLinePlatform]:
    """The local LINE platform with the harness's group (tests/support/harness.platform)."""
    async with platform() as p:
        yield p


@pytest.fixture(scope="session")
def image_set(tmp_path_factory: pytest.TempPathFactory) -> list[StoredSample]:
    """Generated once per test session into a temporary directory (no binaries in the repo)."""
    require_fonts()
    return write_image_set(tmp_path_factory.mktemp("image_set"))


@pytest.fixture(scope="session")
def engine() -> Iterator[OcrEngine]:
    yield get_engine("rapidocr")


@pytest.fixture(scope="session")
def id_card_jpeg() -> bytes:
    """One photographed ID card front, upright, 1280 px."""
    require_fonts()
    rng = random.Random(5)
    img = synth.photograph(synth.id_card_front(rng), rng, 1280)
    return synth.to_jpeg(img, 85)


@pytest.fixture(scope="session")
def ordinary_jpeg() -> bytes:
    require_fonts()
    rng = random.Random(6)
    img = synth.photograph(synth.menu(rng), rng, 1280)
    return synth.to_jpeg(img, 85)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """This test run's own PostgreSQL database (tests/support/pg.py), dropped at the end;
    tests that need it are skipped where no server answers."""
    server = PgServer.start()
    if server is None:
        pytest.skip(f"no PostgreSQL server at {ADMIN_URL}")
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A `postgresql://` URL to a fresh, empty schema of the run's database."""
    schema = pg_server.new_schema()
    try:
        yield pg_server.schema_url(schema)
    finally:
        pg_server.drop_schema(schema)
