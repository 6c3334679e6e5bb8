"""A custom tip is checked like the library's: one phone screen with header and footer, a
kind the rotation can send, a title and a text; the preview is the group's message."""

from __future__ import annotations

from tips.custom import check_custom_tip, tip_of_row
from tips.library import SCREEN_LINES, screen_lines, tip_text


def test_a_short_tip_passes_and_previews_as_the_group_sees_it() -> None:
    draft = check_custom_tip(
        {
            "locale": "zh-TW",
            "kind": "rule",
            "title": "截圖前先看",
            "body": "傳截圖前，先遮住姓名與電話。",
        }
    )
    assert draft.ok and draft.problems == ()
    assert "【截圖前先看】" in draft.preview and "先遮住姓名與電話" in draft.preview
    assert draft.lines == screen_lines(draft.preview) <= SCREEN_LINES
    assert tip_text(tip_of_row({"id": "custom-1", **draft.fields})) == draft.preview


def test_a_tip_longer_than_a_screen_is_refused_with_its_line_count() -> None:
    body = "公務群組裡的每一則訊息，都可能被轉傳到群組外。" * 20
    draft = check_custom_tip({"locale": "zh-TW", "kind": "rule", "title": "太長", "body": body})
    assert not draft.ok and draft.problems == ("tips.custom.too_long",)
    assert draft.lines > SCREEN_LINES


def test_english_tips_are_measured_in_english_and_empty_fields_refused() -> None:
    draft = check_custom_tip({"locale": "en", "kind": "quiz", "title": "", "body": ""})
    assert set(draft.problems) == {"tips.custom.bad_kind", "tips.custom.empty"}
    assert draft.fields["locale"] == "en" and draft.fields["kind"] == "rule"
    assert check_custom_tip({"locale": "en", "title": "x" * 41, "body": "b"}).problems == (
        "tips.custom.title_long",
    )
