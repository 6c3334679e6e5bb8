"""The sending routes: reply, push, multicast, broadcast. Reply tokens, retry keys
(X-Line-Retry-Key, 409 within 24 h), recipients counted against the monthly quota, every
accepted send recorded in the world."""

from __future__ import annotations

import uuid

from aiohttp import web

from devtools import ids
from devtools.fakeline.models import JSON
from devtools.fakeline.responses import (
    INVALID_REPLY_TOKEN,
    MONTHLY_LIMIT,
    REQUEST_ID,
    RETRY_KEY_ACCEPTED,
    RETRY_KEY_TTL,
    error,
    json_body,
)
from devtools.fakeline.validation import error_body, validate_messages
from devtools.fakeline.world import WORLD, World

routes = web.RouteTableDef()


@routes.post("/v2/bot/message/reply")
async def reply(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    if request.headers.get("X-Line-Retry-Key") is not None:
        return error(400, "X-Line-Retry-Key header is not supported for this API")
    body = await json_body(request)
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
    issued = line.reply_tokens.get(token)
    if (
        issued is None
        or issued.used
        or issued.expired
        or line.clock() - issued.issued > line.reply_token_ttl
    ):
        return error(400, INVALID_REPLY_TOKEN)
    issued.used = True
    messages = body["messages"]
    mids, sent = line.sent_message_ids(messages)
    line.record_send(
        "reply",
        issued.chat_id,
        messages,
        True,
        request[REQUEST_ID],
        mids,
        reply_token=token,
        notification_disabled=bool(body.get("notificationDisabled")),
    )
    return web.json_response({"sentMessages": sent})


@routes.post("/v2/bot/message/push")
async def push(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    key = _retry_key(line, request)
    if isinstance(key, web.Response):
        return key
    body = await json_body(request)
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
    key = _retry_key(line, request)
    if isinstance(key, web.Response):
        return key
    assert isinstance(to, str)
    cost_info = line.recipient_cost(to)
    if cost_info is None:
        return error(400, "Failed to send messages")
    delivered, cost = cost_info
    messages = body["messages"]
    if line.quota_exceeded(cost):
        return error(429, MONTHLY_LIMIT)
    line.usage += cost
    mids, sent = line.sent_message_ids(messages)
    line.record_send(
        "push",
        to,
        messages,
        delivered,
        request[REQUEST_ID],
        mids,
        retry_key=key,
        notification_disabled=bool(body.get("notificationDisabled")),
    )
    if key is not None:
        line.retry_keys[key] = (request[REQUEST_ID], sent, line.clock())
    return web.json_response({"sentMessages": sent})


@routes.post("/v2/bot/message/multicast")
async def multicast(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    key = _retry_key(line, request)
    if isinstance(key, web.Response):
        return key
    body = await json_body(request)
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
    key = _retry_key(line, request)
    if isinstance(key, web.Response):
        return key
    assert isinstance(to, list)
    return _fan_out(line, "multicast", request, body, list(dict.fromkeys(to)), key)


@routes.post("/v2/bot/message/broadcast")
async def broadcast(request: web.Request) -> web.Response:
    line = request.app[WORLD]
    key = _retry_key(line, request)
    if isinstance(key, web.Response):
        return key
    body = await json_body(request)
    if isinstance(body, web.Response):
        return body
    details = validate_messages(body.get("messages"))
    if details:
        return web.json_response(error_body(details), status=400)
    key = _retry_key(line, request)
    if isinstance(key, web.Response):
        return key
    recipients = [uid for uid, f in line.friends.items() if not f.blocked]
    return _fan_out(line, "broadcast", request, body, recipients, key)


def _fan_out(
    line: World, kind: str, request: web.Request, body: JSON, recipients: list[str], key: str | None
) -> web.Response:
    messages = body["messages"]
    delivered_flags = {
        uid: (uid in line.friends and not line.friends[uid].blocked) for uid in recipients
    }
    cost = sum(delivered_flags.values())
    if line.quota_exceeded(cost):
        return error(429, MONTHLY_LIMIT)
    line.usage += cost
    for uid in recipients:
        mids, _ = line.sent_message_ids(messages)
        line.record_send(
            kind,
            uid,
            messages,
            delivered_flags[uid],
            request[REQUEST_ID],
            mids,
            retry_key=key,
            notification_disabled=bool(body.get("notificationDisabled")),
        )
    if key is not None:
        line.retry_keys[key] = (request[REQUEST_ID], [], line.clock())
    return web.json_response({})


# ---- reads


def _retry_key(line: World, request: web.Request) -> str | web.Response | None:
    key = request.headers.get("X-Line-Retry-Key")
    if key is None:
        return None
    try:
        uuid.UUID(key)
    except ValueError:
        return error(400, "The value of the X-Line-Retry-Key header is invalid")
    accepted = line.retry_keys.get(key.lower())
    if accepted is not None and line.clock() - accepted[2] < RETRY_KEY_TTL:
        request_id, sent, _ = accepted
        extra: JSON = {"sentMessages": sent} if sent else {}
        resp = error(409, RETRY_KEY_ACCEPTED, **extra)
        resp.headers["x-line-accepted-request-id"] = request_id
        return resp
    return key.lower()
