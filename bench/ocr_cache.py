"""An OCR engine that remembers what another engine read, for tuning the text side fast.

    engine = CachedEngine(get_engine("rapidocr"), Path("/tmp/tune_t.ocr.json"))
    report = run_set(folder, engine)      # first run: real OCR, lines stored
    engine.save()
    ...                                    # next runs: the same lines, in seconds

The key is a hash of the decoded pixels the engine is given (size, mode and bytes), so every
reading the pipeline asks for (upright, turned 90/180/270 degrees, each frame) is stored
under its own key and replayed exactly: the rest of the pipeline (orientation choice, text
detectors, document evidence, document type) runs for real on every pass. Lines are stored
as given (text, box, score) in a JSON file outside the repository; the file holds the text
read from the set's images, so keep it in /tmp and never print it (a set in
images/bench.py's AGGREGATE_ONLY is only ever reported in totals).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocr.base import OcrEngine, OcrLine

if TYPE_CHECKING:
    from PIL import Image


def pixel_key(image: Image.Image) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{image.mode}:{image.size[0]}x{image.size[1]}:".encode())
    h.update(image.tobytes())
    return h.hexdigest()


class CachedEngine:
    """`inner`'s readings, read once and replayed from `path` after that."""

    def __init__(self, inner: OcrEngine, path: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = path
        self.hits = 0
        self.misses = 0
        self._lines: dict[str, list[list[Any]]] = {}
        if path.exists():
            self._lines = json.loads(path.read_text(encoding="utf-8"))

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        key = pixel_key(image)
        stored = self._lines.get(key)
        if stored is None:
            self.misses += 1
            lines = self.inner.recognize(image)
            self._lines[key] = [[ln.text, [list(p) for p in ln.box], ln.score] for ln in lines]
            if self.misses % 20 == 0:
                self.save()
            return lines
        self.hits += 1
        return [
            OcrLine(text, tuple((float(x), float(y)) for x, y in box), float(score))  # type: ignore[arg-type]
            for text, box, score in stored
        ]

    def save(self) -> None:
        tmp = self.path.with_suffix(".part")
        tmp.write_text(json.dumps(self._lines, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)
