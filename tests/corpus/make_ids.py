"""Synthetic identifiers for the labelled corpus: valid where a leak needs one, invalid on purpose.

Every value is invented: national IDs and resident certificates carry a valid checksum (or a
deliberately wrong one for the hard negatives), credit cards pass Luhn, phones use mobile
prefixes. The corpus messages themselves are written by hand; this module only fills in their
numbers and shows them the way people type them (full-width, spaced, dashed, split, zero-width,
Chinese numerals).

Run `python tests/corpus/make_ids.py` to print a few samples of each kind.
"""

from __future__ import annotations

import random
import re

# Letter -> two-digit code of the Taiwan national ID (and of the resident certificates).
LETTER_CODES: dict[str, int] = {
    "A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "I": 34,
    "J": 18, "K": 19, "L": 20, "M": 21, "N": 22, "O": 35, "P": 23, "Q": 24, "R": 25,
    "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30, "Y": 31, "Z": 33,
}  # fmt: skip
WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 1)
# Letters actually issued as the first letter of a citizen ID (household registration areas).
ISSUED = "ABCDEFGHIJKMNOPQTUVWXZ"

ID_RE = re.compile(r"[A-Z][1289]\d{8}")
ARC_RE = re.compile(r"[A-Z][A-D]\d{8}")
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
CN_DIGITS = "零一二三四五六七八九"


def _weighted(letter: str, second: int, rest: str) -> int:
    code = LETTER_CODES[letter]
    total = code // 10 + (code % 10) * 9 + second * WEIGHTS[0]
    total += sum(int(d) * w for d, w in zip(rest[:7], WEIGHTS[1:], strict=True))
    return total + int(rest[7])


def national_id_valid(value: str) -> bool:
    """Taiwan national ID or new (2021+) resident certificate: letter + [1289] + 8 digits."""
    if not ID_RE.fullmatch(value):
        return False
    return _weighted(value[0], int(value[1]), value[2:]) % 10 == 0


def old_arc_valid(value: str) -> bool:
    """Old alien resident certificate: two letters + 8 digits; the second letter's code's last
    digit stands in the gender position."""
    if not ARC_RE.fullmatch(value):
        return False
    return _weighted(value[0], LETTER_CODES[value[1]] % 10, value[2:]) % 10 == 0


def any_id_valid(value: str) -> bool:
    return national_id_valid(value) or old_arc_valid(value)


def luhn_valid(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return len(digits) >= 12 and total % 10 == 0


def _finish(rng: random.Random, letter: str, second: int, prefix: str) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(7 - len(prefix)))
    for check in "0123456789":
        if _weighted(letter, second, body + check) % 10 == 0:
            return body + check
    raise AssertionError("unreachable: one check digit always fits")


def national_id(rng: random.Random, gender: int | None = None) -> str:
    letter = rng.choice(ISSUED)
    g = gender if gender in (1, 2) else rng.choice((1, 2))
    return f"{letter}{g}{_finish(rng, letter, g, '')}"


def resident_id(rng: random.Random) -> str:
    """New-format (2021+) resident certificate: letter + 8 or 9 + 8 digits."""
    letter = rng.choice(ISSUED)
    g = rng.choice((8, 9))
    return f"{letter}{g}{_finish(rng, letter, g, '')}"


def old_arc(rng: random.Random) -> str:
    letter = rng.choice("ABCDEFGHJKMNOPQTUVWXZ")
    second = rng.choice("ABCD")
    return f"{letter}{second}{_finish(rng, letter, LETTER_CODES[second] % 10, '')}"


def invalid_like(rng: random.Random, kind: str = "nid") -> str:
    """An ID-shaped string whose checksum fails (order numbers, serials, typos)."""
    while True:
        if kind == "arc":
            v = rng.choice("ABCDEFGHJKMNOPQTUVWXZ") + rng.choice("ABCD")
        elif kind == "rid":
            v = rng.choice(ISSUED) + rng.choice("89")
        else:
            v = rng.choice(ISSUED) + rng.choice("12")
        v += "".join(rng.choice("0123456789") for _ in range(8))
        if not any_id_valid(v):
            return v


def mobile(rng: random.Random) -> str:
    return "09" + rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(7))


def landline(rng: random.Random) -> str:
    area = rng.choice(("02", "03", "04", "05", "06", "07", "037", "049", "089"))
    n = 8 if area in ("02", "04") else 7
    return area + rng.choice("2345678") + "".join(rng.choice("0123456789") for _ in range(n - 1))


def credit_card(rng: random.Random) -> str:
    prefix = rng.choice(("4", "4", "5", "35", "52", "54"))
    body = prefix + "".join(rng.choice("0123456789") for _ in range(15 - len(prefix)))
    for check in "0123456789":
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("unreachable")


def bad_card(rng: random.Random) -> str:
    while True:
        v = "4" + "".join(rng.choice("0123456789") for _ in range(15))
        if not luhn_valid(v):
            return v


def bank_account(rng: random.Random) -> str:
    n = rng.choice((12, 13, 14, 14))
    return rng.choice("0123456789"[1:]) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def tw_passport(rng: random.Random) -> str:
    return rng.choice("3") + "".join(rng.choice("0123456789") for _ in range(8))


