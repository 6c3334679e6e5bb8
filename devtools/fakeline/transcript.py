"""Plain-text rendering of a chat as a LINE user would see it.

Used by ``bot.py demo`` to print the group as a member sees it and the 1:1
chat as an admin sees it. Mentions show as ``@Name``, textV2 placeholders are
substituted, templates show their text and buttons, unsent messages show as
LINE shows them ("X unsent a message").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from devtools.fakeline.world import World

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "you": "You",
        "unsent": "{name} unsent a message",
        "joined": "{name} joined",
        "left": "{name} left",
        "photo": "[photo]",
        "photo_set": "[photo {index}/{total}]",
        "file": "[file] {name}",
        "quick": "quick replies",
        "image": "[image]",
        "sticker": "[sticker]",
        "card": "[card] {alt}",
    },
    "zh-TW": {
        "you": "你",
        "unsent": "{name}已收回訊息",
        "joined": "{name}已加入",
        "left": "{name}已離開",
        "photo": "[照片]",
        "photo_set": "[照片 {index}/{total}]",
        "file": "[檔案] {name}",
        "quick": "快速回覆",
        "image": "[圖片]",
        "sticker": "[貼圖]",
        "card": "[卡片] {alt}",
    },
}

_PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_]{1,20})\}")

NameOf = Callable[[str], str]


def _default_name(user_id: str) -> str:
    return user_id


def render_text_v2(message: dict[str, Any], name_of: NameOf = _default_name) -> str:
    """Substitute ``{key}`` placeholders: mentions become ``@Name``, ``@All``."""
    substitution = message.get("substitution") or {}

    def sub(match: re.Match[str]) -> str:
        obj = substitution.get(match.group(1))
        if not isinstance(obj, dict):
            return match.group(0)
        if obj.get("type") == "mention":
            mentionee = obj.get("mentionee") or {}
            if mentionee.get("type") == "all":
                return "@All"
            return "@" + name_of(str(mentionee.get("userId", "")))
        if obj.get("type") == "emoji":
            return "(emoji)"
        return match.group(0)

    return _PLACEHOLDER.sub(sub, str(message.get("text", "")))


def _render_action(action: dict[str, Any]) -> str:
    return f"[{action.get('label') or action.get('text') or action.get('type')}]"


def render_message_plain(
    message: dict[str, Any], name_of: NameOf = _default_name, locale: str = "en"
) -> str:
    """One outgoing (Messaging API) message object as plain text."""
    mtype = message.get("type")
    if mtype == "text":
        text = str(message.get("text", ""))
    elif mtype == "textV2":
        text = render_text_v2(message, name_of)
    elif mtype == "template":
        template = message.get("template") or {}
        parts = []
        if template.get("title"):
            parts.append(str(template["title"]))
        if template.get("text"):
            parts.append(str(template["text"]))
        for column in template.get("columns") or []:
            parts.append(" ".join(filter(None, [column.get("title"), column.get("text")])))
            parts.append(" ".join(_render_action(a) for a in column.get("actions") or []))
        actions = template.get("actions") or []
        if actions:
            parts.append(" ".join(_render_action(a) for a in actions))
        text = "\n".join(p for p in parts if p) or str(message.get("altText", ""))
    elif mtype == "flex":
        text = LABELS[locale]["card"].format(alt=message.get("altText", ""))
    elif mtype == "image":
        text = LABELS[locale]["image"]
    elif mtype == "sticker":
        text = LABELS[locale]["sticker"]
    else:
        text = f"[{mtype}]" + (f" {message['altText']}" if message.get("altText") else "")
    quick = (message.get("quickReply") or {}).get("items") or []
    if quick:
        text += f"\n  {LABELS[locale]['quick']}: " + " ".join(
            _render_action(item.get("action") or {}) for item in quick
        )
    return text


def render_inbound(message: dict[str, Any], locale: str = "en") -> str:
    """A user's message (webhook message content) as plain text."""
    labels = LABELS[locale]
    mtype = message.get("type")
    if mtype == "text":
        return str(message.get("text", ""))
    if mtype == "system":
        return labels[message["event"]].format(name=message.get("name", ""))
    if mtype == "image":
        image_set = message.get("imageSet")
        if image_set:
            return labels["photo_set"].format(
                index=image_set.get("index", "?"), total=image_set.get("total", "?")
            )
        return labels["photo"]
    if mtype == "file":
        return labels["file"].format(name=message.get("fileName", ""))
    return f"[{mtype}]"


def transcript(
    platform: World,
    chat_id: str,
    *,
    viewer: str | None = None,
    tz: str = "Asia/Taipei",
    bot_label: str | None = None,
    locale: str = "en",
) -> str:
    """The chat ``chat_id`` as ``viewer`` sees it, one line per message.

    For a group or room, ``chat_id`` is its ID and ``viewer`` a member (their own
    lines show as "You"). For a 1:1 chat, ``chat_id`` is the user's ID (the viewer
    defaults to that user). Bot messages that were not delivered (a push to a
    non-friend) are not shown: the user never saw them.
    """
    zone = ZoneInfo(tz)
    if viewer is None and chat_id not in platform.chats:
        viewer = chat_id
    bot = bot_label or platform.bot_name
    labels = LABELS[locale]

    def name_of(user_id: str) -> str:
        return platform.display_name(user_id, chat_id)

    items: list[tuple[int, float, str, str]] = []
    for entry in platform.chat_log:
        if entry.chat_id != chat_id:
            continue
        if entry.kind == "system":
            items.append(
                (entry.seq, entry.time, "", f"-- {render_inbound(entry.message, locale)} --")
            )
            continue
        who = labels["you"] if entry.sender == viewer else name_of(entry.sender or "")
        if entry.unsent:
            line = labels["unsent"].format(name=who)
            items.append((entry.seq, entry.time, "", f"-- {line} --"))
            continue
        items.append((entry.seq, entry.time, who, render_inbound(entry.message, locale)))
    for sent in platform.sent:
        if sent.target != chat_id or not sent.delivered:
            continue
        for message in sent.messages:
            items.append((sent.seq, sent.time, bot, render_message_plain(message, name_of, locale)))
    items.sort(key=lambda item: item[0])

    lines: list[str] = []
    for _seq, ts, who, text in items:
        stamp = datetime.fromtimestamp(ts, zone).strftime("%H:%M:%S")
        body = text.replace("\n", "\n" + " " * 11)
        lines.append(f"[{stamp}] {who}: {body}" if who else f"[{stamp}] {body}")
    return "\n".join(lines)
