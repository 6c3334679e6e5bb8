"""Engines by name (`Config.ocr_engine`), each loaded at most once per process.

Three kinds, all chosen by BOT_OCR_ENGINE without touching the code:
- built-in: rapidocr (default), tesseract, http (the HTTP hook, ocr/http.py);
- plug-ins: installed packages that declare an entry point in the group
  `line_guard.ocr_engines` (name = the engine's name, value = a factory
  `f(threads: int | None) -> OcrEngine`); read once, on first use, beside the built-ins
  (a plug-in never replaces a built-in of the same name); see examples/ocr_plugin/;
- `register_engine(name, factory)` from code.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

from ocr.base import OcrEngine

ENTRY_POINT_GROUP = "line_guard.ocr_engines"
BUILT_IN = "built-in"

Factory = Callable[[int | None], OcrEngine]


def _rapidocr(threads: int | None) -> OcrEngine:
    from ocr.rapid import RapidOcrEngine

    return RapidOcrEngine(threads=threads)


def _tesseract(threads: int | None) -> OcrEngine:
    from ocr.tesseract import TesseractEngine

    return TesseractEngine()


def _http(threads: int | None) -> OcrEngine:
    from ocr.http import HttpOcrEngine

    return HttpOcrEngine.from_env()


@dataclass(frozen=True)
class EngineSource:
    """Where an engine comes from: `origin` is "built-in", "code" or the package's name."""

    name: str
    origin: str
    factory: Factory | None = None  # None: a plug-in, loaded from `entry_point` when used
    entry_point: EntryPoint | None = None

    def load_factory(self) -> Factory:
        if self.factory is not None:
            return self.factory
        assert self.entry_point is not None
        factory: Factory = self.entry_point.load()
        return factory


# The explicit list of built-in engines; `register_engine` adds one from code.
_SOURCES: dict[str, EngineSource] = {
    "rapidocr": EngineSource("rapidocr", BUILT_IN, _rapidocr),
    "tesseract": EngineSource("tesseract", BUILT_IN, _tesseract),
    "http": EngineSource("http", BUILT_IN, _http),
}
_loaded: dict[tuple[str, int | None], OcrEngine] = {}
_lock = threading.Lock()


class UnknownEngine(ValueError):
    pass


@functools.cache
def _plugins() -> dict[str, EngineSource]:
    """The installed plug-ins (read once per process), built-in names excluded."""
    found: dict[str, EngineSource] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in _SOURCES or ep.name in found:
            continue
        origin = ep.dist.name if ep.dist is not None else ep.module
        found[ep.name] = EngineSource(ep.name, origin, entry_point=ep)
    return found


def _all() -> dict[str, EngineSource]:
    return {**_plugins(), **_SOURCES}


def register_engine(name: str, factory: Factory) -> None:
    """Make `factory(threads)` available as BOT_OCR_ENGINE=name."""
    _SOURCES[name] = EngineSource(name, "code", factory)


def available_engines() -> list[str]:
    return sorted(_all())


def engine_sources() -> list[EngineSource]:
    """Every engine and where it comes from, by name."""
    return [source for _, source in sorted(_all().items())]


def get_engine(name: str = "rapidocr", *, threads: int | None = None) -> OcrEngine:
    """The engine called `name`, created on first use and then shared in this process."""
    check_engine_name(name)
    key = (name, threads)
    with _lock:
        engine = _loaded.get(key)
        if engine is None:
            engine = _loaded[key] = _all()[name].load_factory()(threads)
    return engine


def check_engine_name(name: str) -> None:
    if name not in _all():
        raise UnknownEngine(
            f"unknown OCR engine {name!r}; choose one of: {', '.join(available_engines())}"
        )


def create_engine(name: str, *, threads: int | None = None) -> OcrEngine:
    """A new engine instance (a worker's own), not shared."""
    check_engine_name(name)
    return _all()[name].load_factory()(threads)
