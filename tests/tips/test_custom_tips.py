"""A custom tip is checked like the library's: one phone screen with header and footer, a
kind the rotation can send, a title and a text; the preview is the group's message."""

from __future__ import annotations

from devtools.fakeline import FakeLinePlatform
from storage import Store
from storage.models import TipState
from tests.support.tipkit import Clock, add_group
from tips import library
from tips.custom import check_custom_tip, tip_of_row
from tips.library import SCREEN_LINES, screen_lines, tip_text
from tips.service import TipsService


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


async def test_a_custom_tip_joins_the_rotation_of_groups_in_its_language(
    platform: FakeLinePlatform, store: Store, service: TipsService, clock: Clock
) -> None:
    zh = add_group(platform, store, "team", 3, joined_at=clock.t)
    en = add_group(platform, store, "crew", 3, joined_at=clock.t, locale="en")
    draft = check_custom_tip(
        {
            "locale": "zh-TW",
            "kind": "rule",
            "title": "截圖前先看",
            "body": "傳截圖前，先遮住姓名與電話。",
        }
    )
    tip_id = store.add_custom_tip(draft.fields, clock.t)
    # Both groups have had every library tip of this cycle: what is left is the custom one.
    for gid in (zh, en):
        service.tips.save_state(TipState(gid, sent_ids=library.tip_ids()))
    _, tip = await service.send_now(zh)
    assert tip.id == tip_id and "【截圖前先看】" in tip_text(tip, "zh-TW")
    _, other = await service.send_now(en)  # not in its language: a new library cycle
    assert other.id in library.tip_ids()
    store.set_custom_tip_enabled(tip_id, False, clock.t)
    service.tips.save_state(TipState(zh, sent_ids=library.tip_ids()))
    _, later = await service.send_now(zh)  # switched off: never sent again
    assert later.id in library.tip_ids()
