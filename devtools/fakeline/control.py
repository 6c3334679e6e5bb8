"""A small control API for the standalone platform (``python -m devtools.fakeline``).

In-process users call the platform's methods; a bot started in another
process (``bot.py serve`` with ``LINE_API_BASE_URL`` pointing here) is driven
through these routes, which live outside LINE's ``/v2/`` namespace and need no
token:

- ``GET  /__fakeline__/sent``                          every recorded send (JSON list)
- ``GET  /__fakeline__/transcript?chat=ID&viewer=ID``  the chat as plain text
- ``POST /__fakeline__/world``   ``{"friends": {uid: name}, "groups": {gid: {"name": ...,
  "members": {uid: name}}}, "rooms": {rid: {"members": {...}}}, "quota": 1000}``
- ``POST /__fakeline__/events``  ``{"url": webhook, "redelivery": false, "events": [
  {"type": "text", "user": uid, "chat": gid, "text": "...", "mentions": [uid]},
  {"type": "image", "user": uid, "chat": gid, "content_b64": "...", "content_type": "image/png"},
  {"type": "unsend", "user": uid, "chat": gid, "messageId": "..."},
  {"type": "join" | "leave", "chat": gid}, {"type": "follow" | "unfollow", "user": uid},
  {"type": "postback", "user": uid, "chat": gid, "data": "..."}]}``
  builds the events (reply tokens issued), delivers them signed and answers
  ``{"status": <webhook status>, "events": [...]}``.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    from devtools.fakeline.platform import FakeLinePlatform

PREFIX = "/__fakeline__"


def apply_world(platform: FakeLinePlatform, world: dict[str, Any]) -> None:
    """Load friends, groups, rooms and the quota from a JSON-like dict."""
    for uid, name in (world.get("users") or {}).items():
        platform.add_user(uid, name)
    for uid, name in (world.get("friends") or {}).items():
        platform.add_friend(uid, name)
    for gid, group in (world.get("groups") or {}).items():
        platform.add_group(gid, group.get("name", ""), group.get("members") or {})
    for rid, room in (world.get("rooms") or {}).items():
        platform.add_room(rid, room.get("members") or {})
    if "quota" in world:
        platform.set_monthly_limit(world["quota"])


def build_event(platform: FakeLinePlatform, spec: dict[str, Any]) -> dict[str, Any]:
    """One webhook event from a compact spec (see the module docstring)."""
    etype = spec.get("type")
    user: str = spec.get("user") or ""
    chat: str | None = spec.get("chat")
    chat_id: str = chat or ""
    if etype == "text":
        return platform.text_event(
            user, spec["text"], chat=chat, mentions=spec.get("mentions"),
            quoted_message_id=spec.get("quotedMessageId"),
        )  # fmt: skip
    if etype == "image":
        content = base64.b64decode(spec["content_b64"]) if spec.get("content_b64") else None
        image_set = spec.get("imageSet")
        return platform.image_event(
            user,
            chat=chat,
            content=content,
            content_type=spec.get("content_type", "image/jpeg"),
            image_set=(image_set["id"], image_set["index"], image_set["total"])
            if image_set
            else None,
        )
    if etype == "unsend":
        return platform.unsend_event(user, spec["messageId"], chat=chat)
    if etype == "join":
        return platform.join_event(chat_id)
    if etype == "leave":
        return platform.leave_event(chat_id)
    if etype == "follow":
        return platform.follow_event(user, spec.get("name"))
    if etype == "unfollow":
        return platform.unfollow_event(user)
    if etype == "postback":
        return platform.postback_event(user, spec["data"], chat=chat)
    if etype == "memberJoined":
        return platform.member_joined_event(chat_id, spec["members"])
    if etype == "memberLeft":
        return platform.member_left_event(chat_id, spec["members"])
    raise ValueError(f"unknown event type {etype!r}")


def add_routes(app: web.Application, platform: FakeLinePlatform) -> None:
    async def sent(request: web.Request) -> web.Response:
        return web.json_response([s.to_json() for s in platform.sent])

    async def transcript(request: web.Request) -> web.Response:
        chat = request.query.get("chat")
        if not chat:
            return web.json_response({"message": "chat is required"}, status=400)
        return web.Response(text=platform.transcript(chat, viewer=request.query.get("viewer")))

    async def world(request: web.Request) -> web.Response:
        apply_world(platform, await request.json())
        return web.json_response({"botUserId": platform.bot_user_id})

    async def events(request: web.Request) -> web.Response:
        body = await request.json()
        try:
            built = [build_event(platform, spec) for spec in body.get("events") or []]
        except (KeyError, ValueError) as exc:
            return web.json_response({"message": f"bad event spec: {exc}"}, status=400)
        status = await platform.deliver(body["url"], built, redelivery=bool(body.get("redelivery")))
        return web.json_response({"status": status, "events": built})

    app.router.add_get(f"{PREFIX}/sent", sent)
    app.router.add_get(f"{PREFIX}/transcript", transcript)
    app.router.add_post(f"{PREFIX}/world", world)
    app.router.add_post(f"{PREFIX}/events", events)
