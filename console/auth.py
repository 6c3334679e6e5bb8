"""Signing in: single-use links sent in a 1:1 chat, and browser sessions.

    token = issue_link(store, salt, user_id, now)      # the bot replies {public}/console/login?token=…
    link_valid(store, salt, token, now)                # GET: the sign-in page (uses nothing)
    user = claim_link(store, salt, token, now)         # POST: once; None when used, expired, unknown
    cookie = start_session(store, salt, user, now)     # the cookie's value; only its hash is stored

Tokens and cookies are 32 random bytes; the database holds only their keyed hashes (HMAC
with the bot's hash key), so a copy of the database signs nobody in. The CSRF token of a
session is derived from its cookie with the same key: nothing more to store.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from storage import Store

LINK_TTL_SECONDS = 600.0  # a sign-in link is valid at most 10 minutes
IDLE_SECONDS = 1800.0  # a session unused this long ends
COOKIE = "lg_console"
LANG_COOKIE = "lg_console_lang"


def keyed_hash(salt: bytes, kind: str, value: str) -> str:
    return hmac.new(salt, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def has_role(store: Store, user_id: str) -> bool:
    """A group admin of some group, or a member of the ethics unit."""
    return store.is_ethics(user_id) or bool(store.admin_groups(user_id))


def issue_link(
    store: Store, salt: bytes, user_id: str, now: float, ttl: float = LINK_TTL_SECONDS
) -> str:
    token = secrets.token_urlsafe(32)
    store.console_link_add(
        keyed_hash(salt, "link", token), user_id, now, min(ttl, LINK_TTL_SECONDS)
    )
    return token


def login_url(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}/console/login?token={token}"


def link_valid(store: Store, salt: bytes, token: str, now: float) -> bool:
    if not token or len(token) > 100:
        return False
    return store.console_link_valid(keyed_hash(salt, "link", token), now)


def claim_link(store: Store, salt: bytes, token: str, now: float) -> str | None:
    if not token or len(token) > 100:
        return None
    return store.console_link_claim(keyed_hash(salt, "link", token), now)


def start_session(store: Store, salt: bytes, user_id: str, now: float) -> str:
    cookie = secrets.token_urlsafe(32)
    store.console_session_add(keyed_hash(salt, "session", cookie), user_id, now)
    return cookie


@dataclass(frozen=True)
class Viewer:
    """Who is signed in, and what they may see."""

    user_id: str
    ethics: bool
    org: str | None  # the ethics member's organisation (None: every group)
    admin_of: tuple[str, ...]
    session_hash: str
    csrf: str

    def groups(self, store: Store) -> list[str] | None:
        """The groups this viewer may see; None: every group (ethics of a single agency)."""
        if self.ethics and self.org is None:
            return None
        mine = set(self.admin_of)
        if self.ethics and self.org is not None:
            mine.update(store.org_groups(self.org))
        return sorted(mine)

    def may_see(self, store: Store, group_id: str) -> bool:
        groups = self.groups(store)
        return groups is None or group_id in groups


def session_viewer(
    store: Store, salt: bytes, cookie: str | None, now: float, idle: float = IDLE_SECONDS
) -> Viewer | None:
    """The viewer of a live session whose user still has a role; else None."""
    if not cookie or len(cookie) > 100:
        return None
    session_hash = keyed_hash(salt, "session", cookie)
    user_id = store.console_session_user(session_hash, now, idle)
    if user_id is None:
        return None
    ethics = store.is_ethics(user_id)
    admin_of = tuple(store.admin_groups(user_id))
    if not ethics and not admin_of:
        return None
    return Viewer(
        user_id=user_id,
        ethics=ethics,
        org=store.ethics_org(user_id) if ethics else None,
        admin_of=admin_of,
        session_hash=session_hash,
        csrf=keyed_hash(salt, "csrf", cookie),
    )


def same_token(given: str | None, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(str(given), expected)