def foreign_passport(rng: random.Random) -> str:
    style = rng.choice(("C7", "B7", "P7A", "E8", "AA7"))
    if style == "C7":
        return "C" + "".join(rng.choice("0123456789") for _ in range(7))
    if style == "B7":
        return rng.choice("BXE") + "".join(rng.choice("0123456789") for _ in range(7))
    if style == "P7A":
        return "P" + "".join(rng.choice("0123456789") for _ in range(7)) + rng.choice("ABC")
    if style == "AA7":
        return "A" + rng.choice("ABCN") + "".join(rng.choice("0123456789") for _ in range(7))
    return "E" + "".join(rng.choice("0123456789") for _ in range(8))


def plate(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    style = rng.choice(("car", "car", "old", "moto"))
    if style == "car":
        return "".join(rng.choice(letters) for _ in range(3)) + "-" + _digits(rng, 4)
    if style == "old":
        return _digits(rng, 4) + "-" + "".join(rng.choice(letters) for _ in range(2))
    return "".join(rng.choice(letters) for _ in range(3)) + "-" + _digits(rng, 3)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


# ---------------------------------------------------------------- how people type them


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def spaced(s: str, every: int = 1) -> str:
    return " ".join(s[i : i + every] for i in range(0, len(s), every))


def zero_width(s: str, rng: random.Random) -> str:
    return "".join(c + (rng.choice(ZERO_WIDTH) if i % 3 == 1 else "") for i, c in enumerate(s))


def chinese_numerals(s: str) -> str:
    return "".join(CN_DIGITS[int(c)] if c.isdigit() else c for c in s)


def phone_style(num: str, style: str) -> str:
    if num.startswith("09"):
        a, b, c = num[:4], num[4:7], num[7:]
        styles = {
            "plain": num,
            "dash": f"{a}-{b}-{c}",
            "dash2": f"{a}-{b}{c}",
            "sp": f"{a} {b} {c}",
            "dot": f"{a}.{b}.{c}",
            "intl": f"+886-{a[1:]}-{b}-{c}",
            "intl2": f"+886 {a[1:]}{b}{c}",
            "cn": chinese_numerals(num),
            "fw": fullwidth(f"{a}-{b}-{c}"),
            "nl": f"{a}{b}\n{c}",
        }
        return styles[style]
    area = (
        num[:2]
        if num[:2] in ("02", "04")
        else num[:3]
        if num[:3] in ("037", "049", "089")
        else num[:2]
    )
    rest = num[len(area) :]
    return f"({area}){rest[:-4]}-{rest[-4:]}" if style != "plain" else num


def id_style(v: str, style: str, rng: random.Random) -> str:
    styles = {
        "plain": lambda: v,
        "fw": lambda: fullwidth(v),
        "lower": lambda: v.lower(),
        "sp": lambda: spaced(v),
        "sp3": lambda: f"{v[0]} {v[1:4]} {v[4:7]} {v[7:]}",
        "dash": lambda: f"{v[:4]}-{v[4:7]}-{v[7:]}",
        "dot": lambda: ".".join(v),
        "zw": lambda: zero_width(v, rng),
        "nl": lambda: f"{v[:5]}\n{v[5:]}",
    }
    return styles[style]()


def card_style(v: str, style: str) -> str:
    groups = [v[i : i + 4] for i in range(0, len(v), 4)]
    return {
        "plain": v,
        "sp": " ".join(groups),
        "dash": "-".join(groups),
        "fw": fullwidth(" ".join(groups)),
    }[style]


# ---------------------------------------------------------------- filling message templates

TOKEN = re.compile(r"\{([A-Z_]+)(?:\|([a-z0-9]+))?\}")


def fill(template: str, rng: random.Random) -> str:
    """Replace {KIND} or {KIND|style} tokens with fresh synthetic values."""

    def one(m: re.Match[str]) -> str:
        kind, style = m.group(1), m.group(2) or "plain"
        if kind == "NID":
            return id_style(national_id(rng), style, rng)
        if kind == "NIDM":
            return id_style(national_id(rng, 1), style, rng)
        if kind == "NIDF":
            return id_style(national_id(rng, 2), style, rng)
        if kind == "RID":
            return id_style(resident_id(rng), style, rng)
        if kind == "ARC":
            return id_style(old_arc(rng), style, rng)
        if kind == "BADNID":
            return id_style(invalid_like(rng, "nid"), style, rng)
        if kind == "BADRID":
            return id_style(invalid_like(rng, "rid"), style, rng)
        if kind == "BADARC":
            return id_style(invalid_like(rng, "arc"), style, rng)
        if kind == "MOBILE":
            return phone_style(
                mobile(rng), style if style != "plain" else rng.choice(("dash", "plain", "dash2"))
            )
        if kind == "LAND":
            return phone_style(landline(rng), style if style != "plain" else "paren")
        if kind == "CARD":
            return card_style(credit_card(rng), style)
        if kind == "BADCARD":
            return card_style(bad_card(rng), style)
        if kind == "ACCT":
            return bank_account(rng)
        if kind == "PASS":
            v = tw_passport(rng)
            return fullwidth(v) if style == "fw" else v
        if kind == "FPASS":
            return foreign_passport(rng)
        if kind == "PLATE":
            return plate(rng)
        raise KeyError(kind)

    return TOKEN.sub(one, template)


if __name__ == "__main__":
    r = random.Random(7)
    for k in ("NID", "NID|fw", "RID", "ARC", "BADNID", "MOBILE|cn", "CARD|sp", "PLATE", "FPASS"):
        print(k, fill("{" + k + "}", r))
