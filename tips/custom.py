"""Tips written by the ethics unit in the console: checked like the library's (one phone
screen, in the group's language, with header and footer), previewed as the group will see
them, then stored (storage/custom_tips.py).

    draft = check_custom_tip({"locale": "zh-TW", "kind": "rule", "title": ..., "body": ...})
    draft.ok, draft.lines, draft.preview, draft.problems
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from locales import normalise_locale
from tips.library import SCREEN_LINES, Tip, screen_lines, tip_text

CUSTOM_KINDS = ("rule", "case", "scenario")  # a quiz needs choices: the library's only
TITLE_MAX = 40


@dataclass(frozen=True)
class CustomTipDraft:
    fields: dict[str, Any]
    preview: str  # the message as the group would see it
    lines: int  # lines on a phone screen (SCREEN_LINES at most)
    problems: tuple[str, ...]  # locale keys (`tips.custom.too_long`, ...)

    @property
    def ok(self) -> bool:
        return not self.problems


def _clean(value: Any) -> str:
    return str(value or "").replace("\r\n", "\n").strip()


def check_custom_tip(data: Mapping[str, Any]) -> CustomTipDraft:
    locale = normalise_locale(_clean(data.get("locale")))
    kind = _clean(data.get("kind")) or "rule"
    fields: dict[str, Any] = {
        "locale": locale,
        "kind": kind,
        "title": _clean(data.get("title")),
        "body": _clean(data.get("body")),
        "law": _clean(data.get("law")) or None,
        "habit": _clean(data.get("habit")) or None,
    }
    problems: list[str] = []
    if kind not in CUSTOM_KINDS:
        problems.append("tips.custom.bad_kind")
        fields["kind"] = kind = "rule"
    if not fields["title"] or not fields["body"]:
        problems.append("tips.custom.empty")
    if len(fields["title"]) > TITLE_MAX:
        problems.append("tips.custom.title_long")
    tip = Tip(
        id="custom-preview",
        kind=kind,
        title=fields["title"],
        body=fields["body"],
        law=fields["law"],
        habit=fields["habit"],
    )
    preview = tip_text(tip, locale)
    lines = screen_lines(preview)
    if lines > SCREEN_LINES:
        problems.append("tips.custom.too_long")
    return CustomTipDraft(fields, preview, lines, tuple(problems))


def tip_of_row(row: Mapping[str, Any]) -> Tip:
    """A stored custom tip as a library `Tip` (the rotation's and the preview's type)."""
    return Tip(
        id=str(row["id"]),
        kind=str(row["kind"]),
        title=str(row["title"]),
        body=str(row.get("body") or ""),
        law=row.get("law"),
        habit=row.get("habit"),
    )
