"""fakeline: a local LINE platform on 127.0.0.1 that speaks the real Messaging API.

    async with FakeLinePlatform(secret, token) as p:
        config = Configuration(host=p.base_url, access_token=token)
        ...

See ``fakeline.platform.FakeLinePlatform`` for the world model, recording,
failure injection, webhook event builders and delivery.
"""

from devtools.fakeline.models import SIGN, Chat, ChatEntry, Friend, SentMessage
from devtools.fakeline.platform import FakeLinePlatform
from devtools.fakeline.transcript import render_message_plain, render_text_v2, transcript
from devtools.ids import group_id, room_id, ulid, user_id

__all__ = [
    "SIGN",
    "Chat",
    "ChatEntry",
    "FakeLinePlatform",
    "Friend",
    "SentMessage",
    "group_id",
    "render_message_plain",
    "render_text_v2",
    "room_id",
    "transcript",
    "ulid",
    "user_id",
]
