"""Shared fixtures for the image tests: the generated image set (once per session) and the
embedded OCR engine (loaded once per session)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from devtools import synth
from ocr import OcrEngine, get_engine

# The set the recall / FPR test runs on: every kind twice (20 documents, 20 ordinary images).
SET_SEED = 20261121
SET_PER_KIND = 2


@dataclass(frozen=True)
class StoredSample:
    path: Path
    name: str
    kind: str
    doc_type: str | None
    label: str
    long_side: int
    condition: str

    @property
    def data(self) -> bytes:
        return self.path.read_bytes()


def _require_fonts() -> None:
    if not synth.fonts_available():
        pytest.skip(
            "CJK fonts missing (apt-get install fonts-noto-cjk fonts-wqy-zenhei; scripts/setup.sh --dev does)"
        )


@pytest.fixture(scope="session")
def image_set(tmp_path_factory: pytest.TempPathFactory) -> list[StoredSample]:
    """Generated once per test session into a temporary directory (no binaries in the repo)."""
    _require_fonts()
    out = tmp_path_factory.mktemp("image_set")
    samples = []
    for s in synth.generate(SET_SEED, SET_PER_KIND):
        path = out / f"{s.name}.jpg"
        path.write_bytes(s.data)
        samples.append(
            StoredSample(path, s.name, s.kind, s.doc_type, s.label, s.long_side, s.condition)
        )
    (out / "labels.jsonl").write_text(
        "".join(
            json.dumps(
                {"image": p.path.name, "kind": p.kind, "doc_type": p.doc_type, "expect": p.label}
            )
            + "\n"
            for p in samples
        ),
        encoding="utf-8",
    )
    return samples


@pytest.fixture(scope="session")
def engine() -> Iterator[OcrEngine]:
    yield get_engine("rapidocr")


@pytest.fixture(scope="session")
def id_card_jpeg() -> bytes:
    """One photographed ID card front, upright, 1280 px."""
    _require_fonts()
    import random

    rng = random.Random(5)
    img = synth.photograph(synth.id_card_front(rng), rng, 1280)
    return synth.to_jpeg(img, 85)


@pytest.fixture(scope="session")
def ordinary_jpeg() -> bytes:
    _require_fonts()
    import random

    rng = random.Random(6)
    img = synth.photograph(synth.menu(rng), rng, 1280)
    return synth.to_jpeg(img, 85)
