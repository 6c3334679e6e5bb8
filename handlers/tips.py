"""Tips commands and buttons: this module's `router`, or `handle_command` / `handle_postback`
called by handlers/commands.py and handlers/postback.py.

- `/tip` (`/小叮嚀`) in a group or room: the group's next tip, as a (free) reply; at most one
  every 30 minutes per group. In a 1:1 chat: a tip for that person.
- `/broadcast TEXT` (`/廣播`) in a 1:1 chat, ethics unit only: a preview, the estimate
  (groups, messages, quota left) and Confirm / Cancel buttons.
- postbacks `quiz:<send>:<choice>`, `broadcast:confirm:<id>`, `broadcast:cancel:<id>`.
"""

from __future__ import annotations

import logging
from typing import Any

from linebot.v3.webhooks import MessageEvent, PostbackEvent, TextMessageContent

from handlers.commands import GROUP_COMMANDS, USER_COMMANDS, parse
from handlers.common import chat_locale, label, user_locale, where
from handlers.deps import Deps
from handlers.reply import reply_text
from handlers.router import Router
from locales import t
from outbox import OutboxKind, Priority
from tips import library, messages
from tips.broadcast import BROADCAST_MAX_CHARS, BroadcastOutcome
from tips.service import TipsService

log = logging.getLogger("bot.tips.handlers")

TIPS_COMMANDS = ("tip", "broadcast")
TIPS_PREFIXES = ("tips:", "quiz:", "broadcast:")

router = Router("tips")


def _is_tips_command(event: Any) -> bool:
    msg = getattr(event, "message", None)
    if not isinstance(msg, TextMessageContent):
        return False
    parsed = parse(msg.text)
    if parsed is None or parsed[0] not in TIPS_COMMANDS:
        return False
    return parsed[0] in (GROUP_COMMANDS if where(event).is_group else USER_COMMANDS)


def _is_tips_postback(event: Any) -> bool:
    return isinstance(event, PostbackEvent) and (event.postback.data or "").startswith(
        TIPS_PREFIXES
    )


@router.on(MessageEvent, when=_is_tips_command)
async def on_command(deps: Deps, event: MessageEvent) -> None:
    assert isinstance(event.message, TextMessageContent)
    parsed = parse(event.message.text)
    assert parsed is not None
    cmd, arg = parsed
    w = where(event)
    log.info("command name=%s chat=%s type=%s", cmd, w.chat_id, w.chat_type)
    if await handle_command(deps, event, cmd, arg):
        return
    locale = chat_locale(deps, w.chat_id) if w.is_group else user_locale(deps, w.user_id)
    await reply_text(deps, event, t("cmd.unavailable", locale), kind="command")


@router.on(PostbackEvent, when=_is_tips_postback)
async def on_postback(deps: Deps, event: PostbackEvent) -> None:
    w = where(event)
    if not w.user_id:
        log.info("postback without a user id ignored chat=%s", w.chat_id)
        return
    if await handle_postback(deps, event, event.postback.data or ""):
        return
    await reply_text(
        deps, event, t("cmd.unavailable", user_locale(deps, w.user_id)), kind="postback"
    )


def _service(deps: Deps) -> TipsService | None:
    svc = deps.tips
    return svc if isinstance(svc, TipsService) else None


async def _answer(deps: Deps, event: Any, to: str | None, text: str, kind: OutboxKind) -> None:
    await deps.outbox.enqueue_reply(
        getattr(event, "reply_token", None),
        [messages.answer(text)],
        fallback_to=to,
        priority=Priority.REPLY,
        kind=kind,
    )


