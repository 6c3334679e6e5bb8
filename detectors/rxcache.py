"""Compiled regular-expression programs kept on disk, as `__pycache__` keeps byte code.

    compile_re(source, flags=0)     # == re.compile(source, flags)
    compile_regex(source, flags=0)  # == regex.compile(source, flags)
    with detector_patterns(): ...   # re.compile / regex.compile called from a detectors
                                    # module inside the block go through the two above

Compiling the detectors' patterns is most of a `bot.py scan` process's start-up: the
parsers and compilers of `re` and `regex` are Python code, and a character class
holding Han characters costs a walk over every code point it spans. What they
produce is a list of integers (the program) handed to the C engine
(`_sre.compile`, `_regex.compile`). This module stores those arguments, per pattern
and flags, in one marshal file beside the byte code, and hands them straight to the
C engine in the next process: the same program, without the Python compiler.

Same patterns as the libraries': a program is stored only when the `re` pattern
built from it compares equal to `re.compile`'s (equality compares the programs),
and the `regex` arguments are the very ones `regex.compile` passed to its engine.
The file's name carries the Python version, `_sre.MAGIC` and the `regex` version;
its content a CRC. Anything unexpected (an unreadable, stale or corrupt file, a
library whose internals moved, a flag like LOCALE, named lists) falls back to the
library's own compile. The file is written once, at exit, when this process
compiled a pattern the file lacked; never where byte code is not written
(`sys.dont_write_bytecode`, PYTHONDONTWRITEBYTECODE).
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import regex

try:  # the engines' own entry points (CPython's re, mrab-regex)
    import _sre
    from re import _compiler as _re_compiler  # type: ignore[attr-defined]
    from re import _parser as _re_parser  # type: ignore[attr-defined]

    from regex import _main as _regex_main
    from regex import _regex as _regex_engine
except ImportError:  # pragma: no cover - another Python: plain compiles
    _sre = None

_RE_COMPILE = re.compile
_REGEX_COMPILE = regex.compile
_MAX_ENTRIES = 4096  # beyond this the file is rewritten with this process's patterns only
_FORMAT = 1


def _tag() -> str:
    version = getattr(regex, "__version__", "?")
    magic = getattr(_sre, "MAGIC", 0)
    key = f"{_FORMAT}|{sys.version}|{magic}|{version}|{sys.maxunicode}"
    return f"{sys.implementation.cache_tag}-{zlib.crc32(key.encode()):08x}"


def cache_file(name: str) -> Path:
    """`name` (with this Python's and these libraries' tag) in the package's byte-code
    folder: `detectors/__pycache__/`, or under PYTHONPYCACHEPREFIX when that is set."""
    here = Path(__file__).resolve().parent
    stem, dot, ext = name.rpartition(".")
    tagged = f"{stem}.{_tag()}{dot}{ext}"
    prefix = sys.pycache_prefix
    if prefix:  # where the byte code goes too (PYTHONPYCACHEPREFIX)
        return Path(prefix + str(here)) / tagged
    return here / "__pycache__" / tagged


def _cache_path() -> Path:
    return cache_file("patterns.marshal")


def load_table(name: str, source: object) -> Any | None:
    """What `store_table(name, source, value)` stored, when it was stored for an equal
    `source` (the inputs it was derived from, compared whole); else None."""
    table = _read(cache_file(f"{name}.marshal"))
    if table.get("source") != source:
        return None
    return table.get("value")


def store_table(name: str, source: object, value: object) -> None:
    """Keep `value` (marshal-able), derived from `source`, for the next process; not
    where byte code is not written; a failure to write only costs the next process."""
    if sys.dont_write_bytecode:
        return
    with contextlib.suppress(OSError, ValueError):
        _write(cache_file(f"{name}.marshal"), {"source": source, "value": value})


class _Store:
    """The programs read from the file, the ones this process used, and whether the
    file needs writing."""

    def __init__(self) -> None:
        self.loaded: dict[tuple[str, str, int], tuple[Any, ...]] | None = None
        self.used: dict[tuple[str, str, int], tuple[Any, ...]] = {}
        self.dirty = False
        self.hooked = False

    def entries(self) -> dict[tuple[str, str, int], tuple[Any, ...]]:
        if self.loaded is None:
            self.loaded = _read(_cache_path())
        return self.loaded

    def remember(self, key: tuple[str, str, int], args: tuple[Any, ...]) -> None:
        self.used[key] = args
        self.dirty = True
        if not self.hooked:
            self.hooked = True
            atexit.register(self.save)

    def save(self) -> None:
        if not self.dirty or sys.dont_write_bytecode:
            return
        merged = dict(self.entries())
        if len(merged) + len(self.used) > _MAX_ENTRIES:
            merged = {}
        merged.update(self.used)
        path = _cache_path()
        with contextlib.suppress(OSError, ValueError):
            _write(path, merged)
        self.dirty = False


def _read(path: Path) -> dict[Any, Any]:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if len(data) < 4 or zlib.crc32(data[4:]).to_bytes(4, "little") != data[:4]:
        return {}
    try:
        table = marshal.loads(data[4:])
    except (EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def _write(path: Path, table: dict[Any, Any]) -> None:
    payload = marshal.dumps(table)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(zlib.crc32(payload).to_bytes(4, "little") + payload)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


_STORE = _Store()


def _plain_flags(flags: object) -> int | None:
    try:
        return int(flags)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def compile_re(source: Any, flags: Any = 0) -> re.Pattern[Any]:
    """`re.compile(source, flags)`: the program from the file when it is there."""
    f = _plain_flags(flags)
    if _sre is None or type(source) is not str or f is None or f & (re.DEBUG | re.LOCALE):
        return _RE_COMPILE(source, flags)
    key = ("re", source, f)
    args = _STORE.used.get(key) or _STORE.entries().get(key)
    if args is not None:
        try:
            p: re.Pattern[str] = _sre.compile(source, *args)
            _STORE.used[key] = args
            return p
        except Exception:  # a stale or foreign entry: compile afresh
            pass
    expected = _RE_COMPILE(source, flags)
    if sys.dont_write_bytecode:
        return expected  # nothing will be stored: no second compile to note it
    try:
        parsed = _re_parser.parse(source, f)
        code = [int(c) for c in _re_compiler._code(parsed, f)]  # named opcodes: plain ints
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        args = (
            f | parsed.state.flags,
            code,
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        if _sre.compile(source, *args) == expected:
            marshal.dumps(args)  # storable (ints, strings, lists, dicts)
            _STORE.remember(key, args)
    except Exception:  # the library's internals moved: no cache
        pass
    return expected


class _Recorder:
    """Stands for `regex._regex` during one compile: notes the engine's arguments."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self.args: tuple[Any, ...] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    def compile(self, *args: Any) -> Any:
        self.args = args
        return self._engine.compile(*args)


