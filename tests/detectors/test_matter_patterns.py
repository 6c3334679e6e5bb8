"""The matter detectors' pattern shortcuts change no answer.

Two shortcuts keep the confidential-matter detectors cheap on the messages that
merely mention a keyword:

- `matter.starts_with(chars, pattern)` puts a one-character lookahead before a
  pattern: `chars` must hold every character a match can start with;
- `matter.Gated(needs, pattern)` searches only text that holds one of `needs`:
  every match must contain one of them.

Both claims are checked here on the parsed patterns (so a pattern edited later
without updating its characters fails), then on generated text against the
plain patterns.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

import pytest
import regex

from detectors import (
    classified_marking,
    criminal_record,
    discourse,
    health_info,
    inspection_plan,
    investigation_secret,
    matter,
    personnel_secret,
    procurement_secret,
    respell,
    speech,
    travel_record,
    warrant,
    whistleblower_identity,
)
from detectors.lazy import LazyPattern

MODULES = (
    matter,
    discourse,
    classified_marking,
    criminal_record,
    health_info,
    inspection_plan,
    investigation_secret,
    personnel_secret,
    procurement_secret,
    speech,
    travel_record,
    warrant,
    whistleblower_identity,
)
_HAN = "[\\u4e00-\\u9fff]"
_LOOK = re.compile(r"^\(\?=\[((?:\\.|[^\]\\])*)\]\)\(\?:(.*)\)$", re.S)


def _parse(pattern: str) -> list:
    # `regex`-only syntax in these patterns: the Han script class.
    return list(P.parse(pattern.replace("[\\p{Han}]", _HAN).replace("\\p{Han}", _HAN)).data)


def _class_chars(items: list) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE:
            if av[1] - av[0] > 30000:
                return None
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY (\s, \d): not a small known set
            return None
    return out


def _firsts(items: list) -> tuple[set[str] | None, bool]:
    """(characters a match can start with or None if any, whether it can be empty)."""
    out: set[str] = set()
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width
        if op is C.LITERAL:
            return out | {chr(av)}, False
        if op is C.IN:
            chars = _class_chars(av)
            return (None if chars is None else out | chars), False
        if op is C.SUBPATTERN:
            sub, empty = _firsts(list(av[-1].data))
        elif op is C.BRANCH:
            sub, empty = set(), False
            for branch in av[1]:
                b, e = _firsts(list(branch.data))
                if b is None:
                    return None, False
                sub |= b
                empty = empty or e
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            sub, empty = _firsts(list(av[2].data))
            empty = empty or av[0] == 0
        else:  # ANY, NOT_LITERAL, group references...
            return None, False
        if sub is None:
            return None, False
        out |= sub
        if not empty:
            return out, False
    return out, True


def _needs(items: list, chars: set[str]) -> bool:
    """Every match puts a character of `chars` in the text (consumed or looked at)."""
    for op, av in items:
        if op is C.LITERAL:
            ok = chr(av) in chars
        elif op is C.IN:
            got = _class_chars(av)
            ok = got is not None and got <= chars
        elif op is C.SUBPATTERN:
            ok = _needs(list(av[-1].data), chars)
        elif op is C.BRANCH:
            ok = all(_needs(list(b.data), chars) for b in av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            ok = av[0] >= 1 and _needs(list(av[2].data), chars)
        elif op is C.ASSERT:  # a positive lookaround: that text is there
            ok = _needs(list(av[1].data), chars)
        else:
            ok = False
        if ok:
            return True
    return False


def _split(pattern: re.Pattern[str] | regex.Pattern[str]) -> tuple[str | None, str]:
    """(lookahead class body, inner pattern) of a `starts_with` pattern."""
    m = _LOOK.match(pattern.pattern)
    return (m.group(1), m.group(2)) if m else (None, pattern.pattern)


def _compiled(obj: object) -> object:
    """A pattern compiled on first use (detectors/lazy.py) as the pattern it is."""
    return obj.compiled() if isinstance(obj, LazyPattern) else obj


def _all_shortcuts() -> Iterator[tuple[str, object]]:
    for mod in MODULES:
        for name, value in vars(mod).items():
            if isinstance(value, matter.Gated | re.Pattern | LazyPattern):
                yield f"{mod.__name__}.{name}", value


def _set_of(body: str) -> set[str]:
    ((op, av),) = P.parse(f"[{body}]").data  # one character: LITERAL, more: IN
    got = _class_chars([(op, av)] if op is C.LITERAL else av)
    assert got is not None
    return got


SHORTCUTS = list(_all_shortcuts())


@pytest.mark.parametrize(("name", "obj"), SHORTCUTS, ids=[n for n, _ in SHORTCUTS])
def test_declared_characters_hold(name: str, obj: object) -> None:
    pattern = _compiled(obj.pattern if isinstance(obj, matter.Gated) else obj)
    assert isinstance(pattern, re.Pattern | regex.Pattern)
    body, inner = _split(pattern)
    if body is not None:
        firsts, empty = _firsts(_parse(inner))
        assert firsts is not None and not empty, f"{name}: cannot bound the first characters"
        missing = firsts - _set_of(body)
        assert not missing, f"{name}: a match can start with {sorted(missing)}"
    if isinstance(obj, matter.Gated):
        needs = _set_of(obj.gate.pattern[1:-1])
        assert _needs(_parse(inner), needs), f"{name}: a match can miss all of {sorted(needs)}"


_CHOICES: dict[tuple, str] = {}


def _choices(av: list) -> str:
    """Characters to draw from for a character class ("" for a negated one)."""
    key = tuple(av)
    if key not in _CHOICES:
        chars = _class_chars(av)
        if chars is None and all(o is not C.NEGATE for o, _ in av):  # e.g. [，,\s]
            chars = {chr(a) for o, a in av if o is C.LITERAL} | {" "}
        _CHOICES[key] = "".join(sorted(chars or ())[:2000])
    return _CHOICES[key]


def _sample(items: list, rng: random.Random, alphabet: str, groups: dict[int, str]) -> str:
    """A random string the parsed pattern is likely to match (lookarounds ignored)."""
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.IN:
            out.append(rng.choice(_choices(av) or alphabet))
        elif op in (C.ANY, C.NOT_LITERAL):
            out.append(rng.choice(alphabet))
        elif op is C.BRANCH:
            out.append(_sample(list(rng.choice(av[1]).data), rng, alphabet, groups))
        elif op is C.SUBPATTERN:
            got = _sample(list(av[-1].data), rng, alphabet, groups)
            if av[0] is not None:
                groups[av[0]] = got
            out.append(got)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            n = rng.randint(av[0], min(av[1], av[0] + 3))
            out.extend(_sample(list(av[2].data), rng, alphabet, groups) for _ in range(n))
        elif op is C.GROUPREF:
            out.append(groups.get(av, ""))
    return "".join(out)


def test_shortcuts_find_what_the_plain_patterns_find() -> None:
    rng = random.Random(1)
    alphabet = "0123456789 ,:/，。人他是的明天下週abc"
    for name, obj in SHORTCUTS:
        pattern = _compiled(obj.pattern if isinstance(obj, matter.Gated) else obj)
        assert isinstance(pattern, re.Pattern | regex.Pattern)
        body, inner = _split(pattern)
        if body is None and not isinstance(obj, matter.Gated):
            continue
        engine = regex if isinstance(pattern, regex.Pattern) else re
        plain = engine.compile(inner, pattern.flags)
        tree = _parse(inner)
        matched = 0
        for _ in range(400):
            # A likely match between random characters; half the time one character
            # dropped or doubled: hits and near-misses.
            core = _sample(tree, rng, alphabet, {})
            if core and rng.random() < 0.5:
                i = rng.randrange(len(core))
                core = core[:i] + core[i + 1 :] if rng.random() < 0.5 else core[: i + 1] + core[i:]
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4))) + core
            text += "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
            want = plain.search(text)
            got = obj.search(text)  # type: ignore[attr-defined]
            assert (got and got.span()) == (want and want.span()), (name, text)
            matched += want is not None
        assert matched >= 20, f"{name}: the generator rarely matches ({matched}/400)"


@pytest.mark.parametrize("pattern", [classified_marking.LEADING, classified_marking.LEADING_LOOSE])
def test_leading_marks_start_where_may_lead_says(pattern: regex.Pattern[str]) -> None:
    items = _parse(pattern.pattern)
    # ^\s*(...): the first character that is not a space starts the rest.
    assert items[0][0] is C.AT and items[1][0] is C.MAX_REPEAT and items[1][1][0] == 0
    firsts, empty = _firsts(items[2:])
    assert firsts is not None and not empty
    for c in firsts:
        if "\u4e00" <= c <= "\u9fff" or "a" <= c <= "z" or "0" <= c <= "9":
            assert classified_marking._may_lead(c + "文件：內容"), c


def test_respelled_classes_are_the_regex_ones() -> None:
    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)
    for ours, theirs in ((respell.REGEX_SPACE, r"\s"), (respell.REGEX_HAN, r"\p{Han}")):
        want = [m.span() for m in regex.finditer(f"{theirs}+", every)]
        assert want  # the runs of characters the `regex` class matches...
        assert [m.span() for m in re.finditer(f"[{ours}]+", every)] == want  # ...and ours


def test_respelled_patterns_match_like_the_regex_originals() -> None:
    assert respell.RESPELLED
    rng = random.Random(2)
    odd = "\x1c\x1f\u3000\xa0\u2028\t\u3005\u3400\U00020000\u2e80"  # where the engines could differ
    alphabet = "0123456789 ,:/，。人他是的abc" + odd
    for spelled, original in respell.RESPELLED.items():
        mine, theirs = re.compile(spelled), regex.compile(original)
        tree = _parse(original)
        matched = 0
        for _ in range(300):
            core = _sample(tree, rng, alphabet, {})
            # Spaces and Han characters swapped for their rarer kin.
            core = "".join(rng.choice(odd) if rng.random() < 0.15 else ch for ch in core)
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3))) + core
            got, want = mine.search(text), theirs.search(text)
            assert (got and got.span()) == (want and want.span()), (original[:40], text)
            matched += want is not None
        assert matched >= 20, f"{original[:40]}: the generator rarely matches ({matched}/300)"
