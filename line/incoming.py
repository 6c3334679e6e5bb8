"""`Incoming`: a webhook event as the handlers and the incident lifecycle use it.

Built once per event (`Incoming.of(event, deps.lookups)`), it carries what they need
without probing the SDK event again: the chat and the sender (`where`), the message id,
text and quote token, the reply token and the event time. The chat's language and the
group's name are looked up at most once per event (the first time they are asked for).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import cached_property

from linebot.v3.webhooks import Event

from line.lookups import Lookups, Where, where

REPLY_TOKEN_FRESH_SECONDS = 50.0  # LINE's reply tokens last about a minute


@dataclass
class Incoming:
    where: Where
    lookups: Lookups
    reply_token: str | None = None
    timestamp_ms: float | None = None  # LINE's event time, milliseconds since the epoch
    message_id: str | None = None
    text: str | None = None  # a text message's text (never stored, never logged)
    quote_token: str | None = None
    _group_name: str | None = field(default=None, init=False, repr=False)
    _group_name_asked: bool = field(default=False, init=False, repr=False)

    @classmethod
    def of(cls, event: Event, lookups: Lookups) -> Incoming:
        message = getattr(event, "message", None)
        ts = getattr(event, "timestamp", None)
        text = getattr(message, "text", None)
        token = getattr(event, "reply_token", None)
        return cls(
            where=where(getattr(event, "source", None)),
            lookups=lookups,
            reply_token=token or None,
            timestamp_ms=float(ts) if isinstance(ts, int | float) and ts > 0 else None,
            message_id=str(mid) if (mid := getattr(message, "id", None)) else None,
            text=text if isinstance(text, str) else None,
            quote_token=getattr(message, "quote_token", None),
        )

    @property
    def chat_id(self) -> str | None:
        return self.where.chat_id

    @property
    def user_id(self) -> str | None:
        return self.where.user_id

    @property
    def is_group(self) -> bool:
        return self.where.is_group

    @property
    def is_user(self) -> bool:
        """A 1:1 chat with a known user."""
        return self.where.chat_type == "user" and bool(self.where.user_id)

    def fresh_reply_token(self) -> str | None:
        """The reply token if it is still fresh enough to be worth trying."""
        if not self.reply_token:
            return None
        if (
            self.timestamp_ms is not None
            and time.time() - self.timestamp_ms / 1000.0 > REPLY_TOKEN_FRESH_SECONDS
        ):
            return None
        return str(self.reply_token)

    def event_time(self, now: float) -> float:
        """When it happened (LINE's timestamp), else `now`."""
        return self.timestamp_ms / 1000.0 if self.timestamp_ms is not None else now

    @cached_property
    def locale(self) -> str:
        """The chat's language in a group or room, the person's in a 1:1 chat."""
        return self.lookups.locale_of(self.where)

    @cached_property
    def chat_locale(self) -> str:
        """The chat's language (the configured one outside groups and rooms)."""
        return self.lookups.chat_locale(self.where.chat_id)

    async def group_name(self) -> str | None:
        if not self._group_name_asked:
            self._group_name = await self.lookups.group_name(self.where)
            self._group_name_asked = True
        return self._group_name
