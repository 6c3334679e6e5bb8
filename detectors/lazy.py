"""Patterns compiled on first use, not at import.

    LazyPattern(source, flags=0)  # .search / .match / .fullmatch / .finditer / .findall / .sub

The matter and discourse patterns are long alternations of Chinese text: compiling
them all is a large share of a `bot.py scan` process's start-up, and a message wakes
only a few of them. A `LazyPattern` compiles on its first call; from then on the
compiled pattern's own bound methods stand on the instance (instance attributes
shadow the class's methods), so a call costs what a call on an `re.Pattern` costs.
Same matches as `re.compile(source, flags)`: it is that pattern.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator

import regex

from detectors.rxcache import compile_re


class LazyPattern:
    """`re.compile(source, flags)`, done on first use (see the module docstring)."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        p = compile_re(self.pattern, self.flags)
        d = self.__dict__
        d["search"] = p.search
        d["match"] = p.match
        d["fullmatch"] = p.fullmatch
        d["finditer"] = p.finditer
        d["findall"] = p.findall
        d["sub"] = p.sub
        d["compiled"] = lambda: p
        return p

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[str]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)


class Gated:
    """A pattern searched only when the text holds one of `needs`, characters at
    least one of which every match contains (checked by
    tests/detectors/test_matter_patterns.py): on most woken messages the answer is
    a single character-class scan."""

    __slots__ = ("gate", "needs", "pattern")

    def __init__(
        self, needs: str, pattern: re.Pattern[str] | regex.Pattern[str] | LazyPattern
    ) -> None:
        self.needs = needs
        self.gate = LazyPattern(f"[{needs}]")
        self.pattern = pattern

    def search(self, text: str) -> re.Match[str] | regex.Match[str] | None:
        if self.gate.search(text) is None:
            return None
        return self.pattern.search(text)

    def found(self, text: str) -> bool:
        return self.gate.search(text) is not None and self.pattern.search(text) is not None
