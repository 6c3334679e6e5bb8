"""Deterministic LINE-shaped identifiers.

LINE user IDs are ``U`` + 32 hex digits, group IDs ``C`` + 32, room IDs ``R`` + 32.
Tests can write ``user_id("alice")`` and get the same realistic ID every run.
Webhook event IDs are ULIDs (26 Crockford base32 characters).
"""

from __future__ import annotations

import hashlib

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _hex32(kind: str, seed: str) -> str:
    return hashlib.md5(f"{kind}:{seed}".encode()).hexdigest()


def user_id(seed: str) -> str:
    """A stable user ID (``U`` + 32 hex) derived from ``seed``."""
    return "U" + _hex32("user", seed)


def group_id(seed: str) -> str:
    """A stable group ID (``C`` + 32 hex) derived from ``seed``."""
    return "C" + _hex32("group", seed)


def room_id(seed: str) -> str:
    """A stable room ID (``R`` + 32 hex) derived from ``seed``."""
    return "R" + _hex32("room", seed)


def ulid(timestamp_ms: int, entropy: int) -> str:
    """A ULID from a 48-bit millisecond timestamp and 80 bits of entropy."""
    value = ((timestamp_ms & ((1 << 48) - 1)) << 80) | (entropy & ((1 << 80) - 1))
    chars = []
    for _ in range(26):
        chars.append(_CROCKFORD[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def chat_kind(chat_id: str) -> str | None:
    """'user', 'group' or 'room' from the ID's first letter (None if unknown)."""
    return {"U": "user", "C": "group", "R": "room"}.get(chat_id[:1])