def compile_regex(source: Any, flags: Any = 0, **kwargs: Any) -> Any:
    """`regex.compile(source, flags)`: the program from the file when it is there."""
    f = _plain_flags(flags)
    if (
        _sre is None
        or kwargs
        or type(source) is not str
        or f is None
        or f & (regex.DEBUG | regex.LOCALE)
    ):
        return _REGEX_COMPILE(source, flags, **kwargs)
    key = (f"regex:{_regex_main.DEFAULT_VERSION!s}", source, f)
    args = _STORE.used.get(key) or _STORE.entries().get(key)
    if args is not None:
        try:
            p = _regex_engine.compile(source, *args)
            _STORE.used[key] = args
            return p
        except Exception:  # a stale or foreign entry: compile afresh
            pass
    if sys.dont_write_bytecode:
        return _REGEX_COMPILE(source, flags)
    rec = _Recorder(_regex_engine)
    try:
        _regex_main._regex = rec
        p = _regex_main._compile(source, flags, False, {}, False)
    except Exception:  # let the library raise its own error
        return _REGEX_COMPILE(source, flags)
    finally:
        _regex_main._regex = _regex_engine
    args = rec.args
    if args is not None and args[0] == source and not int(args[1]) & regex.LOCALE:
        stored = (int(args[1]), *args[2:])
        if not stored[3] and not stored[4]:  # no named lists
            with contextlib.suppress(ValueError):
                marshal.dumps(stored)
                _STORE.remember(key, stored)
    return p


def _from_detectors(depth: int = 2) -> bool:
    name = sys._getframe(depth).f_globals.get("__name__", "")
    return isinstance(name, str) and name.startswith("detectors")


def _re_hook(pattern: Any, flags: Any = 0) -> Any:
    if _from_detectors():
        return compile_re(pattern, flags)
    return _RE_COMPILE(pattern, flags)


def _regex_hook(pattern: Any, flags: Any = 0, *args: Any, **kwargs: Any) -> Any:
    if not args and _from_detectors():
        return compile_regex(pattern, flags, **kwargs)
    return _REGEX_COMPILE(pattern, flags, *args, **kwargs)


@contextlib.contextmanager
def detector_patterns() -> Iterator[None]:
    """Inside the block, `re.compile` and `regex.compile` called from a module of this
    package use the stored programs (the detectors' module-level patterns, compiled
    at import). Other callers get the libraries' functions unchanged."""
    if _sre is None or re.compile is not _RE_COMPILE or regex.compile is not _REGEX_COMPILE:
        yield  # not ours to wrap (nested, or someone else's hook)
        return
    re.compile = _re_hook
    regex.compile = _regex_hook
    try:
        yield
    finally:
        re.compile = _RE_COMPILE
        regex.compile = _REGEX_COMPILE
