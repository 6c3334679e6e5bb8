"""The fake platform's world and its records: the channel's settings, friends, users, groups
and rooms, message contents, reply tokens, the monthly quota, every accepted send and every
chat line. Route handlers, event builders and tests all read and change this one object."""

from __future__ import annotations

import asyncio
import base64
import random
import time
import uuid
from collections.abc import Callable

from aiohttp import web

from devtools import ids
from devtools.fakeline.models import (
    JSON,
    Chat,
    ChatEntry,
    Content,
    Friend,
    ReplyToken,
    SentMessage,
)
from devtools.fakeline.transcript import render_message_plain, transcript


class World:
    """State shared by every part of the platform (see ``FakeLinePlatform``)."""

    def __init__(
        self,
        channel_secret: str = "fakeline-channel-secret",
        access_token: str = "fakeline-access-token",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        reply_token_ttl: float = 60.0,  # seconds of ``clock``
        monthly_limit: int | None = 1000,
        bot_name: str = "Compliance Bot",
        seed: int = 0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.channel_secret = channel_secret
        self.access_token = access_token
        self.host = host
        self.port = port
        self.reply_token_ttl = reply_token_ttl
        self.monthly_limit = monthly_limit
        self.bot_name = bot_name
        self.bot_user_id = ids.user_id(f"bot:{channel_secret}")
        self.clock = clock
        self._rng = random.Random(seed)
        self._seq = 0
        self._message_seq = 580_000_000_000_000_000

        # world
        self.friends: dict[str, Friend] = {}
        self.chats: dict[str, Chat] = {}
        self.users: dict[str, str] = {}  # every known user ID -> display name
        self.contents: dict[str, Content] = {}
        self._message_chat: dict[str, str] = {}  # inbound message ID -> chat ID

        # records
        self.sent: list[SentMessage] = []
        self.chat_log: list[ChatEntry] = []
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status)
        self.webhooks: list[tuple[int, float]] = []  # (status, seconds) per delivery
        self.usage = 0
        self.reply_tokens: dict[str, ReplyToken] = {}
        # retry key -> (accepted request ID, sentMessages, accepted at); valid 24 h
        self.retry_keys: dict[str, tuple[str, list[JSON], float]] = {}

        self._cond: asyncio.Condition | None = None

    # ------------------------------------------------------------------ world

    def add_friend(
        self,
        user_id: str,
        display_name: str,
        *,
        language: str | None = "zh-TW",
        picture_url: str | None = None,
        status_message: str | None = None,
    ) -> Friend:
        """A user who has added the bot: gets 1:1 pushes, has a profile."""
        friend = Friend(user_id, display_name, language, picture_url, status_message)
        self.friends[user_id] = friend
        self.users[user_id] = display_name
        return friend

    def remove_friend(self, user_id: str) -> None:
        """The user blocks the bot (pushes stop being delivered, profile 404)."""
        self.friends.pop(user_id, None)

    def add_user(self, user_id: str, display_name: str) -> None:
        """A known user who is not (necessarily) a friend of the bot."""
        self.users[user_id] = display_name

    def add_group(
        self,
        group_id: str,
        name: str,
        members: dict[str, str] | None = None,
        *,
        bot_in: bool = True,
        picture_url: str | None = None,
    ) -> Chat:
        chat = Chat(group_id, "group", name, dict(members or {}), bot_in, picture_url)
        self.chats[group_id] = chat
        self.users.update(chat.members)
        return chat

    def add_room(
        self, room_id: str, members: dict[str, str] | None = None, *, bot_in: bool = True
    ) -> Chat:
        chat = Chat(room_id, "room", "", dict(members or {}), bot_in)
        self.chats[room_id] = chat
        self.users.update(chat.members)
        return chat

    def add_member(self, chat_id: str, user_id: str, display_name: str) -> None:
        self.chats[chat_id].members[user_id] = display_name
        self.users[user_id] = display_name

    def display_name(self, user_id: str, chat_id: str | None = None) -> str:
        """How a user's name shows (group nickname first, then profile, then ID)."""
        if chat_id is not None and chat_id in self.chats:
            name = self.chats[chat_id].members.get(user_id)
            if name:
                return name
        if user_id == self.bot_user_id:
            return self.bot_name
        return self.users.get(user_id) or user_id

    def put_content(self, message_id: str, data: bytes, content_type: str = "image/jpeg") -> None:
        """Bytes served at ``GET /v2/bot/message/{message_id}/content``."""
        self.contents[message_id] = Content(bytes(data), content_type)

    def remove_content(self, message_id: str) -> None:
        self.contents.pop(message_id, None)

    # ------------------------------------------------------------------ account controls

    def rotate_access_token(self, new_token: str) -> None:
        """The channel access token is reissued: calls with the old one get 401."""
        self.access_token = new_token

    def expire_reply_tokens(self) -> None:
        """Every reply token issued so far becomes expired."""
        for token in self.reply_tokens.values():
            token.expired = True

    def set_monthly_limit(self, limit: int | None, usage: int | None = None) -> None:
        """``None`` = no limit (quota type "none"); ``usage`` sets this month's consumption."""
        self.monthly_limit = limit
        if usage is not None:
            self.usage = usage

    def new_month(self) -> None:
        """A new month starts: consumption back to 0."""
        self.usage = 0

    # ------------------------------------------------------------------ records

    def messages_to(self, target: str, kind: str | None = None) -> list[SentMessage]:
        """Every accepted send to ``target`` (delivered or not), oldest first."""
        return [s for s in self.sent if s.target == target and (kind is None or s.kind == kind)]

    def delivered_to(self, target: str) -> list[SentMessage]:
        return [s for s in self.sent if s.target == target and s.delivered]

    def texts_to(self, target: str, *, delivered_only: bool = True) -> list[str]:
        """Plain text of every message the chat ``target`` received (mentions as @Name)."""
        out: list[str] = []
        for s in self.messages_to(target):
            if s.delivered or not delivered_only:
                out.extend(self.render(s))
        return out

    def render(self, sent: SentMessage) -> list[str]:
        """Each message of ``sent`` as plain text, names resolved in its chat."""

        def name_of(uid: str) -> str:
            return self.display_name(uid, sent.target)

        return [render_message_plain(m, name_of) for m in sent.messages]

    def transcript(
        self,
        chat_id: str,
        *,
        viewer: str | None = None,
        tz: str = "Asia/Taipei",
        locale: str = "en",
    ) -> str:
        """The chat as ``viewer`` sees it (see ``fakeline.transcript.transcript``)."""
        return transcript(self, chat_id, viewer=viewer, tz=tz, locale=locale)

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        """Wait until ``predicate()`` is true; re-checked whenever the platform records
        something. Raises ``TimeoutError`` after ``timeout`` seconds."""
        if predicate():
            return
        cond = self._condition()
        async with asyncio.timeout(timeout), cond:
            await cond.wait_for(predicate)

    async def wait_for_messages(
        self,
        target: str | None = None,
        *,
        kind: str | None = None,
        count: int = 1,
        delivered: bool | None = None,
        match: Callable[[SentMessage], bool] | None = None,
        timeout: float = 5.0,
    ) -> list[SentMessage]:
        """Wait until at least ``count`` matching sends exist; return all that match."""

        def found() -> list[SentMessage]:
            return [
                s
                for s in self.sent
                if (target is None or s.target == target)
                and (kind is None or s.kind == kind)
                and (delivered is None or s.delivered == delivered)
                and (match is None or match(s))
            ]

        await self.wait_for(lambda: len(found()) >= count, timeout)
        return found()

    def _condition(self) -> asyncio.Condition:
        if self._cond is None:
            self._cond = asyncio.Condition()
        return self._cond

    async def notify(self) -> None:
        cond = self._condition()
        async with cond:
            cond.notify_all()

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _next_message_id(self) -> str:
        self._message_seq += self._rng.randint(1, 999)
        return str(self._message_seq)

    def _token(self, nbytes: int = 16) -> str:
        return f"{self._rng.getrandbits(nbytes * 8):0{nbytes * 2}x}"

    def _quote_token(self) -> str:
        raw = self._rng.getrandbits(8 * 48).to_bytes(48, "big")
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def new_request_id(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    # ------------------------------------------------------------------ sends

    def sent_message_ids(self, messages: list[JSON]) -> tuple[list[str], list[JSON]]:
        mids: list[str] = []
        out: list[JSON] = []
        for m in messages:
            mid = self._next_message_id()
            mids.append(mid)
            entry: JSON = {"id": mid}
            if m.get("type") in (
                "text",
                "textV2",
                "image",
                "video",
                "audio",
                "sticker",
                "location",
            ):
                entry["quoteToken"] = self._quote_token()
            out.append(entry)
        return mids, out

    def record_send(
        self,
        kind: str,
        target: str,
        messages: list[JSON],
        delivered: bool,
        request_id: str,
        message_ids: list[str],
        *,
        retry_key: str | None = None,
        reply_token: str | None = None,
        notification_disabled: bool = False,
    ) -> SentMessage:
        record = SentMessage(
            seq=self._next_seq(),
            kind=kind,
            target=target,
            messages=messages,
            delivered=delivered,
            time=self.clock(),
            request_id=request_id,
            message_ids=message_ids,
            retry_key=retry_key,
            reply_token=reply_token,
            notification_disabled=notification_disabled,
            perf=time.perf_counter(),
        )
        self.sent.append(record)
        return record

    def recipient_cost(self, target: str) -> tuple[bool, int] | None:
        """(delivered, messages counted) for a push to target; None when the target is
        not a valid destination. LINE counts recipients, not message objects: a push
        of 4 message objects to a 5-member group counts 5; a non-friend counts 0."""
        kind = ids.chat_kind(target)
        chat = self.chats.get(target)
        if chat is not None:
            if not chat.bot_in:
                return None
            return True, max(len(chat.members), 1)
        if kind == "user":
            friend = self.friends.get(target)
            delivered = friend is not None and not friend.blocked
            return delivered, 1 if delivered else 0
        return None

    def quota_exceeded(self, cost: int) -> bool:
        return self.monthly_limit is not None and self.usage + cost > self.monthly_limit

    # ------------------------------------------------------------------ reply tokens and chat lines

    def _now_ms(self) -> int:
        return int(self.clock() * 1000)

    def _issue_reply_token(self, chat_id: str) -> str:
        token = self._token(16)
        self.reply_tokens[token] = ReplyToken(chat_id, self.clock())
        return token

    def reply_token_valid(self, token: str) -> bool:
        issued = self.reply_tokens.get(token)
        return (
            issued is not None
            and not issued.used
            and not issued.expired
            and self.clock() - issued.issued <= self.reply_token_ttl
        )

    def log_chat(self, chat_id: str, sender: str | None, kind: str, message: JSON) -> ChatEntry:
        entry = ChatEntry(self._next_seq(), self.clock(), chat_id, sender, kind, message)
        self.chat_log.append(entry)
        return entry

    def log_system(self, chat_id: str, event: str, name: str) -> None:
        self.log_chat(chat_id, None, "system", {"type": "system", "event": event, "name": name})

    def _new_inbound_message(self, chat_id: str, message_id: str | None, sender: str) -> str:
        chat = self.chats.get(chat_id)
        if chat is not None and sender not in chat.members:
            # only members can post: a sender we did not know joins silently
            self.add_member(chat_id, sender, self.users.get(sender) or f"User {sender[1:5]}")
        mid = message_id or self._next_message_id()
        self._message_chat[mid] = chat_id
        return mid


# The world every route handler reads (app[WORLD]; set by server.make_app).
WORLD = web.AppKey("fakeline_world", World)
