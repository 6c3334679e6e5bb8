"""Tips commands and buttons (this module's router comes before commands and postback).

- `/tip` (`/小叮嚀`) in a group or room: the group's next tip, as a (free) reply; at most one
  every 30 minutes per group. In a 1:1 chat: a tip for that person.
- `/broadcast TEXT` (`/廣播`) in a 1:1 chat, ethics unit only: a preview, the estimate
  (groups, messages, quota left) and Confirm / Cancel buttons.
- postbacks `quiz:<send>:<choice>`, `broadcast:confirm:<id>`, `broadcast:cancel:<id>`.
"""

from __future__ import annotations

import logging
from typing import Any

from linebot.v3.webhooks import MessageEvent, PostbackEvent

from deps import Deps
from handlers.commands import command_of
from handlers.reply import reply_text
from handlers.router import Router
from line.incoming import Incoming
from line.lookups import where
from locales import label, t
from outbox import OutboxKind, Priority
from tips import messages
from tips.broadcast import BROADCAST_MAX_CHARS, BroadcastOutcome
from tips.service import TipsService

log = logging.getLogger("bot.tips.handlers")


router = Router("tips")
TIPS_COMMANDS = ("tip", "broadcast")
TIPS_PREFIXES = ("tips:", "quiz:", "broadcast:")


def _is_tips_command(event: MessageEvent) -> bool:
    parsed = command_of(event)
    return parsed is not None and parsed[0] in TIPS_COMMANDS


def _is_tips_postback(event: PostbackEvent) -> bool:
    # Without a user id the postback router ignores it (nobody to check).
    return bool(where(event.source).user_id) and (event.postback.data or "").startswith(
        TIPS_PREFIXES
    )


@router.on(MessageEvent, when=_is_tips_command)
async def on_tips_command(deps: Deps, event: MessageEvent) -> None:
    parsed = command_of(event)
    assert parsed is not None
    incoming = Incoming.of(event, deps.lookups)
    w = incoming.where
    log.info("command name=%s chat=%s type=%s", parsed[0], w.chat_id, w.chat_type)
    if not await handle_command(deps, incoming, *parsed):
        await reply_text(deps, incoming, t("cmd.unavailable", incoming.locale), kind="command")


@router.on(PostbackEvent, when=_is_tips_postback)
async def on_tips_postback(deps: Deps, event: PostbackEvent) -> None:
    incoming = Incoming.of(event, deps.lookups)
    if not await handle_postback(deps, incoming, event.postback.data or ""):
        locale = deps.lookups.user_locale(incoming.user_id)
        await reply_text(deps, incoming, t("cmd.unavailable", locale), kind="postback")


def _service(deps: Deps) -> TipsService | None:
    return deps.tips


async def _answer(
    deps: Deps, incoming: Incoming, to: str | None, text: str, kind: OutboxKind
) -> None:
    await deps.outbox.enqueue_reply(
        incoming.reply_token,
        [messages.answer(text)],
        fallback_to=to,
        priority=Priority.REPLY,
        kind=kind,
    )


async def handle_command(deps: Deps, incoming: Incoming, command: str, argument: str) -> bool:
    """`/tip` and `/broadcast`; False when the tips service is not running."""
    svc = _service(deps)
    if svc is None:
        return False
    w = incoming.where
    if not w.chat_id:
        return True
    reply_token = incoming.reply_token
    if command == "tip":
        locale = incoming.locale
        wait = svc.request_tip(w.chat_id, w.chat_type, reply_token)
        if wait is not None:
            text = t("tip.cooldown", locale, minutes=wait)
            await _answer(deps, incoming, w.chat_id, text, "command")
        log.info("tip requested chat=%s type=%s cooldown=%s", w.chat_id, w.chat_type, wait)
        return True
    if command == "broadcast":
        locale = deps.lookups.user_locale(w.user_id)
        if w.is_group:
            # Never echo the text in the group; the reminder should not appear before it is sent.
            await _answer(deps, incoming, w.chat_id, t("broadcast.private_only", locale), "command")
            return True
        proposal = await svc.propose_broadcast(w.user_id, argument)
        if not proposal.ok:
            key = proposal.message_key
            kw: dict[str, Any] = {}
            if key == "broadcast.too_long":
                kw = {"length": len(argument.strip()), "limit": BROADCAST_MAX_CHARS}
            elif key == "broadcast.has_personal_data":
                kw = {"types": "、".join(label("type", t, locale) for t in proposal.leaked_types)}
            await _answer(deps, incoming, w.chat_id, t(key, locale, **kw), "command")
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
        text = t("broadcast.sent", locale, groups=outcome.sent_groups, messages=outcome.messages)
        if outcome.skipped_groups:
            text += "\n" + t(
                "broadcast.over_quota",
                locale,
                fit_groups=outcome.sent_groups,
                fit_messages=outcome.messages,
                skipped=outcome.skipped_groups,
            )
        return text
    if outcome.status == "cancelled":
        return t("broadcast.cancelled", locale)
    if outcome.status in ("expired", "unknown"):
        return t("broadcast.expired", locale)
    if outcome.status == "refused":
        return t("broadcast.refused", locale)
    # A second tap: say in words what became of it, never the internal status code.
    if outcome.previous in ("cancelled", "expired"):
        return t(f"broadcast.already_{outcome.previous}", locale)
    return t("broadcast.already_sent", locale)


async def handle_postback(deps: Deps, incoming: Incoming, data: str) -> bool:
    """`quiz:` answers and `broadcast:` confirmations; False when the service is not running."""
    svc = _service(deps)
    if svc is None:
        return False
    w = incoming.where
    reply_token = incoming.reply_token
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
        locale = deps.lookups.user_locale(w.user_id)
        if w.is_group or not w.user_id:
            return True
        if parts[1] == "confirm":
            outcome = await svc.confirm_broadcast(parts[2], w.user_id)
        else:
            outcome = svc.cancel_broadcast(parts[2], w.user_id)
        log.info("broadcast %s id=%s status=%s", parts[1], parts[2], outcome.status)
        await _answer(deps, incoming, w.chat_id, _outcome_text(outcome, locale), "postback")
        return True
    if data.startswith("tips:"):
        # `tips:next`: a "another tip" button, same as `/tip`.
        if data == "tips:next" and w.chat_id:
            wait = svc.request_tip(w.chat_id, w.chat_type, reply_token)
            if wait is not None:
                locale = incoming.locale
                text = t("tip.cooldown", locale, minutes=wait)
                await _answer(deps, incoming, w.chat_id, text, "postback")
        return True
    return False
