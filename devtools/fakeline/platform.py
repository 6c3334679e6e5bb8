"""A fake LINE platform on loopback that speaks the real Messaging API.

Point line-bot-sdk v3 at it with ``Configuration(host=platform.base_url,
access_token=...)``: ``AsyncMessagingApi`` and ``AsyncMessagingApiBlob`` work
unchanged (the SDK uses ``Configuration.host`` for every host when it is set).

The platform keeps a small model of the world (friends, groups, rooms, the
bot's memberships, message contents), issues reply tokens when it builds
webhook events, records every message the bot sends, signs and delivers
webhooks, and can be told to fail, slow down or go away for tests.
"""

from __future__ import annotations

import asyncio
import base64
import fnmatch
import hashlib
import hmac
import json
import random
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientSession, ClientTimeout, web

from devtools import ids
from devtools.fakeline.control import add_routes as add_control_routes
from devtools.fakeline.transcript import render_message_plain, transcript
from devtools.fakeline.validation import error_body, validate_messages

JSON = dict[str, Any]

AUTH_MISSING = (
    "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'"
)
AUTH_INVALID = (
    "Authentication failed due to the following reason: invalid token. "
    "Confirm that the access token in the authorization header is valid."
)
INVALID_REPLY_TOKEN = "Invalid reply token"
MONTHLY_LIMIT = "You have reached your monthly limit."
RATE_LIMIT = "The API rate limit has been exceeded. Try again later."
RETRY_KEY_ACCEPTED = "The retry key is already accepted"
NOT_FOUND = "Not found"
RETRY_KEY_TTL = 24 * 3600.0

_STATUS_MESSAGES = {
    400: "Bad Request",
    401: AUTH_INVALID,
    403: "Access to this API is not available for your account",
    404: NOT_FOUND,
    409: RETRY_KEY_ACCEPTED,
    429: RATE_LIMIT,
    500: "An error occurred in the server",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}

_REQUEST_ID = web.RequestKey("fakeline_request_id", str)


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
class _ReplyToken:
    chat_id: str
    issued: float
    used: bool = False
    expired: bool = False


@dataclass
class _FailRule:
    remaining: int
    status: int
    path: str | None
    method: str | None
    retry_after: float | None
    body: JSON | None
    accept: bool
    delay: float


@dataclass
class _Content:
    data: bytes
    content_type: str


