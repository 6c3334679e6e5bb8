"""Build valid (and deliberately invalid) identifiers for the detector tests."""

from __future__ import annotations

from detectors.tw_national_id import LETTER_CODES, WEIGHTS


def _check_digit(letter_code: int, second: int, body: str) -> str:
    vals = [letter_code // 10, letter_code % 10, second, *(int(c) for c in body)]
    total = sum(v * w for v, w in zip(vals, WEIGHTS[:-1], strict=True))
    return str((10 - total % 10) % 10)


def national_id(letter: str, second: int, body7: str) -> str:
    """A valid national ID: letter + 1/2 + 7 digits + check digit."""
    return f"{letter}{second}{body7}{_check_digit(LETTER_CODES[letter], second, body7)}"


def resident_new(letter: str, second: int, body7: str) -> str:
    """A valid 2021+ resident certificate number: letter + 8/9 + 7 digits + check."""
    return f"{letter}{second}{body7}{_check_digit(LETTER_CODES[letter], second, body7)}"


def resident_old(letter: str, second_letter: str, body7: str) -> str:
    """A valid old-format ARC number: two letters + 7 digits + check."""
    second = LETTER_CODES[second_letter] % 10
    return f"{letter}{second_letter}{body7}{_check_digit(LETTER_CODES[letter], second, body7)}"


def wrong_check(value: str) -> str:
    """The same number with a wrong check digit."""
    last = int(value[-1])
    return value[:-1] + str((last + 1) % 10)


def luhn_card(prefix: str, length: int = 16) -> str:
    body = prefix + "3" * (length - len(prefix) - 1)
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)
