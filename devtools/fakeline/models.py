"""What the fake platform knows and records: friends, chats, sends, chat lines, reply tokens,
message contents. Plain dataclasses, no behaviour beyond rendering a send as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from devtools.fakeline.transcript import render_message_plain

JSON = dict[str, Any]


class SignatureDefault:
    """Marker type for ``deliver(signature=...)``: sign the body properly."""


SIGN = SignatureDefault()


@dataclass
class SentMessage:
    """One accepted send to one recipient chat."""

    seq: int
    kind: str  # "reply" | "push" | "multicast" | "broadcast"
    target: str  # user, group or room ID the messages went to
    messages: list[JSON]
    delivered: bool
    time: float  # platform clock (epoch seconds) when accepted
    request_id: str
    message_ids: list[str]
    retry_key: str | None = None
    reply_token: str | None = None
    notification_disabled: bool = False
    perf: float = 0.0  # time.perf_counter() when accepted (for latency measurements)

    @property
    def texts(self) -> list[str]:
        """Each message rendered as plain text (textV2 placeholders substituted)."""
        return [render_message_plain(m) for m in self.messages]

    def to_json(self) -> JSON:
        return {
            "seq": self.seq,
            "kind": self.kind,
            "target": self.target,
            "messages": self.messages,
            "delivered": self.delivered,
            "time": self.time,
            "requestId": self.request_id,
            "messageIds": self.message_ids,
            "retryKey": self.retry_key,
            "replyToken": self.reply_token,
            "notificationDisabled": self.notification_disabled,
        }


@dataclass
class ChatEntry:
    """Something that happened in a chat on the users' side (for transcripts)."""

    seq: int
    time: float
    chat_id: str
    sender: str | None  # user ID; None for system lines
    kind: str  # "message" | "system"
    message: JSON  # webhook message content, or {"text": ...} for system lines
    unsent: bool = False


@dataclass
class Chat:
    """A group or a room (a room has no name)."""

    chat_id: str
    kind: str  # "group" | "room"
    name: str
    members: dict[str, str] = field(default_factory=dict)  # user ID -> display name
    bot_in: bool = True
    picture_url: str | None = None


@dataclass
class Friend:
    user_id: str
    display_name: str
    language: str | None = "zh-TW"
    picture_url: str | None = None
    status_message: str | None = None
    blocked: bool = False


@dataclass
class ReplyToken:
    chat_id: str
    issued: float
    used: bool = False
    expired: bool = False


@dataclass
class Content:
    data: bytes
    content_type: str
