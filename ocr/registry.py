"""Engines by name (`Config.ocr_engine`), each loaded at most once per process."""

from __future__ import annotations

import threading
from collections.abc import Callable

from ocr.base import OcrEngine


def _rapidocr(threads: int | None) -> OcrEngine:
    from ocr.rapid import RapidOcrEngine

    return RapidOcrEngine(threads=threads)


def _tesseract(threads: int | None) -> OcrEngine:
    from ocr.tesseract import TesseractEngine

    return TesseractEngine()


# The explicit list of engines; `register_engine` adds one (a cloud OCR, a GPU build...).
_FACTORIES: dict[str, Callable[[int | None], OcrEngine]] = {
    "rapidocr": _rapidocr,
    "tesseract": _tesseract,
}
_loaded: dict[tuple[str, int | None], OcrEngine] = {}
_lock = threading.Lock()


class UnknownEngine(ValueError):
    pass


def register_engine(name: str, factory: Callable[[int | None], OcrEngine]) -> None:
    """Make `factory(threads)` available as BOT_OCR_ENGINE=name."""
    _FACTORIES[name] = factory


def available_engines() -> list[str]:
    return sorted(_FACTORIES)


def get_engine(name: str = "rapidocr", *, threads: int | None = None) -> OcrEngine:
    """The engine called `name`, created on first use and then shared in this process."""
    check_engine_name(name)
    key = (name, threads)
    with _lock:
        engine = _loaded.get(key)
        if engine is None:
            engine = _loaded[key] = _FACTORIES[name](threads)
    return engine


def check_engine_name(name: str) -> None:
    if name not in _FACTORIES:
        raise UnknownEngine(
            f"unknown OCR engine {name!r}; choose one of: {', '.join(available_engines())}"
        )


def create_engine(name: str, *, threads: int | None = None) -> OcrEngine:
    """A new engine instance (a worker's own), not shared."""
    check_engine_name(name)
    return _FACTORIES[name](threads)
