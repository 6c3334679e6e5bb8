"""Groups: what the console sets per group, by its admins or the ethics unit.

    GET  /console/groups                    the groups the viewer may see, with their settings
    GET  /console/groups/{gid}              one group: settings, allow-list, test box, tips
    POST /console/groups/{gid}/settings     mode (enforce | monitor), grace period, language
    POST /console/groups/{gid}/allow        allow a sentence (incidents/allowlist.py)
    POST /console/groups/{gid}/allow/{eid}/delete
    POST /console/groups/{gid}/test         "test a sentence": the scan and its explanation
    POST /console/groups/{gid}/tips         the tip schedule (tips/schedule.py)

The policy file's overrides for the group are shown, not edited (they live on the server).
A sentence typed in the test box or the allow form is never stored, logged or audited: an
entry keeps its masked label and hashes only; the audit row says which entry, not what.
Another group's page answers 404, like a group that does not exist.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from console.i18n import ct, local_time
from console.names import group_names
from console.page import Page, audit, deps_of, locale_of, render, viewer_of
from deps import Deps
from detectors.base import ScanResult
from detectors.policy import DEFAULT_POLICY, Policy
from incidents.allowlist import NothingToAllow, add_entry, try_sentence
from locales import LOCALES, label, normalise_locale
from storage.groups import MODES
from tips.schedule import ScheduleError

GRACE_MINUTES_MAX = 7 * 24 * 60
DONE = ("settings", "allow", "allow_removed", "tips")


def _policy(deps: Deps) -> Policy:
    return deps.policy or DEFAULT_POLICY


def _group_id(request: web.Request) -> str:
    """The route's group, if the viewer may see it (else 404)."""
    deps = deps_of(request)
    gid = request.match_info["gid"]
    if deps.store.group(gid) is None or not viewer_of(request).may_see(deps.store, gid):
        raise web.HTTPNotFound()
    return gid


def _overrides(policy: Policy, gid: str, locale: str) -> list[tuple[str, str]]:
    """The policy file's settings for this group that differ from the file's defaults."""
    mine = policy.for_group(gid)
    if mine is policy:
        return []
    out: list[tuple[str, str]] = []
    if (mine.warn_threshold, mine.block_threshold) != (
        policy.warn_threshold,
        policy.block_threshold,
    ):
        out.append(
            (
                ct("pages.groups.thresholds", locale),
                f"{mine.warn_threshold:.2f} / {mine.block_threshold:.2f}",
            )
        )
    if mine.disabled_types != policy.disabled_types:
        names = ", ".join(label("type", x, locale) for x in sorted(mine.disabled_types))
        out.append((ct("pages.groups.disabled_types", locale), names or "-"))
    if mine.keywords != policy.keywords:
        count = sum(len(w) for _, w in mine.keywords)
        out.append((ct("pages.groups.keywords", locale), str(count)))
    if mine.allow_values != policy.allow_values or mine.allow_domains != policy.allow_domains:
        count = len(mine.allow_values) + len(mine.allow_domains)
        out.append((ct("pages.groups.policy_allow", locale), str(count)))
    return out


def explain(result: ScanResult, locale: str) -> dict[str, Any]:
    """What `bot.py scan --explain` says of a result, for a page: masked values, rules,
    checksums, context words and every step of each score (no text of the message)."""

    def one(f: Any) -> dict[str, Any]:
        return {
            "type": label("type", f.type, locale),
            "masked": f.masked,
            "score": f"{f.score:.2f}",
            "rule": f.rule,
            "checksum": {True: "valid", False: "invalid", None: "n/a"}[f.checksum],
            "context": f.context or "-",
            "why": list(f.why),
        }

    return {
        "verdict": label("verdict", result.verdict, locale),
        "verdict_code": result.verdict,
        "findings": [one(f) for f in result.findings],
        "suppressed": [one(f) for f in result.suppressed],
        "reasons": list(result.reasons),
    }


async def list_view(request: web.Request) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    store = deps.store
    visible = viewer_of(request).groups(store)
    rows = [g for g in store.list_groups() if visible is None or g["group_id"] in visible]
    names = await group_names(deps, [g["group_id"] for g in rows], locale)
    out = []
    for g in rows:
        gid = g["group_id"]
        s = store.group_settings(gid)
        grace = s.grace_seconds or deps.config.escalation_grace_seconds
        out.append(
            {
                "id": gid,
                "name": names[gid],
                "mode": ct(f"pages.groups.mode.{s.mode}", locale),
                "grace": f"{grace / 60:g}",
                "language": ct(f"pages.lang.{normalise_locale(g.get('locale'))}", locale),
                "allow": len(store.allow_entries(gid)),
            }
        )
    out.sort(key=lambda r: r["name"])
    audit(request, "groups.list", detail=f"rows={len(out)}")
    return render(request, "groups.html", {"rows": out})


