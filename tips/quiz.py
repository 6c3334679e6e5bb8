"""Quiz answers: counted once per person and quiz (as a per-group count, no user id kept),
and the explanation posted: in a group once, after the first answer; in a 1:1 chat to
that person, with right or wrong."""

from __future__ import annotations

import hashlib

from locales import t
from outbox import Priority
from tips import library, messages
from tips.context import DIRECT, TipsContext

QUIZ_OPEN_SECONDS = 14 * 86400  # answers to a quiz count for two weeks


def _reply(ctx: TipsContext, reply_token: str | None, chat_id: str, body: str) -> None:
    ctx.outbox.add_reply(
        reply_token,
        [messages.text(body)],
        fallback_to=chat_id,
        priority=Priority.REPLY,
        kind="quiz",
    )


def answer(
    ctx: TipsContext,
    send_id: int,
    choice: int,
    *,
    user_id: str | None,
    chat_id: str | None,
    chat_type: str,
    reply_token: str | None,
) -> str:
    """Count an answer and post the explanation. Returns what happened:
    counted | repeat | closed | invalid."""
    send = ctx.tips.send(send_id)
    if send is None or not user_id or not chat_id:
        return "invalid"
    in_group = chat_type in ("group", "room")
    expected = chat_id if in_group else DIRECT
    if send["group_id"] != expected:
        return "invalid"
    locale = ctx.locale_of(chat_id if in_group else None)
    tip = library.load_library(locale).get(send["tip_id"])
    if tip is None or not tip.is_quiz or not 0 <= choice < len(tip.choices):
        return "invalid"
    now = ctx.now()
    if now - send["sent_at"] > QUIZ_OPEN_SECONDS:
        if not in_group:
            _reply(ctx, reply_token, chat_id, t("quiz.closed", locale))
            ctx.outbox.wake()
        return "closed"
    voter = hashlib.sha256(ctx.salt + f"quiz:{send_id}:{user_id}".encode()).hexdigest()[:32]
    counted = ctx.tips.record_vote(
        send_id=send_id,
        voter=voter,
        group_id=send["group_id"],
        tip_id=tip.id,
        day=ctx.local_day(now),
        choice=choice,
        correct=choice == tip.answer,
        now=now,
    )
    if not counted:
        return "repeat"
    if in_group:
        if ctx.tips.claim_explanation(send_id):
            _reply(ctx, reply_token, chat_id, library.quiz_explanation(tip, locale))
    else:
        _reply(ctx, reply_token, chat_id, library.quiz_explanation(tip, locale, chosen=choice))
    ctx.outbox.wake()
    return "counted"
