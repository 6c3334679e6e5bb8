"""LINE's error answers, word for word, and the request checks every /v2/ route shares
(bearer token, JSON object body), with the request ID the middleware gives each call."""

from __future__ import annotations

import hmac
import json
from typing import Any

from aiohttp import web

from devtools.fakeline.models import JSON

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

STATUS_MESSAGES = {
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

REQUEST_ID = web.RequestKey("fakeline_request_id", str)


def error(
    status: int, message: str, *, details: list[dict[str, str]] | None = None, **extra: Any
) -> web.Response:
    body: JSON = {"message": message}
    if details:
        body["details"] = details
    body.update(extra)
    return web.json_response(body, status=status)


def check_auth(request: web.Request, access_token: str) -> web.Response | None:
    header = request.headers.get("Authorization")
    if not header or not header.startswith("Bearer "):
        return error(401, AUTH_MISSING)
    if not hmac.compare_digest(header[len("Bearer ") :].strip(), access_token):
        return error(401, AUTH_INVALID)
    return None


async def json_body(request: web.Request) -> JSON | web.Response:
    try:
        body = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return error(
            400,
            "The request body has 1 error(s)",
            details=[{"message": "Invalid JSON", "property": ""}],
        )
    if not isinstance(body, dict):
        return error(
            400,
            "The request body has 1 error(s)",
            details=[{"message": "Must be an object", "property": ""}],
        )
    return body
