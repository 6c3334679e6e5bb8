"""Machine-readable zones (ICAO 9303): find them in OCR lines and check their check digits.

TD3 (passports: 2 lines of 44), TD2 (2 x 36) and TD1 (ID cards: 3 x 30). OCR reads the filler
`<` in odd ways (`«`, `く`, `K<`, spaces), so lines are repaired before parsing: digits fields
get O->0, I->1, etc. A zone counts when its check digits hold; that is near-proof of a real
travel document, and the document number is reported masked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_VALUES = {**{str(i): i for i in range(10)}, **{chr(65 + i): 10 + i for i in range(26)}, "<": 0}
_WEIGHTS = (7, 3, 1)
_TO_DIGIT = str.maketrans(
    {
        "O": "0",
        "Q": "0",
        "D": "0",
        "I": "1",
        "L": "1",
        "Z": "2",
        "S": "5",
        "B": "8",
        "G": "6",
        "<": "0",
    }
)
_FILLERS = str.maketrans(
    {"«": "<", "‹": "<", "〈": "<", "く": "<", "＜": "<", "(": "<", "{": "<", "[": "<"}
)


def check_digit(field: str) -> str:
    total = 0
    for i, ch in enumerate(field):
        if ch not in _VALUES:
            return "?"
        total += _VALUES[ch] * _WEIGHTS[i % 3]
    return str(total % 10)


def _digits(s: str) -> str:
    return s.translate(_TO_DIGIT)


@dataclass(frozen=True)
class Mrz:
    format: str  # "TD3", "TD2", "TD1"
    doc_code: str  # "P", "I", "AC", "V"...
    country: str
    number: str
    checks: dict[str, bool]

    @property
    def valid(self) -> bool:
        """The document number and at least one date check; a composite when there is one."""
        c = self.checks
        return (
            c.get("number", False)
            and (c.get("birth", False) or c.get("expiry", False))
            and c.get("composite", True)
        )

    @property
    def passport(self) -> bool:
        """A passport's data page: a valid TD3 zone with a P document code."""
        return self.valid and self.format == "TD3" and self.doc_code.startswith("P")

    @property
    def passed(self) -> int:
        return sum(self.checks.values())


def clean_line(text: str) -> str:
    s = text.upper().translate(_FILLERS)
    s = re.sub(r"\s+", "", s)
    return re.sub(r"[^A-Z0-9<]", "", s)


def _candidates(lines: Sequence[str]) -> list[str]:
    out = []
    for t in lines:
        c = clean_line(t)
        if len(c) >= 28 and (c.count("<") >= 2 or re.fullmatch(r"[A-Z0-9<]{28,46}", c)):
            out.append(c)
    return out


def _fit(s: str, n: int) -> str:
    return (s + "<" * n)[:n]


def parse_td3(l1: str, l2: str) -> Mrz | None:
    if not l1.startswith("P") and not l1.startswith("V"):
        return None
    best = _parse_td3(l1, l2)
    if 40 <= len(l2) <= 48 and len(l2) != 44:
        # OCR read the filler run of the personal-number field one or two `<` short or long:
        # the two check digits at the end are still the last two characters.
        personal = _fit(l2[28:-2].rstrip("<") if len(l2) > 44 else l2[28:-2], 14)
        aligned = _parse_td3(l1, l2[:28] + personal + l2[-2:])
        if aligned is not None and (best is None or aligned.passed > best.passed):
            best = aligned
    return best


def _parse_td3(l1: str, l2: str) -> Mrz | None:
    l1, l2 = _fit(l1, 44), _fit(l2, 44)
    number, birth, expiry, personal = l2[0:9], _digits(l2[13:19]), _digits(l2[21:27]), l2[28:42]
    cd = _digits(l2[9] + l2[19] + l2[27] + l2[42] + l2[43])
    composite_field = number + cd[0] + birth + cd[1] + expiry + cd[2] + personal + cd[3]
    checks = {
        "number": check_digit(number) == cd[0],
        "birth": check_digit(birth) == cd[1],
        "expiry": check_digit(expiry) == cd[2],
        "composite": check_digit(composite_field) == cd[4],
    }
    if personal.strip("<"):
        checks["personal"] = check_digit(personal) == cd[3]
    return Mrz("TD3", l1[0:2].rstrip("<"), l1[2:5], number.rstrip("<"), checks)


def parse_td1(l1: str, l2: str, l3: str) -> Mrz | None:
    l1, l2 = _fit(l1, 30), _fit(l2, 30)
    number = l1[5:14]
    birth, expiry = _digits(l2[0:6]), _digits(l2[8:14])
    composite_field = l1[5:30] + birth + _digits(l2[6]) + expiry + _digits(l2[14]) + l2[18:29]
    checks = {
        "number": check_digit(number) == _digits(l1[14]),
        "birth": check_digit(birth) == _digits(l2[6]),
        "expiry": check_digit(expiry) == _digits(l2[14]),
        "composite": check_digit(composite_field) == _digits(l2[29]),
    }
    return Mrz("TD1", l1[0:2].rstrip("<"), l1[2:5], number.rstrip("<"), checks)


def find_mrz(lines: Sequence[str]) -> Mrz | None:
    """The best-checking machine-readable zone among consecutive OCR lines, if any."""
    cands = _candidates(lines)
    best: Mrz | None = None
    for i in range(len(cands) - 1):
        a, b = cands[i], cands[i + 1]
        found: list[Mrz | None] = []
        if len(a) >= 40 or len(b) >= 40:
            found.append(parse_td3(a, b))
        if i + 2 < len(cands) and max(len(a), len(b), len(cands[i + 2])) <= 34:
            found.append(parse_td1(a, b, cands[i + 2]))
        for m in found:
            if m is not None and (best is None or m.passed > best.passed):
                best = m
    return best
