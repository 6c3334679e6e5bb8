"""Engines by name (`Config.ocr_engine`), each loaded at most once per process.

Three kinds, all chosen by BOT_OCR_ENGINE without touching the code:
- built-in: rapidocr (default), tesseract, http (the HTTP hook, ocr/http.py);
- plug-ins: installed packages that declare an entry point in the group
  `line_guard.ocr_engines` (name = the engine's name, value = a factory
  `f(threads: int | None) -> OcrEngine`); read once, on first use, beside the built-ins
  (a plug-in never replaces a built-in of the same name); see examples/ocr_plugin/;
- `register_engine(name, factory)` from code.

What an engine needs beyond its name comes from the one `Config` as a `HookSettings` (engine
name, hook URL, token, timeout): small, picklable (the OCR worker processes get it at start)
and never showing the token. Engines are built from it, never from the environment, so the
service, its workers, `bot.py scan` and `bot.py ocr bench` use one configuration.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING

from ocr.base import OcrEngine

if TYPE_CHECKING:
    from config import Config

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
    """`http` without settings: only `HookSettings` gives the hook's address."""
    return _http_engine(HookSettings(HTTP))


def _http_engine(hook: HookSettings) -> OcrEngine:
    from ocr.http import HttpOcrEngine

    return HttpOcrEngine.from_settings(hook)


HTTP = "http"


@dataclass(frozen=True)
class HookSettings:
    """The engine the configuration chooses, with the HTTP hook's settings (used when
    `engine` is "http"). Picklable; the token never shows in its repr."""

    engine: str = "rapidocr"
    url: str | None = None
    token: str | None = field(default=None, repr=False)
    timeout: float = 30.0

    @classmethod
    def from_config(cls, config: Config) -> HookSettings:
        return cls(
            engine=config.ocr_engine,
            url=config.ocr_url,
            token=config.ocr_token,
            timeout=float(config.ocr_timeout),
        )

    def with_engine(self, name: str) -> HookSettings:
        """The same hook settings for another engine (`--engine NAME` of a command)."""
        return HookSettings(name, self.url, self.token, self.timeout)

    def get(self, *, threads: int | None = None) -> OcrEngine:
        """The engine, created on first use and then shared in this process."""
        return get_engine(self.engine, threads=threads, hook=self)

    def create(self, *, threads: int | None = None) -> OcrEngine:
        """A new engine instance (a worker's own)."""
        return create_engine(self.engine, threads=threads, hook=self)


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
    HTTP: EngineSource(HTTP, BUILT_IN, _http),
}
_loaded: dict[tuple[str, int | None, HookSettings | None], OcrEngine] = {}
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


def get_engine(
    name: str = "rapidocr", *, threads: int | None = None, hook: HookSettings | None = None
) -> OcrEngine:
    """The engine called `name`, created on first use and then shared in this process.
    `hook`: the settings of the `http` engine (ignored by the others)."""
    check_engine_name(name)
    key = (name, threads, hook if name == HTTP else None)
    with _lock:
        engine = _loaded.get(key)
        if engine is None:
            engine = _loaded[key] = create_engine(name, threads=threads, hook=hook)
    return engine


def check_engine_name(name: str) -> None:
    if name not in _all():
        raise UnknownEngine(
            f"unknown OCR engine {name!r}; choose one of: {', '.join(available_engines())}"
        )


def create_engine(
    name: str, *, threads: int | None = None, hook: HookSettings | None = None
) -> OcrEngine:
    """A new engine instance (a worker's own), not shared. `hook`: the `http` engine's
    settings (without them `http` raises ConfigError: it has no address)."""
    check_engine_name(name)
    if name == HTTP and hook is not None:
        return _http_engine(hook)
    return _all()[name].load_factory()(threads)
