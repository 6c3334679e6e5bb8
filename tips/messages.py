"""The tips area's LINE messages, built from line-bot-sdk v3 models.

Each function returns the message as the outbox stores it: the model's `to_dict()` (the
Messaging API's JSON, None fields left out). The outbox rebuilds the SDK request from it,
so a field LINE would refuse is refused here, when the message is built.
"""

from __future__ import annotations

from typing import Any

from linebot.v3.messaging import (
    ConfirmTemplate,
    ImageMessage,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TemplateMessage,
    TextMessage,
)

from locales import t
from tips.library import CHOICE_LETTERS, Tip, tip_text

Message = dict[str, Any]

# LINE limits: text 5000 characters, postback display text 300, a confirm template's text
# 240, its alt text 400.
TEXT_MAX = 5000
DISPLAY_TEXT_MAX = 300
CONFIRM_TEXT_MAX = 240
ALT_TEXT_MAX = 400


def text(body: str) -> Message:
    return TextMessage(text=body).to_dict()


def answer(body: str) -> Message:
    """An answer to a tips command or button (cut at LINE's limit)."""
    return text(body[:TEXT_MAX])


def quiz_postback(send_id: int, choice: int) -> str:
    return f"quiz:{send_id}:{choice}"


def tip_messages(
    tip: Tip, locale: str | None = None, *, send_id: int | None = None
) -> list[Message]:
    """The tip as the group sees it. A quiz needs `send_id` for its answer buttons."""
    body = tip_text(tip, locale)
    if not tip.is_quiz:
        return [text(body)]
    if send_id is None:
        raise ValueError("a quiz needs the id of its send for the answer buttons")
    buttons = QuickReply(
        items=[
            QuickReplyItem(
                action=PostbackAction(
                    label=CHOICE_LETTERS[i],
                    data=quiz_postback(send_id, i),
                    display_text=f"{CHOICE_LETTERS[i]}. {choice}"[:DISPLAY_TEXT_MAX],
                )
            )
            for i, choice in enumerate(tip.choices)
        ]
    )
    return [TextMessage(text=body, quick_reply=buttons).to_dict()]


def broadcast_messages(body: str, locale: str) -> list[Message]:
    """An ethics-unit reminder as the groups see it."""
    return [text(f"{t('broadcast.header', locale)}\n{body}")]


def confirm_messages(body: str, estimate: str, broadcast_id: str, locale: str) -> list[Message]:
    """The preview, the estimate and the Confirm / Cancel buttons for the ethics member."""
    prompt = estimate + "\n" + t("broadcast.confirm_prompt", locale)
    template = ConfirmTemplate(
        text=prompt[:CONFIRM_TEXT_MAX],
        actions=[
            PostbackAction(
                label=t("broadcast.confirm", locale), data=f"broadcast:confirm:{broadcast_id}"
            ),
            PostbackAction(
                label=t("broadcast.cancel", locale), data=f"broadcast:cancel:{broadcast_id}"
            ),
        ],
    )
    confirm = TemplateMessage(alt_text=prompt[:ALT_TEXT_MAX], template=template)
    return [*broadcast_messages(body, locale), confirm.to_dict()]


def report_messages(report_text: str, chart_url: str | None) -> list[Message]:
    """The weekly report, and its chart when the bot can serve one."""
    messages = [text(report_text[:TEXT_MAX])]
    if chart_url:
        image = ImageMessage(original_content_url=chart_url, preview_image_url=chart_url)
        messages.append(image.to_dict())
    return messages
