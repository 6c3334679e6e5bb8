"""The reading routes: quota and consumption, message contents, profiles, group and room
summaries and members, leaving a chat, bot info, the loading animation, mark as read."""

from __future__ import annotations

from aiohttp import web

from devtools import ids
from devtools.fakeline.models import JSON, Chat
from devtools.fakeline.responses import NOT_FOUND, error, json_body
from devtools.fakeline.validation import error_body
from devtools.fakeline.world import WORLD, World

routes = web.RouteTableDef()


@routes.get("/v2/bot/message/quota")
async def quota(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    if line.monthly_limit is None:
        return web.json_response({"type": "none"})
    return web.json_response({"type": "limited", "value": line.monthly_limit})


@routes.get("/v2/bot/message/quota/consumption")
async def consumption(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    return web.json_response({"totalUsage": line.usage})


@routes.get("/v2/bot/message/{message_id}/content")
@routes.get("/v2/bot/message/{message_id}/content/preview")
async def content(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    content = line.contents.get(request.match_info["message_id"])
    if content is None:
        return error(404, NOT_FOUND)
    return web.Response(body=content.data, content_type=content.content_type)


@routes.get("/v2/bot/message/{message_id}/content/transcoding")
async def transcoding(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    if request.match_info["message_id"] not in line.contents:
        return error(404, NOT_FOUND)
    return web.json_response({"status": "succeeded"})


@routes.get("/v2/bot/profile/{user_id}")
async def profile(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    friend = line.friends.get(request.match_info["user_id"])
    if friend is None or friend.blocked:
        return error(404, NOT_FOUND)
    body: JSON = {"displayName": friend.display_name, "userId": friend.user_id}
    if friend.picture_url:
        body["pictureUrl"] = friend.picture_url
    if friend.status_message:
        body["statusMessage"] = friend.status_message
    if friend.language:
        body["language"] = friend.language
    return web.json_response(body)


def _chat_for(line: World, request: web.Request) -> Chat | None:
    kind = "group" if request.path.startswith("/v2/bot/group/") else "room"
    chat = line.chats.get(request.match_info["chat_id"])
    if chat is None or chat.kind != kind or not chat.bot_in:
        return None
    return chat


@routes.get("/v2/bot/group/{chat_id}/summary")
async def group_summary(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    chat = _chat_for(line, request)
    if chat is None:
        return error(404, NOT_FOUND)
    body: JSON = {"groupId": chat.chat_id, "groupName": chat.name}
    if chat.picture_url:
        body["pictureUrl"] = chat.picture_url
    return web.json_response(body)


@routes.get("/v2/bot/group/{chat_id}/members/count")
@routes.get("/v2/bot/room/{chat_id}/members/count")
async def member_count(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    chat = _chat_for(line, request)
    if chat is None:
        return error(404, NOT_FOUND)
    return web.json_response({"count": len(chat.members)})


@routes.get("/v2/bot/group/{chat_id}/members/ids")
@routes.get("/v2/bot/room/{chat_id}/members/ids")
async def member_ids(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    chat = _chat_for(line, request)
    if chat is None:
        return error(404, NOT_FOUND)
    return web.json_response({"memberIds": list(chat.members)})


@routes.get("/v2/bot/group/{chat_id}/member/{user_id}")
@routes.get("/v2/bot/room/{chat_id}/member/{user_id}")
async def member_profile(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    chat = _chat_for(line, request)
    user_id = request.match_info["user_id"]
    if chat is None or user_id not in chat.members:
        return error(404, NOT_FOUND)
    body: JSON = {"displayName": chat.members[user_id], "userId": user_id}
    friend = line.friends.get(user_id)
    if friend is not None and friend.picture_url:
        body["pictureUrl"] = friend.picture_url
    return web.json_response(body)


@routes.post("/v2/bot/group/{chat_id}/leave")
@routes.post("/v2/bot/room/{chat_id}/leave")
async def leave(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    chat = _chat_for(line, request)
    if chat is None:
        return error(404, NOT_FOUND)
    chat.bot_in = False
    line.log_system(chat.chat_id, "left", line.bot_name)
    return web.json_response({})


@routes.get("/v2/bot/info")
async def bot_info(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    return web.json_response(
        {
            "userId": line.bot_user_id,
            "basicId": "@" + line.bot_user_id[1:9],
            "displayName": line.bot_name,
            "chatMode": "bot",
            "markAsReadMode": "auto",
        }
    )


@routes.post("/v2/bot/chat/markAsRead")
async def mark_as_read(request: web.Request) -> web.Response:
    body = await json_body(request)
    if isinstance(body, web.Response):
        return body
    chat = body.get("chat")
    if not isinstance(chat, dict) or not isinstance(chat.get("userId"), str):
        details = [{"message": "Must not be empty", "property": "chat.userId"}]
        return web.json_response(error_body(details), status=400)
    return web.json_response({})


@routes.post("/v2/bot/chat/loading/start")
async def loading(request: web.Request) -> web.Response:
    body = await json_body(request)
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
