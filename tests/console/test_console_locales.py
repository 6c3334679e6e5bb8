"""The console's words exist in zh-TW and English with the same placeholders, and every
key a console template or module asks for exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

from locales import messages

ROOT = Path(__file__).resolve().parents[2]


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_both_locales_have_the_same_keys_and_placeholders() -> None:
    zh, en = messages("zh-TW", "console"), messages("en", "console")
    assert zh and set(zh) == set(en)
    for key in zh:
        assert _fields(zh[key]) == _fields(en[key]), key


def test_every_literal_key_the_console_uses_exists() -> None:
    zh = messages("zh-TW", "console")
    used: set[str] = set()
    for path in [*ROOT.glob("console/**/*.py"), *ROOT.glob("console/templates/*.html")]:
        used |= set(re.findall(r"""["'](console\\.[a-z_.]+[a-z])["']""", path.read_text()))
    used |= {"console.chat.link", "console.chat.refused", "console.chat.unconfigured"}
    missing = sorted(k for k in used if k not in zh and not k.endswith("."))
    assert used and missing == []