async def handle_command(deps: Deps, event: Any, command: str, argument: str) -> bool:
    """`/tip` and `/broadcast`; False when the tips service is not running."""
    svc = _service(deps)
    if svc is None:
        return False
    w = where(event)
    if not w.chat_id:
        return True
    reply_token = getattr(event, "reply_token", None)
    if command == "tip":
        locale = chat_locale(deps, w.chat_id) if w.is_group else user_locale(deps, w.user_id)
        wait = svc.request_tip(w.chat_id, w.chat_type, reply_token)
        if wait is not None:
            await _answer(
                deps, event, w.chat_id, library.ui("tip.cooldown", locale, minutes=wait), "command"
            )
        log.info("tip requested chat=%s type=%s cooldown=%s", w.chat_id, w.chat_type, wait)
        return True
    if command == "broadcast":
        locale = user_locale(deps, w.user_id)
        if w.is_group:
            # Never echo the text in the group; the reminder should not appear before it is sent.
            await _answer(
                deps, event, w.chat_id, library.ui("broadcast.private_only", locale), "command"
            )
            return True
        proposal = await svc.propose_broadcast(w.user_id, argument)
        if not proposal.ok:
            key = proposal.message_key
            kw: dict[str, Any] = {}
            if key == "broadcast.too_long":
                kw = {"length": len(argument.strip()), "limit": BROADCAST_MAX_CHARS}
            elif key == "broadcast.has_personal_data":
                kw = {"types": "、".join(label("type", t, locale) for t in proposal.leaked_types)}
            await _answer(deps, event, w.chat_id, library.ui(key, locale, **kw), "command")
            log.info("broadcast not proposed reason=%s", key)
            return True
        await deps.outbox.enqueue_reply(
            reply_token,
            svc.confirm_messages(proposal, argument.strip(), locale),
            fallback_to=w.chat_id,
            priority=Priority.REPLY,
            kind="command",
        )
        log.info("broadcast proposed id=%s", proposal.broadcast_id)
        return True
    return False


def _outcome_text(outcome: BroadcastOutcome, locale: str) -> str:
    if outcome.status == "sent":
        text = library.ui(
            "broadcast.sent", locale, groups=outcome.sent_groups, messages=outcome.messages
        )
        if outcome.skipped_groups:
            text += "\n" + library.ui(
                "broadcast.over_quota",
                locale,
                fit_groups=outcome.sent_groups,
                fit_messages=outcome.messages,
                skipped=outcome.skipped_groups,
            )
        return text
    if outcome.status == "cancelled":
        return library.ui("broadcast.cancelled", locale)
    if outcome.status == "expired":
        return library.ui("broadcast.expired", locale)
    if outcome.status == "refused":
        return library.ui("broadcast.refused", locale)
    return library.ui("broadcast.done_already", locale, status=outcome.status)


async def handle_postback(deps: Deps, event: Any, data: str) -> bool:
    """`quiz:` answers and `broadcast:` confirmations; False when the service is not running."""
    svc = _service(deps)
    if svc is None:
        return False
    w = where(event)
    reply_token = getattr(event, "reply_token", None)
    if data.startswith("quiz:"):
        parts = data.split(":")
        try:
            send_id, choice = int(parts[1]), int(parts[2])
        except (IndexError, ValueError):
            log.info("quiz postback malformed")
            return True
        result = svc.answer_quiz(
            send_id,
            choice,
            user_id=w.user_id,
            chat_id=w.chat_id,
            chat_type=w.chat_type,
            reply_token=reply_token,
        )
        log.info("quiz answer send=%s result=%s chat=%s", send_id, result, w.chat_id)
        return True
    if data.startswith("broadcast:"):
        parts = data.split(":", 2)
        if len(parts) != 3 or parts[1] not in ("confirm", "cancel"):
            return True
        locale = user_locale(deps, w.user_id)
        if w.is_group or not w.user_id:
            return True
        if parts[1] == "confirm":
            outcome = await svc.confirm_broadcast(parts[2], w.user_id)
        else:
            outcome = svc.cancel_broadcast(parts[2], w.user_id)
        log.info("broadcast %s id=%s status=%s", parts[1], parts[2], outcome.status)
        await _answer(deps, event, w.chat_id, _outcome_text(outcome, locale), "postback")
        return True
    if data.startswith("tips:"):
        # `tips:next`: a "another tip" button, same as `/tip`.
        if data == "tips:next" and w.chat_id:
            wait = svc.request_tip(w.chat_id, w.chat_type, reply_token)
            if wait is not None:
                locale = (
                    chat_locale(deps, w.chat_id) if w.is_group else user_locale(deps, w.user_id)
                )
                text = library.ui("tip.cooldown", locale, minutes=wait)
                await _answer(deps, event, w.chat_id, text, "postback")
        return True
    return False