class FakeLinePlatform:
    """The local LINE platform. Use as ``async with FakeLinePlatform(secret, token) as p``."""

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
        self._content: dict[str, _Content] = {}
        self._message_chat: dict[str, str] = {}  # inbound message ID -> chat ID

        # records
        self.sent: list[SentMessage] = []
        self.chat_log: list[ChatEntry] = []
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status)
        self.webhooks: list[tuple[int, float]] = []  # (status, seconds) per delivery
        self.usage = 0
        self._reply_tokens: dict[str, _ReplyToken] = {}
        # retry key -> (accepted request ID, sentMessages, accepted at); valid 24 h
        self._retry_keys: dict[str, tuple[str, list[JSON], float]] = {}

        # failure injection
        self._fail_rules: list[_FailRule] = []
        self.latency = 0.0
        self.down = False

        # runtime
        self._runner: web.AppRunner | None = None
        self._session: ClientSession | None = None
        self._cond: asyncio.Condition | None = None

    # ------------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> FakeLinePlatform:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._runner is not None

    async def start(self) -> None:
        """Start (or restart, on the same port) the HTTP server."""
        if self._runner is not None:
            return
        if self._cond is None:
            self._cond = asyncio.Condition()
        # a short shutdown timeout: stop() must not wait on requests held by fail_next(delay=)
        runner = web.AppRunner(
            self._make_app(), access_log=None, handle_signals=False, shutdown_timeout=0.5
        )
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, reuse_address=True)
        await site.start()
        if self.port == 0:
            self.port = int(runner.addresses[0][1])
        self._runner = runner

    async def stop(self) -> None:
        """Take the server down (connections refused) until ``start()`` again."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def close(self) -> None:
        await self.stop()
        if self._session is not None:
            await self._session.close()
            self._session = None

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
        self._content[message_id] = _Content(bytes(data), content_type)

    def remove_content(self, message_id: str) -> None:
        self._content.pop(message_id, None)

    # ------------------------------------------------------------------ test controls

    def fail_next(
        self,
        n: int = 1,
        status: int = 500,
        path: str | None = None,
        *,
        method: str | None = None,
        retry_after: float | None = None,
        body: JSON | None = None,
        accept: bool = False,
        delay: float = 0.0,
    ) -> None:
        """Answer the next ``n`` matching API requests with ``status``.

        ``path`` is an exact path or a glob (``/v2/bot/message/*``); None matches
        every API call. With ``accept=True`` the request is processed first (the
        message is recorded and the retry key consumed) and only the response is
        replaced: a "lost response" for retry-key tests. A 429 carries
        ``Retry-After`` when ``retry_after`` is given. ``delay`` holds the answer
        back that many seconds (longer than the client's timeout = a timeout).
        """
        self._fail_rules.append(
            _FailRule(
                n,
                status,
                path,
                method.upper() if method else None,
                retry_after,
                body,
                accept,
                delay,
            )
        )

    def clear_failures(self) -> None:
        self._fail_rules.clear()

    def set_latency(self, seconds: float) -> None:
        """Delay every API response by ``seconds``."""
        self.latency = seconds

    def set_down(self, down: bool = True) -> None:
        """While down, every API call answers 503 (the server keeps listening)."""
        self.down = down

    def set_down_for(self, seconds: float) -> None:
        """An outage window: every API call answers 503 for ``seconds`` (real time), then
        the platform answers again by itself."""
        self.down = True
        asyncio.get_running_loop().call_later(seconds, self.set_down, False)

    def rotate_access_token(self, new_token: str) -> None:
        """The channel access token is reissued: calls with the old one get 401."""
        self.access_token = new_token

    def expire_reply_tokens(self) -> None:
        """Every reply token issued so far becomes expired."""
        for token in self._reply_tokens.values():
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

    async def _notify(self) -> None:
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

    # ------------------------------------------------------------------ HTTP app

    def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._middleware], client_max_size=4 * 1024 * 1024)
        r = app.router
        r.add_post("/v2/bot/message/reply", self._h_reply)
        r.add_post("/v2/bot/message/push", self._h_push)
        r.add_post("/v2/bot/message/multicast", self._h_multicast)
        r.add_post("/v2/bot/message/broadcast", self._h_broadcast)
        r.add_get("/v2/bot/message/quota", self._h_quota)
        r.add_get("/v2/bot/message/quota/consumption", self._h_consumption)
        r.add_get("/v2/bot/message/{message_id}/content", self._h_content)
        r.add_get("/v2/bot/message/{message_id}/content/preview", self._h_content)
        r.add_get("/v2/bot/message/{message_id}/content/transcoding", self._h_transcoding)
        r.add_get("/v2/bot/profile/{user_id}", self._h_profile)
        r.add_get("/v2/bot/group/{chat_id}/summary", self._h_group_summary)
        r.add_get("/v2/bot/group/{chat_id}/members/count", self._h_member_count)
        r.add_get("/v2/bot/room/{chat_id}/members/count", self._h_member_count)
        r.add_get("/v2/bot/group/{chat_id}/members/ids", self._h_member_ids)
        r.add_get("/v2/bot/room/{chat_id}/members/ids", self._h_member_ids)
        r.add_get("/v2/bot/group/{chat_id}/member/{user_id}", self._h_member_profile)
        r.add_get("/v2/bot/room/{chat_id}/member/{user_id}", self._h_member_profile)
        r.add_post("/v2/bot/group/{chat_id}/leave", self._h_leave)
        r.add_post("/v2/bot/room/{chat_id}/leave", self._h_leave)
        r.add_get("/v2/bot/info", self._h_bot_info)
        r.add_post("/v2/bot/chat/loading/start", self._h_loading)
        r.add_post("/v2/bot/chat/markAsRead", self._h_mark_as_read)
        add_control_routes(app, self)
        return app

    @staticmethod
    def _error(
        status: int, message: str, *, details: list[dict[str, str]] | None = None, **extra: Any
    ) -> web.Response:
        body: JSON = {"message": message}
        if details:
            body["details"] = details
        body.update(extra)
        return web.json_response(body, status=status)

    def _match_failure(self, request: web.Request) -> _FailRule | None:
        for rule in self._fail_rules:
            if rule.remaining <= 0:
                continue
            if rule.method is not None and rule.method != request.method:
                continue
            if rule.path is not None and not (
                rule.path == request.path or fnmatch.fnmatchcase(request.path, rule.path)
            ):
                continue
            rule.remaining -= 1
            if rule.remaining <= 0:
                self._fail_rules.remove(rule)
            return rule
        return None

    def _failure_response(self, rule: _FailRule) -> web.Response:
        body = rule.body or {"message": _STATUS_MESSAGES.get(rule.status, "Error")}
        resp = web.json_response(body, status=rule.status)
        if rule.retry_after is not None:
            resp.headers["Retry-After"] = str(
                int(rule.retry_after)
                if rule.retry_after == int(rule.retry_after)
                else rule.retry_after
            )
        return resp

    @web.middleware
    async def _middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if not request.path.startswith("/v2/"):
            return await handler(request)
        request_id = str(uuid.UUID(int=self._rng.getrandbits(128), version=4))
        request[_REQUEST_ID] = request_id
        if self.latency > 0:
            await asyncio.sleep(self.latency)
        resp: web.StreamResponse
        rule = None
        if self.down:
            resp = self._error(503, _STATUS_MESSAGES[503])
        else:
            rule = self._match_failure(request)
            if rule is not None and not rule.accept:
                resp = self._failure_response(rule)
            else:
                resp = self._check_auth(request) or await self._handle(handler, request)
                if rule is not None:
                    resp = self._failure_response(rule)
            if rule is not None and rule.delay > 0:
                await asyncio.sleep(rule.delay)
        resp.headers["x-line-request-id"] = request_id
        self.requests.append((request.method, request.path, resp.status))
        await self._notify()
        return resp

    async def _handle(
        self,
        handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
        request: web.Request,
    ) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPException as exc:
            if exc.status == 404:
                return self._error(404, NOT_FOUND)
            if exc.status == 405:
                return self._error(405, "Method Not Allowed")
            raise

    def _check_auth(self, request: web.Request) -> web.Response | None:
        header = request.headers.get("Authorization")
        if not header or not header.startswith("Bearer "):
            return self._error(401, AUTH_MISSING)
        if not hmac.compare_digest(header[len("Bearer ") :].strip(), self.access_token):
            return self._error(401, AUTH_INVALID)
        return None

    async def _json_body(self, request: web.Request) -> JSON | web.Response:
        try:
            body = await request.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            return self._error(
                400,
                "The request body has 1 error(s)",
                details=[{"message": "Invalid JSON", "property": ""}],
            )
        if not isinstance(body, dict):
            return self._error(
                400,
                "The request body has 1 error(s)",
                details=[{"message": "Must be an object", "property": ""}],
            )
        return body

    # ---- sending

    def _sent_messages(self, messages: list[JSON]) -> tuple[list[str], list[JSON]]:
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

    def _record(
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

    def _retry_key(self, request: web.Request) -> str | web.Response | None:
        key = request.headers.get("X-Line-Retry-Key")
        if key is None:
            return None
        try:
            uuid.UUID(key)
        except ValueError:
            return self._error(400, "The value of the X-Line-Retry-Key header is invalid")
        accepted = self._retry_keys.get(key.lower())
        if accepted is not None and self.clock() - accepted[2] < RETRY_KEY_TTL:
            request_id, sent, _ = accepted
            extra: JSON = {"sentMessages": sent} if sent else {}
            resp = self._error(409, RETRY_KEY_ACCEPTED, **extra)
            resp.headers["x-line-accepted-request-id"] = request_id
            return resp
        return key.lower()

    def _recipient_cost(self, target: str) -> tuple[bool, int] | None:
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

    def _quota_exceeded(self, cost: int) -> bool:
        return self.monthly_limit is not None and self.usage + cost > self.monthly_limit

    async def _h_reply(self, request: web.Request) -> web.Response:
        if request.headers.get("X-Line-Retry-Key") is not None:
            return self._error(400, "X-Line-Retry-Key header is not supported for this API")
        body = await self._json_body(request)
        if isinstance(body, web.Response):
            return body
        details = []
        token = body.get("replyToken")
        if not isinstance(token, str) or not token:
            details.append({"message": "Must not be empty", "property": "replyToken"})
        details.extend(validate_messages(body.get("messages")))
        if details:
            return web.json_response(error_body(details), status=400)
        assert isinstance(token, str)
        issued = self._reply_tokens.get(token)
        if (
            issued is None
            or issued.used
            or issued.expired
            or self.clock() - issued.issued > self.reply_token_ttl
        ):
            return self._error(400, INVALID_REPLY_TOKEN)
        issued.used = True
        messages = body["messages"]
        mids, sent = self._sent_messages(messages)
        self._record(
            "reply",
            issued.chat_id,
            messages,
            True,
            request[_REQUEST_ID],
            mids,
            reply_token=token,
            notification_disabled=bool(body.get("notificationDisabled")),
        )
        return web.json_response({"sentMessages": sent})

    async def _h_push(self, request: web.Request) -> web.Response:
        key = self._retry_key(request)
        if isinstance(key, web.Response):
            return key
        body = await self._json_body(request)
        if isinstance(body, web.Response):
            return body
        details = []
        to = body.get("to")
        if not isinstance(to, str) or not to:
            details.append({"message": "Must not be empty", "property": "to"})
        details.extend(validate_messages(body.get("messages")))
        if details:
            return web.json_response(error_body(details), status=400)
        # a concurrent request with the same key may have been accepted meanwhile
        key = self._retry_key(request)
        if isinstance(key, web.Response):
            return key
        assert isinstance(to, str)
        cost_info = self._recipient_cost(to)
        if cost_info is None:
            return self._error(400, "Failed to send messages")
        delivered, cost = cost_info
        messages = body["messages"]
        if self._quota_exceeded(cost):
            return self._error(429, MONTHLY_LIMIT)
        self.usage += cost
        mids, sent = self._sent_messages(messages)
        self._record(
            "push",
            to,
            messages,
            delivered,
            request[_REQUEST_ID],
            mids,
            retry_key=key,
            notification_disabled=bool(body.get("notificationDisabled")),
        )
        if key is not None:
            self._retry_keys[key] = (request[_REQUEST_ID], sent, self.clock())
        return web.json_response({"sentMessages": sent})

    async def _h_multicast(self, request: web.Request) -> web.Response:
        key = self._retry_key(request)
        if isinstance(key, web.Response):
            return key
        body = await self._json_body(request)
        if isinstance(body, web.Response):
            return body
        details = []
        to = body.get("to")
        if not isinstance(to, list) or not (1 <= len(to) <= 500):
            details.append({"message": "Size must be between 1 and 500", "property": "to"})
        else:
            for i, uid in enumerate(to):
                if not isinstance(uid, str) or ids.chat_kind(uid) != "user":
                    details.append({"message": "Must be a valid user ID", "property": f"to[{i}]"})
        details.extend(validate_messages(body.get("messages")))
        if details:
            return web.json_response(error_body(details), status=400)
        key = self._retry_key(request)
        if isinstance(key, web.Response):
            return key
        assert isinstance(to, list)
        return self._fan_out("multicast", request, body, list(dict.fromkeys(to)), key)

    async def _h_broadcast(self, request: web.Request) -> web.Response:
        key = self._retry_key(request)
        if isinstance(key, web.Response):
            return key
        body = await self._json_body(request)
        if isinstance(body, web.Response):
            return body
        details = validate_messages(body.get("messages"))
        if details:
            return web.json_response(error_body(details), status=400)
        key = self._retry_key(request)
        if isinstance(key, web.Response):
            return key
        recipients = [uid for uid, f in self.friends.items() if not f.blocked]
        return self._fan_out("broadcast", request, body, recipients, key)

    def _fan_out(
        self, kind: str, request: web.Request, body: JSON, recipients: list[str], key: str | None
    ) -> web.Response:
        messages = body["messages"]
        delivered_flags = {
            uid: (uid in self.friends and not self.friends[uid].blocked) for uid in recipients
        }
        cost = sum(delivered_flags.values())
        if self._quota_exceeded(cost):
            return self._error(429, MONTHLY_LIMIT)
        self.usage += cost
        for uid in recipients:
            mids, _ = self._sent_messages(messages)
            self._record(
                kind,
                uid,
                messages,
                delivered_flags[uid],
                request[_REQUEST_ID],
                mids,
                retry_key=key,
                notification_disabled=bool(body.get("notificationDisabled")),
            )
        if key is not None:
            self._retry_keys[key] = (request[_REQUEST_ID], [], self.clock())
        return web.json_response({})

    # ---- reads

    async def _h_quota(self, request: web.Request) -> web.Response:
        if self.monthly_limit is None:
            return web.json_response({"type": "none"})
        return web.json_response({"type": "limited", "value": self.monthly_limit})

    async def _h_consumption(self, request: web.Request) -> web.Response:
        return web.json_response({"totalUsage": self.usage})

    async def _h_content(self, request: web.Request) -> web.Response:
        content = self._content.get(request.match_info["message_id"])
        if content is None:
            return self._error(404, NOT_FOUND)
        return web.Response(body=content.data, content_type=content.content_type)

    async def _h_transcoding(self, request: web.Request) -> web.Response:
        if request.match_info["message_id"] not in self._content:
            return self._error(404, NOT_FOUND)
        return web.json_response({"status": "succeeded"})

    async def _h_profile(self, request: web.Request) -> web.Response:
        friend = self.friends.get(request.match_info["user_id"])
        if friend is None or friend.blocked:
            return self._error(404, NOT_FOUND)
        body: JSON = {"displayName": friend.display_name, "userId": friend.user_id}
        if friend.picture_url:
            body["pictureUrl"] = friend.picture_url
        if friend.status_message:
            body["statusMessage"] = friend.status_message
        if friend.language:
            body["language"] = friend.language
        return web.json_response(body)

    def _chat_for(self, request: web.Request) -> Chat | None:
        kind = "group" if request.path.startswith("/v2/bot/group/") else "room"
        chat = self.chats.get(request.match_info["chat_id"])
        if chat is None or chat.kind != kind or not chat.bot_in:
            return None
        return chat

    async def _h_group_summary(self, request: web.Request) -> web.Response:
        chat = self._chat_for(request)
        if chat is None:
            return self._error(404, NOT_FOUND)
        body: JSON = {"groupId": chat.chat_id, "groupName": chat.name}
        if chat.picture_url:
            body["pictureUrl"] = chat.picture_url
        return web.json_response(body)

    async def _h_member_count(self, request: web.Request) -> web.Response:
        chat = self._chat_for(request)
        if chat is None:
            return self._error(404, NOT_FOUND)
        return web.json_response({"count": len(chat.members)})

    async def _h_member_ids(self, request: web.Request) -> web.Response:
        chat = self._chat_for(request)
        if chat is None:
            return self._error(404, NOT_FOUND)
        return web.json_response({"memberIds": list(chat.members)})

    async def _h_member_profile(self, request: web.Request) -> web.Response:
        chat = self._chat_for(request)
        user_id = request.match_info["user_id"]
        if chat is None or user_id not in chat.members:
            return self._error(404, NOT_FOUND)
        body: JSON = {"displayName": chat.members[user_id], "userId": user_id}
        friend = self.friends.get(user_id)
        if friend is not None and friend.picture_url:
            body["pictureUrl"] = friend.picture_url
        return web.json_response(body)

    async def _h_leave(self, request: web.Request) -> web.Response:
        chat = self._chat_for(request)
        if chat is None:
            return self._error(404, NOT_FOUND)
        chat.bot_in = False
        self._log_system(chat.chat_id, "left", self.bot_name)
        return web.json_response({})

    async def _h_bot_info(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "userId": self.bot_user_id,
                "basicId": "@" + self.bot_user_id[1:9],
                "displayName": self.bot_name,
                "chatMode": "bot",
                "markAsReadMode": "auto",
            }
        )

    async def _h_mark_as_read(self, request: web.Request) -> web.Response:
        body = await self._json_body(request)
        if isinstance(body, web.Response):
            return body
        chat = body.get("chat")
        if not isinstance(chat, dict) or not isinstance(chat.get("userId"), str):
            details = [{"message": "Must not be empty", "property": "chat.userId"}]
            return web.json_response(error_body(details), status=400)
        return web.json_response({})

    async def _h_loading(self, request: web.Request) -> web.Response:
        body = await self._json_body(request)
        if isinstance(body, web.Response):
            return body
        chat_id = body.get("chatId")
        seconds = body.get("loadingSeconds", 20)
        details = []
        if not isinstance(chat_id, str) or ids.chat_kind(chat_id) != "user":
            details.append({"message": "Must be a valid user ID", "property": "chatId"})
        if not isinstance(seconds, int) or seconds % 5 or not 5 <= seconds <= 60:
            details.append(
                {
                    "message": "Must be a multiple of 5 between 5 and 60",
                    "property": "loadingSeconds",
                }
            )
        if details:
            return web.json_response(error_body(details), status=400)
        return web.json_response({}, status=202)

    # ------------------------------------------------------------------ webhook events

    def _now_ms(self) -> int:
        return int(self.clock() * 1000)

    def _issue_reply_token(self, chat_id: str) -> str:
        token = self._token(16)
        self._reply_tokens[token] = _ReplyToken(chat_id, self.clock())
        return token

    def reply_token_valid(self, token: str) -> bool:
        issued = self._reply_tokens.get(token)
        return (
            issued is not None
            and not issued.used
            and not issued.expired
            and self.clock() - issued.issued <= self.reply_token_ttl
        )

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

    def _log(self, chat_id: str, sender: str | None, kind: str, message: JSON) -> ChatEntry:
        entry = ChatEntry(self._next_seq(), self.clock(), chat_id, sender, kind, message)
        self.chat_log.append(entry)
        return entry

    def _log_system(self, chat_id: str, event: str, name: str) -> None:
        self._log(chat_id, None, "system", {"type": "system", "event": event, "name": name})

    def _new_inbound_message(self, chat_id: str, message_id: str | None, sender: str) -> str:
        chat = self.chats.get(chat_id)
        if chat is not None and sender not in chat.members:
            # only members can post: a sender we did not know joins silently
            self.add_member(chat_id, sender, self.users.get(sender) or f"User {sender[1:5]}")
        mid = message_id or self._next_message_id()
        self._message_chat[mid] = chat_id
        return mid

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
        self._log(chat_id, user_id, "message", message)
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
        self._log(chat_id, user_id, "message", message)
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
        self._log(chat_id, user_id, "message", message)
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
        self._log_system(chat, "joined", self.bot_name)
        return self._event("join", self._source(None, chat), reply=True, timestamp_ms=timestamp_ms)

    def leave_event(self, chat: str, *, timestamp_ms: int | None = None) -> JSON:
        """The bot was removed from ``chat``."""
        if chat in self.chats:
            self.chats[chat].bot_in = False
        self._log_system(chat, "left", self.bot_name)
        return self._event(
            "leave", self._source(None, chat), reply=False, timestamp_ms=timestamp_ms
        )

    def member_joined_event(
        self, chat: str, members: dict[str, str], *, timestamp_ms: int | None = None
    ) -> JSON:
        """``members`` ({user ID: display name}) join ``chat``."""
        for uid, name in members.items():
            self.add_member(chat, uid, name)
            self._log_system(chat, "joined", name)
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
            self._log_system(chat, "left", name)
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
            self._log(chat or user_id, user_id, "message", {"type": "text", "text": display_text})
        return self._event(
            "postback",
            self._source(user_id, chat),
            reply=True,
            timestamp_ms=timestamp_ms,
            postback=postback,
        )

    # ------------------------------------------------------------------ webhook delivery

    def sign(self, body: bytes) -> str:
        """X-Line-Signature: base64 HMAC-SHA256 of the raw body with the channel secret."""
        digest = hmac.new(self.channel_secret.encode(), body, hashlib.sha256).digest()
        return base64.b64encode(digest).decode()

    def webhook_body(self, events: JSON | list[JSON], *, redelivery: bool = False) -> bytes:
        """The raw body LINE would POST for ``events``."""
        if isinstance(events, dict):
            events = [events]
        if redelivery:
            events = [
                {**e, "deliveryContext": {**e.get("deliveryContext", {}), "isRedelivery": True}}
                for e in events
            ]
        payload = {"destination": self.bot_user_id, "events": events}
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()

    async def deliver(
        self,
        url: str,
        events: JSON | list[JSON] | None = None,
        *,
        redelivery: bool = False,
        body: bytes | None = None,
        signature: str | SignatureDefault | None = SIGN,
        content_type: str = "application/json; charset=utf-8",
        timeout: float = 10.0,
    ) -> int:
        """POST a webhook to ``url`` the way LINE does; return the HTTP status.

        ``body`` sends raw bytes instead of ``events``; ``signature=None`` omits
        the X-Line-Signature header and a string sends that value instead of the
        real signature (for negative tests).
        """
        raw = body if body is not None else self.webhook_body(events or [], redelivery=redelivery)
        headers = {"Content-Type": content_type, "User-Agent": "LineBotWebhook/2.0"}
        if isinstance(signature, SignatureDefault):
            headers["X-Line-Signature"] = self.sign(raw)
        elif signature is not None:
            headers["X-Line-Signature"] = signature
        if self._session is None or self._session.closed:
            self._session = ClientSession()
        started = time.perf_counter()
        async with self._session.post(
            url, data=raw, headers=headers, timeout=ClientTimeout(total=timeout)
        ) as resp:
            await resp.read()
            status = resp.status
        self.webhooks.append((status, time.perf_counter() - started))
        return status
