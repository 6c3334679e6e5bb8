"""Webhook events as LINE builds them (message, unsend, join/leave, member joined/left,
follow/unfollow, postback), each also written into the world: reply tokens issued, chat
lines logged, contents stored, members added."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from devtools import ids
from devtools.fakeline.models import JSON
from devtools.fakeline.world import World


class WebhookEvents(World):
    """The event builders (mixed into ``FakeLinePlatform``)."""

    def _chat_kind(self, chat: str) -> str:
        known = self.chats.get(chat)
        if known is not None:
            return known.kind
        kind = ids.chat_kind(chat)
        if kind is None:
            raise ValueError(f"unknown chat {chat!r}: add_group/add_room it or use a C/R/U ID")
        return kind

    def _source(self, user_id: str | None, chat: str | None) -> JSON:
        if chat is None or chat == user_id:
            assert user_id is not None
            return {"type": "user", "userId": user_id}
        kind = self._chat_kind(chat)
        source: JSON = {"type": kind, f"{kind}Id": chat}
        if user_id is not None:
            source["userId"] = user_id
        return source

    def _message_source(self, user_id: str, chat: str | None, anonymous: bool) -> JSON:
        """Source of a message event; ``anonymous`` drops userId in a group/room, as LINE
        does for senders on LINE for PC/Mac or who have not consented."""
        source = self._source(user_id, chat)
        if anonymous and source["type"] != "user":
            source.pop("userId", None)
        return source

    def _event(
        self,
        etype: str,
        source: JSON,
        *,
        reply: bool,
        timestamp_ms: int | None = None,
        **payload: Any,
    ) -> JSON:
        ts = self._now_ms() if timestamp_ms is None else timestamp_ms
        event: JSON = {"type": etype}
        if reply:
            chat_id = source.get("groupId") or source.get("roomId") or source["userId"]
            event["replyToken"] = self._issue_reply_token(chat_id)
        event.update(payload)
        event.update(
            {
                "mode": "active",
                "timestamp": ts,
                "source": source,
                "webhookEventId": ids.ulid(ts, self._rng.getrandbits(80)),
                "deliveryContext": {"isRedelivery": False},
            }
        )
        return event

    def _mentionees(self, text: str, mentions: Iterable[Any], chat: str | None) -> list[JSON]:
        out: list[JSON] = []
        search_from = 0
        for m in mentions:
            if isinstance(m, dict):
                out.append(dict(m))
                continue
            if isinstance(m, tuple):
                index, length, uid = m
            else:
                uid = m
                label = "@All" if uid == "all" else "@" + self.display_name(uid, chat)
                index = text.find(label, search_from)
                if index < 0:
                    index = text.find(label)
                if index < 0:
                    raise ValueError(f"mention {label!r} not found in text")
                length = len(label)
                search_from = index + length
            if uid == "all":
                out.append({"index": index, "length": length, "type": "all"})
            else:
                out.append(
                    {
                        "index": index,
                        "length": length,
                        "type": "user",
                        "userId": uid,
                        "isSelf": uid == self.bot_user_id,
                    }
                )
        return out

    def text_event(
        self,
        user_id: str,
        text: str,
        *,
        chat: str | None = None,
        mentions: Iterable[Any] | None = None,
        quoted_message_id: str | None = None,
        message_id: str | None = None,
        timestamp_ms: int | None = None,
        anonymous: bool = False,
    ) -> JSON:
        """A text message event from ``user_id`` in ``chat`` (group/room ID; None = 1:1).

        ``mentions``: user IDs (found in the text as ``@DisplayName``), ``"all"``
        (``@All``), ``(index, length, user_id)`` tuples or raw mentionee dicts.
        """
        chat_id = chat or user_id
        mid = self._new_inbound_message(chat_id, message_id, user_id)
        message: JSON = {"id": mid, "type": "text", "quoteToken": self._quote_token(), "text": text}
        if mentions:
            message["mention"] = {"mentionees": self._mentionees(text, mentions, chat)}
        if quoted_message_id is not None:
            message["quotedMessageId"] = quoted_message_id
        self.log_chat(chat_id, user_id, "message", message)
        return self._event(
            "message",
            self._message_source(user_id, chat, anonymous),
            reply=True,
            timestamp_ms=timestamp_ms,
            message=message,
        )

    def image_event(
        self,
        user_id: str,
        *,
        chat: str | None = None,
        content: bytes | None = None,
        content_type: str = "image/jpeg",
        image_set: tuple[str, int, int] | None = None,
        external_url: str | None = None,
        message_id: str | None = None,
        timestamp_ms: int | None = None,
        anonymous: bool = False,
    ) -> JSON:
        """An image message event; ``content`` is served from the content endpoint.

        ``image_set=(set_id, index, total)`` for one image of a multi-image send
        (index starts at 1); ``external_url`` makes ``contentProvider`` external.
        """
        chat_id = chat or user_id
        mid = self._new_inbound_message(chat_id, message_id, user_id)
        if content is not None:
            self.put_content(mid, content, content_type)
        provider: JSON = {"type": "line"}
        if external_url is not None:
            provider = {
                "type": "external",
                "originalContentUrl": external_url,
                "previewImageUrl": external_url,
            }
        message: JSON = {
            "id": mid,
            "type": "image",
            "quoteToken": self._quote_token(),
            "contentProvider": provider,
        }
        if image_set is not None:
            set_id, index, total = image_set
            message["imageSet"] = {"id": set_id, "index": index, "total": total}
        self.log_chat(chat_id, user_id, "message", message)
        return self._event(
            "message",
            self._message_source(user_id, chat, anonymous),
            reply=True,
            timestamp_ms=timestamp_ms,
            message=message,
        )

    def image_set_events(
        self,
        user_id: str,
        contents: list[bytes],
        *,
        chat: str | None = None,
        content_type: str = "image/jpeg",
    ) -> list[JSON]:
        """Several images sent at once: one event per image sharing an imageSet id."""
        set_id = self._token(16).upper()
        total = len(contents)
        return [
            self.image_event(
                user_id,
                chat=chat,
                content=data,
                content_type=content_type,
                image_set=(set_id, i + 1, total),
            )
            for i, data in enumerate(contents)
        ]

    def file_event(
        self,
        user_id: str,
        file_name: str,
        content: bytes = b"",
        *,
        chat: str | None = None,
        content_type: str = "application/octet-stream",
        message_id: str | None = None,
        timestamp_ms: int | None = None,
        anonymous: bool = False,
    ) -> JSON:
        chat_id = chat or user_id
        mid = self._new_inbound_message(chat_id, message_id, user_id)
        self.put_content(mid, content, content_type)
        message: JSON = {"id": mid, "type": "file", "fileName": file_name, "fileSize": len(content)}
        self.log_chat(chat_id, user_id, "message", message)
        return self._event(
            "message",
            self._message_source(user_id, chat, anonymous),
            reply=True,
            timestamp_ms=timestamp_ms,
            message=message,
        )

    def unsend_event(
        self,
        user_id: str,
        message_id: str,
        *,
        chat: str | None = None,
        timestamp_ms: int | None = None,
    ) -> JSON:
        """The user unsends ``message_id``: its content is gone (404) from now on."""
        chat_id = chat or self._message_chat.get(message_id) or user_id
        self.remove_content(message_id)
        for entry in self.chat_log:
            if entry.kind == "message" and entry.message.get("id") == message_id:
                entry.unsent = True
        if chat is None and chat_id != user_id:
            chat = chat_id
        # In groups and rooms LINE only puts userId in message events' sources.
        source = self._source(user_id, None) if chat is None else self._source(None, chat)
        return self._event(
            "unsend",
            source,
            reply=False,
            timestamp_ms=timestamp_ms,
            unsend={"messageId": message_id},
        )

    def join_event(self, chat: str, *, timestamp_ms: int | None = None) -> JSON:
        """The bot joins ``chat`` (added with add_group/add_room)."""
        known = self.chats.get(chat)
        if known is None:
            kind = self._chat_kind(chat)
            known = self.add_group(chat, "") if kind == "group" else self.add_room(chat)
        known.bot_in = True
        self.log_system(chat, "joined", self.bot_name)
        return self._event("join", self._source(None, chat), reply=True, timestamp_ms=timestamp_ms)

    def leave_event(self, chat: str, *, timestamp_ms: int | None = None) -> JSON:
        """The bot was removed from ``chat``."""
        if chat in self.chats:
            self.chats[chat].bot_in = False
        self.log_system(chat, "left", self.bot_name)
        return self._event(
            "leave", self._source(None, chat), reply=False, timestamp_ms=timestamp_ms
        )

    def member_joined_event(
        self, chat: str, members: dict[str, str], *, timestamp_ms: int | None = None
    ) -> JSON:
        """``members`` ({user ID: display name}) join ``chat``."""
        for uid, name in members.items():
            self.add_member(chat, uid, name)
            self.log_system(chat, "joined", name)
        return self._event(
            "memberJoined",
            self._source(None, chat),
            reply=True,
            timestamp_ms=timestamp_ms,
            joined={"members": [{"type": "user", "userId": uid} for uid in members]},
        )

    def member_left_event(
        self, chat: str, user_ids: list[str], *, timestamp_ms: int | None = None
    ) -> JSON:
        for uid in user_ids:
            name = self.display_name(uid, chat)
            self.chats[chat].members.pop(uid, None)
            self.log_system(chat, "left", name)
        return self._event(
            "memberLeft",
            self._source(None, chat),
            reply=False,
            timestamp_ms=timestamp_ms,
            left={"members": [{"type": "user", "userId": uid} for uid in user_ids]},
        )

    def follow_event(
        self,
        user_id: str,
        display_name: str | None = None,
        *,
        is_unblocked: bool = False,
        timestamp_ms: int | None = None,
    ) -> JSON:
        """The user adds (or unblocks) the bot: becomes a friend."""
        name = display_name or self.users.get(user_id) or user_id
        self.add_friend(user_id, name)
        return self._event(
            "follow",
            self._source(user_id, None),
            reply=True,
            timestamp_ms=timestamp_ms,
            follow={"isUnblocked": is_unblocked},
        )

    def unfollow_event(self, user_id: str, *, timestamp_ms: int | None = None) -> JSON:
        self.remove_friend(user_id)
        return self._event(
            "unfollow", self._source(user_id, None), reply=False, timestamp_ms=timestamp_ms
        )

    def postback_event(
        self,
        user_id: str,
        data: str,
        *,
        chat: str | None = None,
        params: dict[str, str] | None = None,
        display_text: str | None = None,
        timestamp_ms: int | None = None,
    ) -> JSON:
        """The user taps a postback button. ``display_text`` shows in the chat."""
        postback: JSON = {"data": data}
        if params:
            postback["params"] = params
        if display_text:
            self.log_chat(
                chat or user_id, user_id, "message", {"type": "text", "text": display_text}
            )
        return self._event(
            "postback",
            self._source(user_id, chat),
            reply=True,
            timestamp_ms=timestamp_ms,
            postback=postback,
        )
