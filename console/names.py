"""Display names for people and groups, from LINE (group summary, member profile), kept
in memory by `Lookups` (never written to disk); ids are never shown to humans."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from console.i18n import ct
from deps import Deps
from line.lookups import Where


async def group_names(deps: Deps, group_ids: Iterable[str], locale: str) -> dict[str, str]:
    ids = sorted(set(group_ids))

    async def one(gid: str) -> str:
        row = deps.store.group(gid) or {}
        kind = row.get("chat_type") or ("room" if gid.startswith("R") else "group")
        name = await deps.lookups.group_name(Where(gid, kind, None))
        return name or ct("console.unnamed_chat", locale)

    names = await asyncio.gather(*(one(g) for g in ids))
    return dict(zip(ids, names, strict=True))


async def member_names(
    deps: Deps, pairs: Iterable[tuple[str, str | None]], locale: str
) -> dict[tuple[str, str | None], str]:
    """(group, user) -> the user's display name in that group (a fallback word if LINE
    does not tell)."""
    keys = sorted(set(pairs), key=lambda p: (p[0], p[1] or ""))

    async def one(key: tuple[str, str | None]) -> str:
        gid, uid = key
        if not uid:
            return ct("console.unknown_member", locale)
        kind = "room" if gid.startswith("R") else "group"
        name = await deps.lookups.display_name(Where(gid, kind, uid), uid)
        return name or ct("console.unknown_member", locale)

    names = await asyncio.gather(*(one(k) for k in keys))
    return dict(zip(keys, names, strict=True))


async def person_name(deps: Deps, user_id: str | None, locale: str) -> str:
    """A signed-in user's (or an actor's) name from their LINE profile."""
    if not user_id:
        return ct("console.unknown_member", locale)
    if user_id.startswith("cli:"):
        return ct("console.actor_cli", locale, user=user_id[4:])
    name = await deps.lookups.display_name(Where(None, "user", user_id), user_id)
    if name:
        return name
    for gid in deps.store.admin_groups(user_id):  # not a friend: their name in a group
        name = await deps.lookups.display_name(Where(gid, "group", user_id), user_id)
        if name:
            return name
    return ct("console.unknown_member", locale)