async def _detail(
    request: web.Request, gid: str, extra: dict[str, Any] | None = None, status: int = 200
) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    store = deps.store
    names = await group_names(deps, [gid], locale)
    s = store.group_settings(gid)
    grace = s.grace_seconds or deps.config.escalation_grace_seconds
    schedule = deps.tips.schedule(gid) if deps.tips is not None else None
    done = request.query.get("done", "")
    context: dict[str, Any] = {
        "gid": gid,
        "name": names[gid],
        "mode": s.mode,
        "modes": [(m, ct(f"pages.groups.mode.{m}", locale)) for m in MODES],
        "grace_minutes": f"{grace / 60:g}",
        "language": normalise_locale(store.group_locale(gid)),
        "languages": [(x, ct(f"pages.lang.{x}", locale)) for x in LOCALES],
        "overrides": _overrides(_policy(deps), gid, locale),
        "entries": [
            {
                "id": e.id,
                "label": e.label,
                "added": local_time(e.created_at, tz=deps.config.timezone),
            }
            for e in store.allow_entries(gid)
        ],
        "schedule": schedule.to_row(gid, 0.0) if schedule is not None else None,
        "explanation": None,
        "used": [],
        "message": ct(f"pages.groups.done.{done}", locale) if done in DONE else None,
        "error": None,
    }
    context.update(extra or {})
    return render(request, "group.html", context, status=status)


async def detail_view(request: web.Request) -> web.Response:
    gid = _group_id(request)
    audit(request, "groups.view", group_id=gid)
    return await _detail(request, gid)


def _back(gid: str, note: str) -> web.HTTPSeeOther:
    return web.HTTPSeeOther(f"/console/groups/{gid}?done={note}")


async def settings_post(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    gid = _group_id(request)
    form = await request.post()
    mode = str(form.get("mode", ""))
    lang = str(form.get("language", ""))
    try:
        minutes = float(str(form.get("grace_minutes", "")))
    except ValueError:
        minutes = -1
    if mode not in MODES or lang not in LOCALES or not 0 < minutes <= GRACE_MINUTES_MAX:
        error = ct("pages.groups.bad_settings", locale_of(request), most=GRACE_MINUTES_MAX)
        return await _detail(request, gid, {"error": error}, status=400)
    now = deps.now()
    with deps.store.atomic():
        deps.store.set_group_settings(gid, now, mode=mode, grace_seconds=minutes * 60)
        deps.store.upsert_group(gid, now, locale=lang)
    audit(
        request,
        "groups.settings",
        group_id=gid,
        detail=f"mode={mode} grace={minutes:g}m lang={lang}",
    )
    raise _back(gid, "settings")


async def allow_post(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    locale = locale_of(request)
    gid = _group_id(request)
    form = await request.post()
    text = str(form.get("sentence", ""))
    try:
        with deps.store.atomic():
            entry_id, _ = add_entry(
                deps.store,
                _policy(deps),
                gid,
                text,
                deps.salt,
                deps.now(),
                viewer_of(request).session_hash,
            )
    except NothingToAllow:
        return await _detail(
            request, gid, {"error": ct("pages.groups.nothing_to_allow", locale)}, 400
        )
    except ValueError:
        return await _detail(request, gid, {"error": ct("pages.groups.bad_sentence", locale)}, 400)
    audit(request, "groups.allow_add", group_id=gid, detail=f"entry={entry_id}")
    raise _back(gid, "allow")


async def allow_delete(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    gid = _group_id(request)
    try:
        entry_id = int(request.match_info["eid"])
    except ValueError:
        raise web.HTTPNotFound() from None
    with deps.store.atomic():
        removed = deps.store.remove_allow_entry(gid, entry_id)
    if not removed:
        raise web.HTTPNotFound()
    audit(request, "groups.allow_remove", group_id=gid, detail=f"entry={entry_id}")
    raise _back(gid, "allow_removed")


async def test_post(request: web.Request) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    gid = _group_id(request)
    form = await request.post()
    text = str(form.get("sentence", "")).strip()
    if not text:
        return await _detail(request, gid, {"error": ct("pages.groups.bad_sentence", locale)}, 400)
    result, used = try_sentence(deps.store, _policy(deps), gid, text, deps.salt)
    audit(request, "groups.test", group_id=gid, detail=f"verdict={result.verdict}")
    return await _detail(request, gid, {"explanation": explain(result, locale), "used": used})


async def tips_post(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    gid = _group_id(request)
    if deps.tips is None:
        raise web.HTTPNotFound()
    form = await request.post()
    try:
        schedule = deps.tips.set_schedule(
            gid,
            enabled=form.get("enabled") == "on",
            every=int(str(form.get("every", "1"))),
            per_week=int(str(form.get("per_week", "1"))),
            days=str(form.get("days", "")),
            at=str(form.get("at", "")),
            quiet=str(form.get("quiet", "")),
        )
    except (ScheduleError, ValueError):
        error = ct("pages.groups.bad_schedule", locale_of(request))
        return await _detail(request, gid, {"error": error}, status=400)
    audit(request, "groups.tips", group_id=gid, detail=schedule.describe())
    raise _back(gid, "tips")


PAGES = (
    Page("/groups", list_view, nav="pages.nav.groups", name="groups"),
    Page("/groups/{gid}", detail_view, name="group"),
    Page("/groups/{gid}/settings", settings_post, method="POST"),
    Page("/groups/{gid}/allow", allow_post, method="POST"),
    Page("/groups/{gid}/allow/{eid}/delete", allow_delete, method="POST"),
    Page("/groups/{gid}/test", test_post, method="POST"),
    Page("/groups/{gid}/tips", tips_post, method="POST"),
)
