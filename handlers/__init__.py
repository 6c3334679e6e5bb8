"""Webhook event handlers: one module (one router) per kind of event.

The dispatcher below is the only place that includes the routers; the order is the
order of precedence (slash commands before ordinary text).
"""

from __future__ import annotations

from handlers.router import Dispatcher


def build_dispatcher() -> Dispatcher:
    from handlers import commands, membership, message, postback, unsend

    return Dispatcher(
        commands.router,  # /help /status /lang /admin /tip /broadcast
        message.router,  # text -> scan -> act_on_result; image/file -> handlers.media
        unsend.router,  # unsend -> incident retracted
        postback.router,  # buttons: incident actions; tips:/quiz:/broadcast: -> handlers.tips
        membership.router,  # join / leave / member joined / follow / unfollow
    )
