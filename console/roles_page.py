"""Roles: who administers which group and who is in the ethics unit, by display name (the
LINE app never shows user ids, so neither does the console), and one-time invite codes.

    GET  /console/roles              admins of the viewer's groups; the ethics unit (ethics only)
    POST /console/roles/invite       role=admin&group=… (that group's admin or ethics) or
                                     role=ethics (ethics of every group): the code, shown once
    POST /console/roles/remove       ethics only: role, group and a keyed reference of the member

An admin code is used in its group (`/admin CODE`), an ethics code in a 1:1 chat with the
bot (`/ethics CODE`). Only a hash of a code is stored; the page shows it once.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from console.i18n import ct, local_time
from console.names import group_names, member_names, person_name
from console.page import Page, audit, deps_of, locale_of, render, viewer_of
from deps import Deps
from detectors.base import salted_digest

CODE_TTL_SECONDS = 24 * 3600


def member_ref(deps: Deps, user_id: str) -> str:
    """A keyed reference of a member for a form (the id itself never reaches a page)."""
    return salted_digest("console-member:" + user_id, deps.salt)[:20]


async def _page(
    request: web.Request, extra: dict[str, Any] | None = None, status: int = 200
) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    store = deps.store
    viewer = viewer_of(request)
    visible = viewer.groups(store)
    roles = store.list_roles()
    admin_rows = [
        r for r in roles if r["role"] == "admin" and (visible is None or r["group_id"] in visible)
    ]
    gnames = await group_names(
        deps,
        {r["group_id"] for r in admin_rows}
        | set(visible if visible is not None else [g["group_id"] for g in store.list_groups()]),
        locale,
    )
    people = await member_names(deps, ((r["group_id"], r["user_id"]) for r in admin_rows), locale)
    admins = sorted(
        (
            {
                "group": gnames[r["group_id"]],
                "group_id": r["group_id"],
                "name": people[(r["group_id"], r["user_id"])],
                "ref": member_ref(deps, r["user_id"]),
                "since": local_time(r["created_at"], tz=deps.config.timezone),
            }
            for r in admin_rows
        ),
        key=lambda x: (x["group"], x["name"]),
    )
    ethics: list[dict[str, Any]] = []
    if viewer.ethics:
        for r in roles:
            if r["role"] == "ethics":
                ethics.append(
                    {
                        "name": await person_name(deps, r["user_id"], locale),
                        "ref": member_ref(deps, r["user_id"]),
                        "since": local_time(r["created_at"], tz=deps.config.timezone),
                    }
                )
    codes = [
        {
            "role": ct(f"pages.roles.role.{c['role']}", locale),
            "group": gnames.get(c["group_id"], "") if c["group_id"] else "",
            "expires": local_time(c["expires_at"], tz=deps.config.timezone),
        }
        for c in store.invite_codes(deps.now())
        if (c["role"] == "ethics" and viewer.ethics)
        or (c["role"] == "admin" and (visible is None or c["group_id"] in visible))
    ]
    context: dict[str, Any] = {
        "admins": admins,
        "ethics": ethics,
        "codes": codes,
        "groups": sorted(gnames.items(), key=lambda kv: kv[1]),
        "may_invite_ethics": viewer.ethics and viewer.org is None,
        "may_remove": viewer.ethics,
        "new_code": None,
    }
    context.update(extra or {})
    return render(request, "roles.html", context, status=status)


async def roles_view(request: web.Request) -> web.Response:
    audit(request, "roles.view")
    return await _page(request)


async def invite_post(request: web.Request) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    viewer = viewer_of(request)
    form = await request.post()
    role = str(form.get("role", ""))
    group = str(form.get("group", "")) or None
    if role == "ethics" and viewer.ethics and viewer.org is None:
        group = None
    elif role == "admin" and group and viewer.may_see(deps.store, group):
        pass
    else:
        raise web.HTTPNotFound()
    with deps.store.atomic():
        code = deps.store.create_invite_code(role, group, deps.now(), CODE_TTL_SECONDS)
    audit(request, f"roles.invite_{role}", group_id=group)
    how = ct(f"pages.roles.how_{role}", locale, code=code)
    return await _page(request, {"new_code": {"code": code, "how": how}})


async def remove_post(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    viewer = viewer_of(request)
    if not viewer.ethics:
        raise web.HTTPNotFound()
    form = await request.post()
    role, group, ref = (str(form.get(k, "")) for k in ("role", "group", "ref"))
    visible = viewer.groups(deps.store)
    for r in deps.store.list_roles():
        if (
            r["role"] == role
            and r["group_id"] == group
            and member_ref(deps, r["user_id"]) == ref
            and (role == "ethics" or visible is None or group in visible)
            and r["user_id"] != viewer.user_id
        ):
            with deps.store.atomic():
                deps.store.remove_role(r["user_id"], role, group or None)
            audit(request, f"roles.remove_{role}", group_id=group or None)
            raise web.HTTPSeeOther("/console/roles")
    raise web.HTTPNotFound()


PAGES = (
    Page("/roles", roles_view, nav="pages.nav.roles", name="roles"),
    Page("/roles/invite", invite_post, method="POST"),
    Page("/roles/remove", remove_post, method="POST"),
)
