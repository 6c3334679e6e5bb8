"""Speed-ups that must change no answer: each fast pattern against the plain one.

Patterns led by the characters their matches start with (or with their lookbehind
after the first character): a search skips the other places in one test each.
(speech._PATTERN, led the `matter.starts_with` way, is checked in test_matter_patterns.)
"""

from __future__ import annotations

import random
import re

import pytest

from detectors import person_name, phone_number

# (fast pattern, the plain pattern it replaced, pieces to build texts from)
PAIRS = [
    (
        phone_number._REVERSED_MOBILE,
        re.compile(r"(?<![0-9])[0-9]{8}90(?![0-9])"),
        ("0", "1", "5", "9", "90", "1234567", "12345678", " ", "-", "a", "電"),
    ),
    (
        person_name._SUBJECT,
        re.compile(person_name._SUBJECT.pattern.split("))", 1)[1]),
        (*tuple("，。 \n叫跟是說王志明美玲的在有你他0問找"), "聽說", "同事", "請假", "前科"),
    ),
]


@pytest.mark.parametrize(("fast", "plain", "pieces"), PAIRS)
def test_led_patterns_find_what_the_plain_ones_find(
    fast: re.Pattern[str], plain: re.Pattern[str], pieces: tuple[str, ...]
) -> None:
    rng = random.Random(5)
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in fast.finditer(text)] == want, text
        matched += bool(want)
    assert matched >= 20


def test_subject_plain_form_is_the_old_pattern() -> None:
    # the lead is the only addition: what follows it is the pattern as it was
    assert person_name._SUBJECT.pattern.startswith("(?:^|(?=[")
    assert PAIRS[1][1].pattern.startswith("(?:^|[，。")
