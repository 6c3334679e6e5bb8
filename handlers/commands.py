"""Slash commands, in zh-TW and English.

Group / room: /help (/說明), /status (/狀態), /lang zh-TW|en (/語言), /admin CODE
(/管理者), and /tip (/小叮嚀, the tips module). 1:1: /help, /tip, /broadcast TEXT (the tips
module, ethics unit only). Anything else that starts with "/" is ordinary text and
goes on to be scanned.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from linebot.v3.webhooks import MessageEvent, TextMessageContent

from handlers.common import Where, chat_locale, user_locale, where
from handlers.deps import Deps
from handlers.reply import reply_text
from handlers.router import Router, optional_module
from locales import LOCALES, normalise_locale, t

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
}
GROUP_COMMANDS = {"help", "status", "lang", "admin", "tip"}
USER_COMMANDS = {"help", "broadcast", "tip"}
STATUS_DAYS = 30
# `/admin CODE` tries per member and chat: this many in the window, then silence (no answer,
# the code is not even checked) until the window has passed. Kept in memory (bounded): a
# restart forgets it, and 5 guesses of an 8-character code (31^8) are nothing to go on.
ADMIN_TRIES = 5
ADMIN_WINDOW_SECONDS = 600.0
ADMIN_TRACKED_MAX = 10_000


class TryLimiter:
    """At most `tries` attempts per key in a sliding `window` (seconds, caller's clock)."""

    def __init__(self, tries: int, window: float, max_keys: int) -> None:
        self.tries = tries
        self.window = window
        self.max_keys = max_keys
        self._seen: dict[tuple[str, str], list[float]] = {}

    def allow(self, key: tuple[str, str], now: float) -> bool:
        recent = [t_ for t_ in self._seen.get(key, []) if now - t_ < self.window]
        if len(recent) >= self.tries:
            self._seen[key] = recent
            return False
        recent.append(now)
        self._seen[key] = recent
        if len(self._seen) > self.max_keys:  # forget the stalest members first
            for stale in sorted(self._seen, key=lambda k: self._seen[k][-1])[: self.max_keys // 10]:
                del self._seen[stale]
        return True


def _admin_limiter(deps: Deps) -> TryLimiter:
    limiter = deps.extra.get("admin_tries")
    if not isinstance(limiter, TryLimiter):
        limiter = TryLimiter(ADMIN_TRIES, ADMIN_WINDOW_SECONDS, ADMIN_TRACKED_MAX)
        deps.extra["admin_tries"] = limiter
    return limiter


def parse(text: str) -> tuple[str, str] | None:
    """`/lang en` -> ("lang", "en"); None if it is not one of our commands."""
    s = text.strip()
    if not s or s[0] not in "/／":
        return None
    word, _, arg = s[1:].partition(" ")
    word = word.split("@", 1)[0].lower()
    cmd = ALIASES.get(word)
    return (cmd, arg.strip()) if cmd else None


def _is_command(event: Any) -> bool:
    msg = getattr(event, "message", None)
    if not isinstance(msg, TextMessageContent):
        return False
    parsed = parse(msg.text)
    if parsed is None:
        return False
    w = where(event)
    allowed = GROUP_COMMANDS if w.is_group else USER_COMMANDS
    return parsed[0] in allowed


router = Router("commands")


async def _reply(deps: Deps, event: Any, body: str) -> None:
    await reply_text(deps, event, body, kind="command")


@router.on(MessageEvent, when=_is_command)
async def on_command(deps: Deps, event: MessageEvent) -> None:
    assert isinstance(event.message, TextMessageContent)
    parsed = parse(event.message.text)
    assert parsed is not None
    cmd, arg = parsed
    w = where(event)
    log.info("command name=%s chat=%s type=%s", cmd, w.chat_id, w.chat_type)
    if cmd in ("tip", "broadcast"):
        tips = optional_module("handlers.tips")
        if tips is not None and await tips.handle_command(deps, event, cmd, arg):
            return
        locale = chat_locale(deps, w.chat_id) if w.is_group else user_locale(deps, w.user_id)
        await _reply(deps, event, t("cmd.unavailable", locale))
        return
    if cmd == "help":
        locale = chat_locale(deps, w.chat_id) if w.is_group else user_locale(deps, w.user_id)
        await _reply(deps, event, t("cmd.help", locale))
    elif cmd == "status":
        await _status(deps, event, w)
    elif cmd == "lang":
        await _lang(deps, event, w, arg)
    elif cmd == "admin":
        await _admin(deps, event, w, arg)


async def _status(deps: Deps, event: Any, w: Where) -> None:
    assert w.chat_id
    locale = chat_locale(deps, w.chat_id)
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
        open=counts.get("open", 0) + counts.get("escalated", 0),
        admins=len(admins),
        language=locale,
    )
    if not admins:
        body += "\n" + t("cmd.status_no_admin", locale, group=w.chat_id)
    await _reply(deps, event, body)


async def _lang(deps: Deps, event: Any, w: Where, arg: str) -> None:
    assert w.chat_id
    locale = chat_locale(deps, w.chat_id)
    wanted = arg.strip()
    if (
        not wanted
        or normalise_locale(wanted) not in LOCALES
        or (not wanted.lower().startswith(("en", "zh")))
    ):
        await _reply(deps, event, t("cmd.lang_usage", locale))
        return
    admins = deps.store.group_admins(w.chat_id)
    if admins and w.user_id not in admins:
        await _reply(deps, event, t("cmd.lang_denied", locale))
        return
    new = normalise_locale(wanted)
    deps.store.upsert_group(w.chat_id, deps.now(), locale=new, chat_type=w.chat_type)
    log.info("group language chat=%s locale=%s", w.chat_id, new)
    await _reply(deps, event, t("cmd.lang_set", new))


async def _admin(deps: Deps, event: Any, w: Where, arg: str) -> None:
    assert w.chat_id
    locale = chat_locale(deps, w.chat_id)
    code = arg.strip()
    if not code or not w.user_id:
        await _reply(deps, event, t("cmd.admin_usage", locale))
        return
    if not _admin_limiter(deps).allow((w.chat_id, w.user_id), deps.now()):
        log.warning("admin code attempts over the limit chat=%s user=%s", w.chat_id, w.user_id)
        return
    if deps.store.claim_admin_code(w.chat_id, code, w.user_id, deps.now()):
        log.info("admin claimed chat=%s user=%s", w.chat_id, w.user_id)
        await _reply(deps, event, t("cmd.admin_ok", locale))
    else:
        log.info("admin code rejected chat=%s user=%s", w.chat_id, w.user_id)
        await _reply(deps, event, t("cmd.admin_bad", locale))
