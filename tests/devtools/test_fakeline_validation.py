"""Message-object validation, table-driven: what LINE accepts and what it refuses
(with the property it names)."""

from __future__ import annotations

from typing import Any

import pytest
from linebot.v3.messaging import (
    ButtonsTemplate,
    ConfirmTemplate,
    FlexBubble,
    FlexMessage,
    ImageMessage,
    MentionSubstitutionObject,
    MessageAction,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    StickerMessage,
    TemplateMessage,
    TextMessage,
    TextMessageV2,
    UserMentionTarget,
)

from devtools.fakeline.transcript import render_message_plain, render_text_v2
from devtools.fakeline.validation import validate_messages

U = "U" + "0" * 32

# messages built by the SDK's own models: LINE accepts all of them
VALID_SDK = [
    TextMessage(text="x" * 5000),
    TextMessageV2(
        text="{a} 請收回",
        substitution={"a": MentionSubstitutionObject(mentionee=UserMentionTarget(userId=U))},
    ),
    ImageMessage(originalContentUrl="https://e.x/a.png", previewImageUrl="https://e.x/p.png"),
    StickerMessage(packageId="446", stickerId="1988"),
    TemplateMessage(
        altText="alert",
        template=ButtonsTemplate(
            title="個資外洩",
            text="x" * 60,
            actions=[
                PostbackAction(label="已確認", data="a=1"),
                MessageAction(label="m", text="m"),
            ],
        ),
    ),
    TemplateMessage(
        altText="confirm",
        template=ConfirmTemplate(
            text="確定廣播？",
            actions=[PostbackAction(label="是", data="y"), PostbackAction(label="否", data="n")],
        ),
    ),
    FlexMessage(altText="card", contents=FlexBubble()),
    TextMessage(
        text="可以分享嗎？",
        quickReply=QuickReply(
            items=[QuickReplyItem(action=PostbackAction(label="可以", data="q=1"))] * 13
        ),
    ),
]


@pytest.mark.parametrize("message", VALID_SDK, ids=lambda m: m.type)
def test_sdk_built_messages_are_valid(message: Any) -> None:
    assert validate_messages([message.to_dict()]) == []


def _buttons(text: str, n_actions: int, label: str = "ok", **extra: Any) -> dict[str, Any]:
    return {
        "type": "template",
        "altText": "a",
        "template": {
            "type": "buttons",
            "text": text,
            "actions": [{"type": "postback", "label": label, "data": "d"}] * n_actions,
            **extra,
        },
    }


INVALID = [
    # (message, the property LINE names)
    ({"type": "text", "text": ""}, "messages[0].text"),
    ({"type": "text"}, "messages[0].text"),
    ({"type": "text", "text": "x" * 5001}, "messages[0].text"),
    ({"type": "Text", "text": "x"}, "messages[0].type"),
    ({"text": "no type"}, "messages[0].type"),
    ({"type": "textV2", "text": "{a}", "substitution": {"a": {"type": "mention"}}},
     "messages[0].substitution.a.mentionee"),
    ({"type": "textV2", "text": "{a}",
      "substitution": {"a": {"type": "mention", "mentionee": {"type": "user"}}}},
     "messages[0].substitution.a.mentionee.userId"),
    ({"type": "textV2", "text": "{a}", "substitution": {"a": {"type": "bold"}}},
     "messages[0].substitution.a.type"),
    ({"type": "textV2", "text": "{a b}", "substitution": {"a b": {"type": "emoji",
      "productId": "p", "emojiId": "e"}}}, "messages[0].substitution.a b"),
    ({"type": "image", "originalContentUrl": "http://e.x/a.png", "previewImageUrl": "https://e.x/p"},
     "messages[0].originalContentUrl"),
    (_buttons("x" * 161, 1), "messages[0].template.text"),
    (_buttons("x" * 61, 1, title="t"), "messages[0].template.text"),
    (_buttons("ok", 0), "messages[0].template.actions"),
    (_buttons("ok", 5), "messages[0].template.actions"),
    (_buttons("ok", 1, label="x" * 21), "messages[0].template.actions[0].label"),
    ({"type": "template", "template": {"type": "buttons", "text": "t",
      "actions": [{"type": "postback", "label": "l", "data": "d"}]}}, "messages[0].altText"),
    ({"type": "template", "altText": "a", "template": {"type": "confirm", "text": "t",
      "actions": [{"type": "postback", "label": "l", "data": "d"}]}},
     "messages[0].template.actions"),
    ({"type": "template", "altText": "a", "template": {"type": "list"}},
     "messages[0].template.type"),
    ({"type": "flex", "altText": "a", "contents": {"type": "box"}}, "messages[0].contents.type"),
    ({"type": "text", "text": "q", "quickReply": {"items": []}}, "messages[0].quickReply.items"),
    ({"type": "text", "text": "q", "quickReply": {"items": [{"type": "action",
      "action": {"type": "postback", "label": "l", "data": "x" * 301}}]}},
     "messages[0].quickReply.items[0].action.data"),
]  # fmt: skip


@pytest.mark.parametrize(("message", "prop"), INVALID, ids=[p for _, p in INVALID])
def test_invalid_messages_name_the_property(message: dict[str, Any], prop: str) -> None:
    details = validate_messages([message])
    assert prop in {d["property"] for d in details}, details
    assert all(d["message"] for d in details)


@pytest.mark.parametrize("messages", [[], None, "text", [{"type": "text", "text": "x"}] * 6])
def test_message_count(messages: Any) -> None:
    assert [d["property"] for d in validate_messages(messages)] == ["messages"]


def test_rendering_textv2_and_templates() -> None:
    names = {U: "林小明"}.get
    msg = {
        "type": "textV2",
        "text": "{u} 與 {all}：{missing} {e}",
        "substitution": {
            "u": {"type": "mention", "mentionee": {"type": "user", "userId": U}},
            "all": {"type": "mention", "mentionee": {"type": "all"}},
            "e": {"type": "emoji", "productId": "p", "emojiId": "e"},
        },
    }
    assert (
        render_text_v2(msg, lambda uid: names(uid) or uid) == "@林小明 與 @All：{missing} (emoji)"
    )
    assert render_message_plain(_buttons("請處理", 2, label="確認")) == "請處理\n[確認] [確認]"
    flex = {"type": "flex", "altText": "週報", "contents": {"type": "bubble"}}
    assert render_message_plain(flex, locale="zh-TW") == "[卡片] 週報"
