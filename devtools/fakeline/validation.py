"""Minimal validation of Messaging API message objects, the way LINE answers.

LINE rejects a bad message object with 400 and a body such as::

    {"message": "The request body has 2 error(s)",
     "details": [{"message": "May not be empty", "property": "messages[0].text"},
                 {"message": "Must be one of the following values: [...]",
                  "property": "messages[1].type"}]}

Only the rules a bot is likely to break are checked: sizes, required fields,
lengths, known types, textV2 substitutions, template buttons and quick replies.
"""

from __future__ import annotations

import re
from typing import Any

MAX_MESSAGES = 5
MAX_TEXT = 5000
MAX_ALT_TEXT = 400
MAX_LABEL = 20
MAX_POSTBACK_DATA = 300
MAX_QUICK_REPLY_ITEMS = 13
MAX_URL = 2000

MESSAGE_TYPES = (
    "text",
    "image",
    "video",
    "audio",
    "location",
    "sticker",
    "template",
    "imagemap",
    "flex",
    "textV2",
)
TEMPLATE_TYPES = ("buttons", "confirm", "carousel", "image_carousel")
ACTION_TYPES = (
    "postback",
    "message",
    "uri",
    "datetimepicker",
    "camera",
    "cameraRoll",
    "location",
    "richmenuswitch",
    "clipboard",
)
SUBSTITUTION_KEY = re.compile(r"^[A-Za-z0-9_]{1,20}$")

Details = list[dict[str, str]]


def error_body(details: Details) -> dict[str, Any]:
    """The JSON body LINE sends with a 400 for an invalid request body."""
    return {"message": f"The request body has {len(details)} error(s)", "details": details}


def _err(details: Details, prop: str, message: str) -> None:
    details.append({"message": message, "property": prop})


def _str_field(
    details: Details,
    obj: dict[str, Any],
    key: str,
    prop: str,
    *,
    max_len: int | None = None,
    required: bool = True,
) -> str | None:
    value = obj.get(key)
    if value is None:
        if required:
            _err(details, f"{prop}.{key}", "Must not be empty")
        return None
    if not isinstance(value, str):
        _err(details, f"{prop}.{key}", "Must be a string")
        return None
    if required and value == "":
        _err(details, f"{prop}.{key}", "May not be empty")
        return None
    if max_len is not None and len(value) > max_len:
        _err(details, f"{prop}.{key}", f"Length must be between 0 and {max_len}")
    return value


def _https_url(details: Details, obj: dict[str, Any], key: str, prop: str) -> None:
    value = _str_field(details, obj, key, prop, max_len=MAX_URL)
    if value is not None and not value.startswith("https://"):
        _err(details, f"{prop}.{key}", "Must be a valid HTTPS URL")


def validate_action(
    details: Details, action: Any, prop: str, *, label_required: bool = True
) -> None:
    if not isinstance(action, dict):
        _err(details, prop, "Must be an object")
        return
    atype = action.get("type")
    if atype not in ACTION_TYPES:
        _err(
            details,
            f"{prop}.type",
            "Must be one of the following values: [" + ", ".join(ACTION_TYPES) + "]",
        )
        return
    _str_field(details, action, "label", prop, max_len=MAX_LABEL, required=label_required)
    if atype == "postback":
        _str_field(details, action, "data", prop, max_len=MAX_POSTBACK_DATA)
        _str_field(details, action, "displayText", prop, max_len=300, required=False)
    elif atype == "message":
        _str_field(details, action, "text", prop, max_len=300)
    elif atype == "uri":
        _str_field(details, action, "uri", prop, max_len=1000)
    elif atype == "datetimepicker":
        _str_field(details, action, "data", prop, max_len=MAX_POSTBACK_DATA)
        if action.get("mode") not in ("date", "time", "datetime"):
            _err(
                details,
                f"{prop}.mode",
                "Must be one of the following values: [date, time, datetime]",
            )


def _validate_actions(details: Details, actions: Any, prop: str, *, min_n: int, max_n: int) -> None:
    if not isinstance(actions, list) or not (min_n <= len(actions) <= max_n):
        _err(details, prop, f"Size must be between {min_n} and {max_n}")
        return
    for i, action in enumerate(actions):
        validate_action(details, action, f"{prop}[{i}]")


def _validate_template(details: Details, template: Any, prop: str) -> None:
    if not isinstance(template, dict):
        _err(details, prop, "Must not be empty")
        return
    ttype = template.get("type")
    if ttype not in TEMPLATE_TYPES:
        _err(
            details,
            f"{prop}.type",
            "Must be one of the following values: [" + ", ".join(TEMPLATE_TYPES) + "]",
        )
        return
    if ttype == "buttons":
        has_title_or_image = bool(template.get("title") or template.get("thumbnailImageUrl"))
        _str_field(details, template, "title", prop, max_len=40, required=False)
        _str_field(details, template, "text", prop, max_len=60 if has_title_or_image else 160)
        _validate_actions(details, template.get("actions"), f"{prop}.actions", min_n=1, max_n=4)
        if template.get("defaultAction") is not None:
            validate_action(
                details, template["defaultAction"], f"{prop}.defaultAction", label_required=False
            )
    elif ttype == "confirm":
        _str_field(details, template, "text", prop, max_len=240)
        _validate_actions(details, template.get("actions"), f"{prop}.actions", min_n=2, max_n=2)
    elif ttype in ("carousel", "image_carousel"):
        columns = template.get("columns")
        if not isinstance(columns, list) or not (1 <= len(columns) <= 10):
            _err(details, f"{prop}.columns", "Size must be between 1 and 10")
            return
        for i, column in enumerate(columns):
            cprop = f"{prop}.columns[{i}]"
            if not isinstance(column, dict):
                _err(details, cprop, "Must be an object")
                continue
            if ttype == "carousel":
                _str_field(details, column, "text", cprop, max_len=120)
                _validate_actions(
                    details, column.get("actions"), f"{cprop}.actions", min_n=1, max_n=3
                )
            else:
                _https_url(details, column, "imageUrl", cprop)
                validate_action(
                    details, column.get("action"), f"{cprop}.action", label_required=False
                )


