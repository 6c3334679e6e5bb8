"""`regex` patterns respelled for the standard library `re`.

Detectors are written with `regex` (\\p{Han}, Unicode \\s), which is readable but
several times slower than `re` on the plain patterns most of them are. `as_re`
respells such a pattern for `re` with the same matches; the two engines differ
here only in `\\s` and `\\p{Han}`, spelled out below. Both classes are checked
against the installed `regex` on every code point, and every respelled pattern
against its original, by tests/detectors/test_matter_patterns.py.
"""

from __future__ import annotations

# `regex` patterns respelled for the standard library, which runs them (with a
# starts_with lookahead) several times faster. The two engines differ here only in
# `\s` (`regex`: Unicode White_Space; `re`: str.isspace, which adds \x1c-\x1f) and
# in `\p{Han}`, which `re` lacks: both are written out. Checked against the
# installed `regex` by tests/detectors/test_matter_patterns.py.
REGEX_SPACE = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
REGEX_HAN = (
    r"\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00016fe2-\U00016fe3"
    r"\U00016ff0-\U00016ff6\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead"
    r"\U0002ceb0-\U0002ebe0\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a"
    r"\U00031350-\U00033479"
)


# Respelled patterns and their `regex` originals, for the generic random test.
RESPELLED: dict[str, str] = {}


def as_re(pattern: str, *, sampled: bool = True) -> str:
    """A `regex` pattern (no flags) spelled for `re` with the same matches.

    `sampled`: list it in RESPELLED, which the generic random test compares with
    its original; False where the caller's own twin test does that with inputs
    shaped for the pattern (addresses, dates: tests/detectors/test_value_patterns.py).
    """
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            if pattern.startswith("\\s", i):
                out.append(REGEX_SPACE if in_class else f"[{REGEX_SPACE}]")
                i += 2
            elif pattern.startswith("\\p{Han}", i):
                out.append(REGEX_HAN if in_class else f"[{REGEX_HAN}]")
                i += 7
            else:
                out.append(pattern[i : i + 2])
                i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            out.append(c)
            i += 1
            if pattern.startswith("^", i):
                out.append("^")
                i += 1
            if pattern.startswith("]", i):  # a "]" first in a class is a character
                out.append("]")
                i += 1
            continue
        if c == "]":
            in_class = False
        out.append(c)
        i += 1
    if sampled:
        RESPELLED["".join(out)] = pattern
    return "".join(out)
