"""The generated image set the recall / FPR test runs on, written to disk once per session
(no binaries in the repo), and the skip when the CJK fonts are missing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from devtools import synth

# Every kind twice (20 documents, 20 ordinary images).
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


def require_fonts() -> None:
    if not synth.fonts_available():
        pytest.skip(
            "CJK fonts missing (apt-get install fonts-noto-cjk fonts-wqy-zenhei; scripts/setup.sh --dev does)"
        )


def write_image_set(out: Path) -> list[StoredSample]:
    """Draw the set into `out` as JPEGs plus labels.jsonl."""
    require_fonts()
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
