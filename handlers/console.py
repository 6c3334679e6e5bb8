"""`/console` (`/後台`) in a 1:1 chat: a single-use sign-in link to the web console for a
group admin or a member of the ethics unit, a refusal for anyone else (console/auth.py).

Only a keyed hash of the link's token is stored; the reply carrying the link is an
outbox row whose body is emptied once delivered, like every outgoing message.
"""

from __future__ import annotations

import logging

from linebot.v3.webhooks import MessageEvent, TextMessageContent

from console.auth import LINK_TTL_SECONDS, has_role, issue_link, login_url
from console.i18n import ct
from deps import Deps
from handlers.reply import reply_text
from handlers.router import Router
from line.incoming import Incoming
from line.lookups import where

log = logging.getLogger("bot.console")

WORDS = ("console", "後台")

router = Router("console")


def is_console_command(event: MessageEvent) -> bool:
    if not isinstance(event.message, TextMessageContent):
        return False
    text = event.message.text.strip()
    if not text or text[0] not in "/／":
        return False
    word = text[1:].split(" ", 1)[0].split("@", 1)[0].lower()
    return word in WORDS and where(event.source).chat_type == "user"


@router.on(MessageEvent, when=is_console_command)
async def on_console(deps: Deps, event: MessageEvent) -> None:
    incoming = Incoming.of(event, deps.lookups)
    user_id = incoming.where.user_id
    locale = incoming.locale
    if not user_id or not has_role(deps.store, user_id):
        log.info("console link refused user=%s", user_id)
        await reply_text(deps, incoming, ct("console.chat.refused", locale), kind="command")
        return
    public_url = deps.config.public_url
    if not public_url:
        log.warning("console link asked but BOT_PUBLIC_URL is not set")
        await reply_text(deps, incoming, ct("console.chat.unconfigured", locale), kind="command")
        return
    token = issue_link(deps.store, deps.salt, user_id, deps.now())
    body = ct(
        "console.chat.link",
        locale,
        minutes=int(LINK_TTL_SECONDS // 60),
        url=login_url(public_url, token),
    )
    log.info("console link issued user=%s", user_id)  # never the token
    await reply_text(deps, incoming, body, kind="command")
