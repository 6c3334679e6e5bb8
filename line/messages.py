"""The messages the bot sends, built with line-bot-sdk v3's typed models (TextMessage,
TextMessageV2, TemplateMessage + ButtonsTemplate, PostbackAction, QuickReply), and what
they say (items found, why it matters, a masked snippet) from locale strings.

A model is turned into its JSON (`.to_dict()`) only at the outbox's door, which stores
it and has the SDK rebuild it when sending; a wrong field fails here, where the message
is built, not later in the outbox worker. Limits honoured here: buttons template text 160
characters, action labels 20, quick reply labels 20, alt text 400, postback data 300.

Postback data is a short query-string: `inc:ack&id=3f9c...`, `inc:fp&id=...&r=public`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import parse_qsl, quote

from linebot.v3.messaging import (
    ButtonsTemplate,
    CarouselColumn,
    CarouselTemplate,
    MentionSubstitutionObject,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TemplateMessage,
    TextMessage,
    TextMessageV2,
    UserMentionTarget,
)

from locales import label, t

Message = dict[str, Any]

# Secret matters (Criminal Code art. 132); everything else is personal data (PDPA).
SECRET_TYPES = frozenset(
    {
        "warrant",
        "investigation_secret",
        "whistleblower_identity",
        "procurement_secret",
        "personnel_secret",
        "inspection_plan",
        "classified_marking",
    }
)
FP_REASONS = ("not_sensitive", "own_data", "public", "test", "other")
NEED_REASONS = ("case", "approved", "legal", "other")


def safe_v2(text: str) -> str:
    """Text placed inside a textV2 message must not open a `{substitution}` by accident."""
    return text.replace("{", "｛").replace("}", "｝")


def pb_data(action: str, **params: str) -> str:
    data = action + "".join(f"&{k}={quote(str(v), safe='')}" for k, v in params.items())
    if len(data) > 300:
        raise ValueError("postback data longer than 300 characters")
    return data


def parse_pb(data: str) -> tuple[str, dict[str, str]]:
    action, _, rest = data.partition("&")
    return action, dict(parse_qsl(rest, keep_blank_values=True))


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def text(body: str, *, quick: Sequence[QuickReplyItem] | None = None) -> Message:
    msg = TextMessage(
        text=_clip(body, 5000), quick_reply=QuickReply(items=list(quick)[:13]) if quick else None
    )
    return msg.to_dict()


def mention_text(body: str, user_id: str | None, *, quote_token: str | None = None) -> Message:
    """A textV2 message; `{sender}` in `body` becomes a mention of `user_id`.

    `body` must have been made safe (no stray braces) except for the `{sender}` slot."""
    if not user_id:
        return text(body.replace("{sender}", "").lstrip())
    mention = MentionSubstitutionObject(mentionee=UserMentionTarget(user_id=user_id))
    msg = TextMessageV2(
        text=_clip(body, 5000),
        substitution={"sender": mention},
        quote_token=quote_token or None,
    )
    return msg.to_dict()


def postback(label_: str, data: str, display: str | None = None) -> PostbackAction:
    return PostbackAction(
        label=_clip(label_, 20), data=data, display_text=_clip(display, 300) if display else None
    )


def quick_item(label_: str, data: str, display: str | None = None) -> QuickReplyItem:
    return QuickReplyItem(action=postback(label_, data, display))


def buttons(alt: str, body: str, actions: Sequence[PostbackAction]) -> Message:
    template = ButtonsTemplate(text=_clip(body, 160), actions=list(actions)[:4])
    return TemplateMessage(alt_text=_clip(alt, 400), template=template).to_dict()


def _incident_button(key: str, action: str, incident_id: str, locale: str) -> PostbackAction:
    return postback(t(key, locale), pb_data(action, id=incident_id), t(key, locale))


def note_buttons(incident_id: str, locale: str) -> Message:
    """The sender's buttons under a private note: unsent / false positive / official need."""
    return buttons(
        t("note.alt", locale),
        t("note.buttons", locale),
        [
            _incident_button("btn.unsent", "inc:unsent", incident_id, locale),
            _incident_button("btn.fp", "inc:fp", incident_id, locale),
            _incident_button("btn.need", "inc:need", incident_id, locale),
        ],
    )


