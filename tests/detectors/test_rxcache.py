"""The stored regex programs (detectors/rxcache.py) give the libraries' own patterns.

A pattern built from the file must match exactly what `re.compile` / `regex.compile`
builds; a missing, corrupt or foreign file must only cost a compile.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
import sys
from pathlib import Path

import pytest
import regex

import detectors
from detectors import rxcache

SAMPLES = (
    r"(?<![a-z0-9])[a-z][12](?:[ \-]?[0-9]){8}(?![a-z0-9])",
    r"(?P<head>[\u4e00-\u9fff]{2,4})(?=先生|小姐)|拘\s?票|底\s*價",
    r"[0-9]{1,3}(?:,[0-9]{3})+|[○〇◯]{2,}",
)
REGEX_SAMPLES = (
    *SAMPLES,
    r"(?<=[0-9][ \-.]?)[oil]{1,2}(?=[ \-.]?[0-9])",
    r"[\p{Han}0-9]{1,6}?(?:路|街)\s?[0-9]{1,5}號",
    r"[0-9](?=(?:[0-9]|[ \-]){12})(?:[ \-]?[0-9])*+",
)


def _texts(seed: int = 5, n: int = 300) -> list[str]:
    rng = random.Random(seed)
    alphabet = "a1 2-9oil,○〇先生小姐拘票底價陳志明路街號\u4e00中 0."
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(n)]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh store writing to a temporary file, bytecode writing on."""
    path = tmp_path / "patterns.marshal"
    monkeypatch.setattr(rxcache, "_cache_path", lambda: path)
    monkeypatch.setattr(rxcache, "_STORE", rxcache._Store())
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def _reload_store(monkeypatch: pytest.MonkeyPatch) -> rxcache._Store:
    fresh = rxcache._Store()
    monkeypatch.setattr(rxcache, "_STORE", fresh)
    return fresh


def test_re_programs_round_trip(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for s in SAMPLES:
        assert rxcache.compile_re(s) == re.compile(s)
        assert rxcache.compile_re(s, re.IGNORECASE) == re.compile(s, re.IGNORECASE)
    rxcache._STORE.save()
    assert store.exists()
    fresh = _reload_store(monkeypatch)
    for s in SAMPLES:
        p = rxcache.compile_re(s)
        assert p == re.compile(s)  # equal programs, flags and source
        assert p.groupindex == re.compile(s).groupindex
    assert not fresh.dirty  # every one came from the file


def test_regex_programs_round_trip(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for s in REGEX_SAMPLES:
        rxcache.compile_regex(s)
    rxcache._STORE.save()
    fresh = _reload_store(monkeypatch)
    texts = _texts()
    for s in REGEX_SAMPLES:
        p, q = rxcache.compile_regex(s), regex.compile(s)
        assert (p.pattern, p.flags, p.groups, p.groupindex) == (
            q.pattern,
            q.flags,
            q.groups,
            q.groupindex,
        )
        for t in texts:
            assert [m.span() for m in p.finditer(t)] == [m.span() for m in q.finditer(t)]
            assert p.sub("#", t) == q.sub("#", t)
    assert not fresh.dirty


def test_corrupt_or_missing_file_only_costs_a_compile(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for s in SAMPLES:
        rxcache.compile_re(s)
    rxcache._STORE.save()
    data = bytearray(store.read_bytes())
    data[len(data) // 2] ^= 0xFF
    store.write_bytes(bytes(data))
    _reload_store(monkeypatch)
    assert rxcache._STORE.entries() == {}
    assert rxcache.compile_re(SAMPLES[0]) == re.compile(SAMPLES[0])
    store.write_bytes(b"")
    _reload_store(monkeypatch)
    assert rxcache.compile_re(SAMPLES[1]) == re.compile(SAMPLES[1])


def test_nothing_written_without_bytecode(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    rxcache.compile_re(SAMPLES[0])
    rxcache.compile_regex(REGEX_SAMPLES[-1])
    rxcache._STORE.save()
    assert not store.exists()


def test_hook_is_scoped_to_the_block_and_the_package() -> None:
    with rxcache.detector_patterns():
        assert re.compile is not rxcache._RE_COMPILE
        assert re.compile("a+b") == rxcache._RE_COMPILE("a+b")  # a caller outside detectors
    assert re.compile is rxcache._RE_COMPILE
    assert regex.compile is rxcache._REGEX_COMPILE


def test_every_detector_pattern_is_the_libraries_own() -> None:
    """Each module-level pattern of the package, as imported (from the file when there
    was one), is the pattern the library compiles from the same source."""
    seen = 0
    for info in pkgutil.iter_modules(detectors.__path__):
        mod = importlib.import_module(f"detectors.{info.name}")
        for value in vars(mod).values():
            if isinstance(value, re.Pattern):
                assert value == re.compile(value.pattern, value.flags), info.name
                seen += 1
            elif isinstance(value, regex.Pattern):
                twin = regex.compile(value.pattern, value.flags)
                assert (value.flags, value.groups, value.groupindex) == (
                    twin.flags,
                    twin.groups,
                    twin.groupindex,
                ), info.name
                seen += 1
    assert seen > 100
