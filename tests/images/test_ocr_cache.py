"""bench/ocr_cache.py: an engine's readings stored once and replayed exactly, per pixels."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

from ocr.base import OcrLine

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from ocr_cache import CachedEngine  # noqa: E402


class CountingEngine:
    """An engine that reads the image's width as its one line, and counts its readings."""

    name = "counting"

    def __init__(self) -> None:
        self.calls = 0

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        self.calls += 1
        box = ((0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0))
        return [OcrLine(f"寬{image.size[0]}", box, 0.9)]


def test_readings_are_replayed_per_pixels(tmp_path: Path) -> None:
    store = tmp_path / "lines.json"
    inner = CountingEngine()
    first = CachedEngine(inner, store)
    a, b = Image.new("RGB", (40, 20), "white"), Image.new("RGB", (40, 20), "black")
    read_a = first.recognize(a)
    first.recognize(b)
    assert first.recognize(a) == read_a and inner.calls == 2  # same pixels: not read again
    first.save()
    again = CachedEngine(CountingEngine(), store)  # a new run, from the file
    assert again.recognize(a) == read_a and again.recognize(a.rotate(90, expand=True)) != read_a
    assert (again.hits, again.misses) == (1, 1)  # a turned image is another reading