def admin_buttons(incident_id: str, locale: str) -> Message:
    """The admins' buttons under an alert: acknowledge / dismiss."""
    return buttons(
        t("alert.alt", locale),
        t("alert.buttons", locale),
        [
            _incident_button("btn.ack", "inc:ack", incident_id, locale),
            _incident_button("btn.dismiss", "inc:dis", incident_id, locale),
        ],
    )


def review_buttons(incident_id: str, locale: str, status: str = "dismissed_provisional") -> Message:
    """A reviewer's buttons under a sender's answer: confirm / overrule a provisional false
    positive, overrule a final one (a `warn`), acknowledge / dismiss an official need."""
    dismissal = status in ("dismissed_provisional", "dismissed")
    return buttons(
        t("review.alt" if dismissal else "alert.alt", locale),
        t("review.buttons", locale, id=incident_id) if dismissal else t("alert.buttons", locale),
        review_actions(incident_id, status, locale),
    )


def review_actions(incident_id: str, status: str, locale: str) -> list[PostbackAction]:
    """The buttons a reviewer needs for an incident in `status`: confirm / overrule a
    provisional false positive, overrule a final one, else acknowledge / dismiss."""
    if status == "dismissed_provisional":
        return [
            _incident_button("btn.confirm", "inc:confirm", incident_id, locale),
            _incident_button("btn.overrule", "inc:overrule", incident_id, locale),
        ]
    if status == "dismissed":
        return [_incident_button("btn.overrule", "inc:overrule", incident_id, locale)]
    return [
        _incident_button("btn.ack", "inc:ack", incident_id, locale),
        _incident_button("btn.dismiss", "inc:dis", incident_id, locale),
    ]


def carousel(alt: str, columns: Sequence[tuple[str, Sequence[PostbackAction]]]) -> Message:
    """A template carousel: up to 10 columns of (text of 120 characters, same-size actions)."""
    cols = [
        CarouselColumn(text=_clip(body, 120), actions=list(actions)[:3])
        for body, actions in list(columns)[:10]
    ]
    return TemplateMessage(
        alt_text=_clip(alt, 400), template=CarouselTemplate(columns=cols)
    ).to_dict()


# -- what was found, said without values ------------------------------------------------------


def items_line(
    types: Iterable[str], masked_by_type: dict[str, list[str]], locale: str, doc_type: str | None
) -> str:
    """`身分證字號 A1******89、電話號碼 09**-***-*78` (masked values only)."""
    parts = []
    if doc_type:
        parts.append(t("item.doc", locale, doc=label("doc", doc_type, locale)))
    for ty in types:
        masked = [m for m in masked_by_type.get(ty, []) if m][:2]
        lab = label("type", ty, locale)
        parts.append(
            t("item.value", locale, label=lab, masked=" ".join(masked)).strip() if masked else lab
        )
    return safe_v2(t("item.sep", locale).join(parts))


def why_line(types: Iterable[str], locale: str) -> str:
    tys = set(types)
    lines = []
    if tys & SECRET_TYPES:
        lines.append(t("why.secret", locale))
    if tys - SECRET_TYPES or not lines:
        lines.append(t("why.personal", locale))
    return "\n".join(lines)


def masked_snippet(text_: str, spans: Sequence[tuple[int, int, str]], width: int = 24) -> str:
    """A short window of the message around the first finding, every finding replaced by
    its masked value and any other run of 4+ digits starred: never a raw value."""
    import re

    if not spans:
        return ""
    spans = sorted(spans)
    first_start = spans[0][0]
    lo = max(0, first_start - width)
    hi = min(len(text_), max(e for _, e, _ in spans[:3]) + width)
    out = []
    pos = lo
    for s, e, masked in spans:
        if e <= lo or s >= hi or s < pos:
            continue
        out.append(re.sub(r"\d{4,}", lambda m: "*" * len(m.group()), text_[pos:s]))
        out.append(masked)
        pos = e
    out.append(re.sub(r"\d{4,}", lambda m: "*" * len(m.group()), text_[pos:hi]))
    snippet = "".join(out).replace("\n", " ")
    return ("…" if lo > 0 else "") + snippet + ("…" if hi < len(text_) else "")