def _validate_text_v2(details: Details, message: dict[str, Any], prop: str) -> None:
    _str_field(details, message, "text", prop, max_len=MAX_TEXT)
    substitution = message.get("substitution")
    if substitution is None:
        return
    if not isinstance(substitution, dict):
        _err(details, f"{prop}.substitution", "Must be an object")
        return
    if len(substitution) > 100:
        _err(details, f"{prop}.substitution", "Size must be between 0 and 100")
    for key, sub in substitution.items():
        sprop = f"{prop}.substitution.{key}"
        if not SUBSTITUTION_KEY.match(key):
            _err(details, sprop, "Key must match ^[A-Za-z0-9_]{1,20}$")
        if not isinstance(sub, dict):
            _err(details, sprop, "Must be an object")
            continue
        stype = sub.get("type")
        if stype == "mention":
            mentionee = sub.get("mentionee")
            if not isinstance(mentionee, dict):
                _err(details, f"{sprop}.mentionee", "Must not be empty")
                continue
            mtype = mentionee.get("type")
            if mtype == "user":
                _str_field(details, mentionee, "userId", f"{sprop}.mentionee")
            elif mtype != "all":
                _err(
                    details,
                    f"{sprop}.mentionee.type",
                    "Must be one of the following values: [user, all]",
                )
        elif stype == "emoji":
            _str_field(details, sub, "productId", sprop)
            _str_field(details, sub, "emojiId", sprop)
        else:
            _err(details, f"{sprop}.type", "Must be one of the following values: [mention, emoji]")


def _validate_quick_reply(details: Details, quick_reply: Any, prop: str) -> None:
    if not isinstance(quick_reply, dict):
        _err(details, prop, "Must be an object")
        return
    items = quick_reply.get("items")
    if not isinstance(items, list) or not (1 <= len(items) <= MAX_QUICK_REPLY_ITEMS):
        _err(details, f"{prop}.items", f"Size must be between 1 and {MAX_QUICK_REPLY_ITEMS}")
        return
    for i, item in enumerate(items):
        iprop = f"{prop}.items[{i}]"
        if not isinstance(item, dict) or item.get("type") != "action":
            _err(details, f"{iprop}.type", "Must be one of the following values: [action]")
            continue
        validate_action(details, item.get("action"), f"{iprop}.action")


def validate_message(details: Details, message: Any, prop: str) -> None:
    if not isinstance(message, dict):
        _err(details, prop, "Must be an object")
        return
    mtype = message.get("type")
    if mtype not in MESSAGE_TYPES:
        _err(
            details,
            f"{prop}.type",
            "Must be one of the following values: [" + ", ".join(MESSAGE_TYPES) + "]",
        )
        return
    if mtype == "text":
        _str_field(details, message, "text", prop, max_len=MAX_TEXT)
    elif mtype == "textV2":
        _validate_text_v2(details, message, prop)
    elif mtype in ("image", "video"):
        _https_url(details, message, "originalContentUrl", prop)
        _https_url(details, message, "previewImageUrl", prop)
    elif mtype == "audio":
        _https_url(details, message, "originalContentUrl", prop)
    elif mtype == "sticker":
        _str_field(details, message, "packageId", prop)
        _str_field(details, message, "stickerId", prop)
    elif mtype == "location":
        _str_field(details, message, "title", prop, max_len=100)
        _str_field(details, message, "address", prop, max_len=100)
    elif mtype == "template":
        _str_field(details, message, "altText", prop, max_len=MAX_ALT_TEXT)
        _validate_template(details, message.get("template"), f"{prop}.template")
    elif mtype == "flex":
        _str_field(details, message, "altText", prop, max_len=MAX_ALT_TEXT)
        contents = message.get("contents")
        if not isinstance(contents, dict) or contents.get("type") not in ("bubble", "carousel"):
            _err(
                details,
                f"{prop}.contents.type",
                "Must be one of the following values: [bubble, carousel]",
            )
    elif mtype == "imagemap":
        _str_field(details, message, "baseUrl", prop, max_len=MAX_URL)
        _str_field(details, message, "altText", prop, max_len=MAX_ALT_TEXT)
    if message.get("quickReply") is not None:
        _validate_quick_reply(details, message["quickReply"], f"{prop}.quickReply")


def validate_messages(messages: Any) -> Details:
    """Validate the `messages` array of a reply/push/multicast body; [] when valid."""
    details: Details = []
    if not isinstance(messages, list) or not (1 <= len(messages) <= MAX_MESSAGES):
        _err(details, "messages", f"Size must be between 1 and {MAX_MESSAGES}")
        return details
    for i, message in enumerate(messages):
        validate_message(details, message, f"messages[{i}]")
    return details
