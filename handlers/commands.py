"""Slash commands, in zh-TW and English.

Group / room: /help (/說明), /status (/狀態), /lang zh-TW|en (/語言), /admin CODE
(/管理者), and /tip (/小叮嚀, handlers/tips.py). 1:1: /help (what works there only),
/lang (the person's own language: their alerts follow it), /tip, /broadcast TEXT
(handlers/tips.py, ethics unit only), /ethics CODE (/政風: join the ethics unit) and
/console (/後台, handlers/console.py). Anything else that starts with "/" is ordinary
text and goes on to be scanned. `parse` and `is_command` are shared with handlers/tips.py,
whose router comes first.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from linebot.v3.webhooks import MessageEvent, TextMessageContent

from deps import Deps
from handlers.reply import reply_text
from handlers.router import Router
from incidents.handover import hand_over
from line.incoming import Incoming
from line.lookups import where
from locales import LOCALES, normalise_locale, t
from storage import REVIEW_STATUSES

log = logging.getLogger("bot.commands")

ALIASES = {
    "help": "help",
    "說明": "help",
    "幫助": "help",
    "status": "status",
    "狀態": "status",
    "lang": "lang",
    "language": "lang",
    "語言": "lang",
    "admin": "admin",
    "管理者": "admin",
    "tip": "tip",
    "tips": "tip",
    "小叮嚀": "tip",
    "broadcast": "broadcast",
    "廣播": "broadcast",
    "ethics": "ethics",
    "政風": "ethics",
}
GROUP_COMMANDS = {"help", "status", "lang", "admin", "tip"}
USER_COMMANDS = {"help", "lang", "broadcast", "tip", "ethics"}
STATUS_DAYS = 30


def parse(text: str) -> tuple[str, str] | None:
    """`/lang en` -> ("lang", "en"); None if it is not one of our commands."""
    s = text.strip()
    if not s or s[0] not in "/／":
        return None
    word, _, arg = s[1:].partition(" ")
    word = word.split("@", 1)[0].lower()
    cmd = ALIASES.get(word)
    return (cmd, arg.strip()) if cmd else None


def command_of(event: MessageEvent) -> tuple[str, str] | None:
    """The command of a text message event where it is allowed (group or 1:1), else None."""
    if not isinstance(event.message, TextMessageContent):
        return None
    parsed = parse(event.message.text)
    if parsed is None:
        return None
    allowed = GROUP_COMMANDS if where(event.source).is_group else USER_COMMANDS
    return parsed if parsed[0] in allowed else None


def is_command(event: MessageEvent) -> bool:
    return command_of(event) is not None


router = Router("commands")


async def _reply(deps: Deps, incoming: Incoming, body: str) -> None:
    await reply_text(deps, incoming, body, kind="command")


@router.on(MessageEvent, when=is_command)
async def on_command(deps: Deps, event: MessageEvent) -> None:
    parsed = command_of(event)
    assert parsed is not None
    cmd, arg = parsed
    incoming = Incoming.of(event, deps.lookups)
    w = incoming.where
    log.info("command name=%s chat=%s type=%s", cmd, w.chat_id, w.chat_type)
    if cmd == "help":
        await _reply(deps, incoming, _help(deps, incoming))
    elif cmd == "status":
        await _status(deps, incoming)
    elif cmd == "lang":
        await _lang(deps, incoming, arg)
    elif cmd == "admin":
        await _admin(deps, incoming, arg)
    elif cmd == "ethics":
        await _ethics(deps, incoming, arg)


def _help(deps: Deps, incoming: Incoming) -> str:
    """The group's help in a group or room; in a 1:1 chat only what works there
    (/broadcast for the ethics unit alone)."""
    locale = incoming.locale
    if incoming.is_group:
        return t("cmd.help", locale)
    body = t("cmd.help_user", locale)
    if incoming.user_id and deps.store.is_ethics(incoming.user_id):
        body += "\n" + t("cmd.help_ethics", locale)
    return body + "\n\n" + t("cmd.help_privacy", locale)


async def _status(deps: Deps, incoming: Incoming) -> None:
    w = incoming.where
    assert w.chat_id
    locale = incoming.chat_locale
    now = deps.now()
    since = now - STATUS_DAYS * 86400
    counts = deps.store.incident_counts(w.chat_id, since)
    since_day = datetime.fromtimestamp(since, UTC).strftime("%Y-%m-%d")
    act = deps.store.activity(w.chat_id, since_day)
    admins = deps.store.group_admins(w.chat_id)
    body = t(
        "cmd.status",
        locale,
        days=STATUS_DAYS,
        scanned=act.get("scanned", 0),
        flagged=sum(counts.values()),
        retracted=counts.get("retracted", 0),
        # A sender's provisional false positive is not settled, nor open to them: awaiting review.
        open=sum(counts.get(st, 0) for st in REVIEW_STATUSES if st != "dismissed_provisional"),
        awaiting=counts.get("dismissed_provisional", 0),
        admins=len(admins),
        language=locale,
    )
    if not admins:
        body += "\n" + t("cmd.status_no_admin", locale, group=w.chat_id)
    await _reply(deps, incoming, body)


async def _lang(deps: Deps, incoming: Incoming, arg: str) -> None:
    w = incoming.where
    assert w.chat_id
    locale = incoming.locale
    wanted = arg.strip()
    if (
        not wanted
        or normalise_locale(wanted) not in LOCALES
        or (not wanted.lower().startswith(("en", "zh")))
    ):
        await _reply(deps, incoming, t("cmd.lang_usage", locale))
        return
    new = normalise_locale(wanted)
    if not incoming.is_group:  # 1:1: the person's own language, for answers and alerts
        assert w.user_id
        deps.store.set_user_locale(w.user_id, new, deps.now())
        log.info("user language user=%s locale=%s", w.user_id, new)
        await _reply(deps, incoming, t("cmd.lang_set_user", new))
        return
    admins = deps.store.group_admins(w.chat_id)
    if admins and w.user_id not in admins:
        await _reply(deps, incoming, t("cmd.lang_denied", locale))
        return
    deps.store.upsert_group(w.chat_id, deps.now(), locale=new, chat_type=w.chat_type)
    log.info("group language chat=%s locale=%s", w.chat_id, new)
    await _reply(deps, incoming, t("cmd.lang_set", new))


async def _admin(deps: Deps, incoming: Incoming, arg: str) -> None:
    w = incoming.where
    assert w.chat_id
    locale = incoming.chat_locale
    code = arg.strip()
    if not code or not w.user_id:
        await _reply(deps, incoming, t("cmd.admin_usage", locale))
        return
    if not deps.admin_tries.allow((w.chat_id, w.user_id), deps.now()):
        log.warning("admin code attempts over the limit chat=%s user=%s", w.chat_id, w.user_id)
        return
    if deps.store.claim_admin_code(w.chat_id, code, w.user_id, deps.now()):
        log.info("admin claimed chat=%s user=%s", w.chat_id, w.user_id)
        await _reply(deps, incoming, t("cmd.admin_ok", locale))
        # The group's open incidents reach the new admin (one message with their buttons).
        # (pushed to their 1:1 chat, so in their own language)
        await hand_over(
            deps, w.chat_id, w.chat_type, w.user_id, deps.lookups.user_locale(w.user_id)
        )
    else:
        log.info("admin code rejected chat=%s user=%s", w.chat_id, w.user_id)
        await _reply(deps, incoming, t("cmd.admin_bad", locale))


async def _ethics(deps: Deps, incoming: Incoming, arg: str) -> None:
    """`/ethics CODE` in a 1:1 chat: a one-time code from the console's roles page makes
    the sender a member of the ethics unit (tries limited like /admin)."""
    user_id = incoming.where.user_id
    locale = incoming.locale
    code = arg.strip()
    if not code or not user_id:
        await _reply(deps, incoming, t("cmd.ethics_usage", locale))
        return
    if not deps.admin_tries.allow(("", user_id), deps.now()):
        log.warning("ethics code attempts over the limit user=%s", user_id)
        return
    if deps.store.claim_ethics_code(code, user_id, deps.now()):
        log.info("ethics role claimed user=%s", user_id)
        await _reply(deps, incoming, t("cmd.ethics_ok", locale))
    else:
        log.info("ethics code rejected user=%s", user_id)
        await _reply(deps, incoming, t("cmd.ethics_bad", locale))
