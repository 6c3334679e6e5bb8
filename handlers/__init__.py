"""Webhook event handlers: one module (one router) per kind of event.

`build_dispatcher` is the only place that includes the routers; the order is the
order of precedence (tips commands and buttons, then the other slash commands, before
ordinary text).
"""

from __future__ import annotations

from handlers import commands, console, media, membership, message, postback, tips, unsend
from handlers.router import Dispatcher


def build_dispatcher() -> Dispatcher:
    return Dispatcher(
        tips.router,  # /tip /broadcast; buttons tips: quiz: broadcast:
        console.router,  # /console /後台 in a 1:1 chat: a sign-in link to the web console
        commands.router,  # /help /status /lang /admin
        message.router,  # text -> scan -> incidents (group) or a self-check (1:1)
        media.router,  # image / file -> a scan job (handlers/media.py ScanRunner)
        unsend.router,  # unsend -> incident retracted
        postback.router,  # incident buttons
        membership.router,  # join / leave / member joined / follow / unfollow
    )
