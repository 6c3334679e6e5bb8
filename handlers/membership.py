"""Join / leave / follow / unfollow / member joined.

On `join` the bot introduces itself and its privacy promise in the group's language
(the reply token is fresh, so it costs no quota). Follow / unfollow keep our record of
who can receive private notes (a push to a non-friend is accepted and delivers nothing).
"""

from __future__ import annotations

import logging

from linebot.v3.webhooks import (
    FollowEvent,
    JoinEvent,
    LeaveEvent,
    MemberJoinedEvent,
    UnfollowEvent,
)

from deps import Deps
from handlers.reply import reply_text
from handlers.router import Router
from line.incoming import Incoming
from locales import t

log = logging.getLogger("bot.membership")

router = Router("membership")


@router.on(JoinEvent)
async def on_join(deps: Deps, event: JoinEvent) -> None:
    incoming = Incoming.of(event, deps.lookups)
    w = incoming.where
    if not w.chat_id:
        return
    now = deps.now()
    row = deps.store.group(w.chat_id)
    fields = {"chat_type": w.chat_type, "joined_at": now, "left_at": None}
    if not row or not row.get("locale"):
        fields["locale"] = incoming.chat_locale
    deps.store.upsert_group(w.chat_id, now, **fields)
    log.info("joined chat=%s type=%s", w.chat_id, w.chat_type)
    await reply_text(deps, incoming, t("join.intro", incoming.chat_locale), kind="join")


@router.on(LeaveEvent)
async def on_leave(deps: Deps, event: LeaveEvent) -> None:
    incoming = Incoming.of(event, deps.lookups)
    w = incoming.where
    if w.chat_id:
        deps.store.upsert_group(w.chat_id, deps.now(), left_at=deps.now())
        log.info("left chat=%s", w.chat_id)


@router.on(MemberJoinedEvent)
async def on_member_joined(deps: Deps, event: MemberJoinedEvent) -> None:
    incoming = Incoming.of(event, deps.lookups)
    w = incoming.where
    if not w.chat_id:
        return
    log.info("members joined chat=%s count=%d", w.chat_id, len(event.joined.members))
    await reply_text(deps, incoming, t("member.welcome", incoming.chat_locale), kind="welcome")


@router.on(FollowEvent)
async def on_follow(deps: Deps, event: FollowEvent) -> None:
    incoming = Incoming.of(event, deps.lookups)
    w = incoming.where
    if not w.user_id:
        return
    deps.store.set_friend(w.user_id, True, deps.now())
    log.info("followed user=%s", w.user_id)
    await reply_text(
        deps, incoming, t("follow.hello", deps.lookups.user_locale(w.user_id)), kind="follow"
    )


@router.on(UnfollowEvent)
async def on_unfollow(deps: Deps, event: UnfollowEvent) -> None:
    incoming = Incoming.of(event, deps.lookups)
    w = incoming.where
    if w.user_id:
        deps.store.set_friend(w.user_id, False, deps.now())
        log.info("unfollowed user=%s", w.user_id)
