"""Messages in zh-TW (first) and English, and the tiny `t()` helper.

UI messages live in `<locale>.json`; the tip library in `tips.<locale>.json`; the legal
lines warnings cite, per finding type, in `legal.json` (every law in every locale).
A test keeps every key and placeholder in sync across locales.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

LOCALES: tuple[str, ...] = ("zh-TW", "en")
DEFAULT_LOCALE = "zh-TW"
_DIR = Path(__file__).parent


def normalise_locale(locale: str | None) -> str:
    if not locale:
        return DEFAULT_LOCALE
    low = locale.strip().lower().replace("_", "-")
    if low.startswith("en"):
        return "en"
    return DEFAULT_LOCALE


@cache
def messages(locale: str, bundle: str = "") -> dict[str, Any]:
    """The message table of one locale; `bundle="tips"` reads `tips.<locale>.json`."""
    name = f"{bundle}.{locale}.json" if bundle else f"{locale}.json"
    path = _DIR / name
    if not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def legal() -> dict[str, Any]:
    """`legal.json`: `laws` (key -> {locale: line}), `personal` and `secret` (the default
    law keys of personal data and of official secrets) and `types` (finding type -> keys)."""
    data: dict[str, Any] = json.loads((_DIR / "legal.json").read_text(encoding="utf-8"))
    return data


def law_line(key: str, locale: str | None = None) -> str:
    """One law's line in `locale` (zh-TW when missing)."""
    law = legal()["laws"][key]
    return str(law.get(normalise_locale(locale)) or law[DEFAULT_LOCALE])


def t(key: str, locale: str | None = None, **kw: Any) -> str:
    """Translate `key` into `locale` (falling back to zh-TW), formatting `{placeholders}`."""
    loc = normalise_locale(locale)
    text = messages(loc).get(key)
    if text is None:
        text = messages(DEFAULT_LOCALE).get(key, key)
    return str(text).format(**kw) if kw else str(text)


def label(kind: str, value: str, locale: str) -> str:
    """A localised label (`type.tw_national_id`, `status.open`, ...); the name itself if none."""
    text = messages(locale).get(f"{kind}.{value}") or messages(DEFAULT_LOCALE).get(
        f"{kind}.{value}"
    )
    return str(text) if text else value


def local_time(timezone: str, ts: float) -> str:
    """`2026-03-02 14:05` in `timezone` (an unknown zone name: Taiwan time)."""
    try:
        tz = ZoneInfo(timezone)
    except Exception:
        tz = ZoneInfo("Asia/Taipei")
    return datetime.fromtimestamp(ts, tz).strftime("%Y-%m-%d %H:%M")
