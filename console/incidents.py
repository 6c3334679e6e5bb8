"""Incidents: the filtered list, the same rows as CSV, and one incident with its timeline
and its actions (console/actions.py).

    GET /console/incidents        filters: group, type, verdict, status, from, to (Taiwan
                                  dates), source (text | ocr), repeat (yes | no), page
    GET /console/incidents.csv    the same rows, with a header
    GET /console/incidents/{id}   the incident, its timeline, its actions (POST forms)

A viewer sees only the groups it may (console/auth.py Viewer.groups): another group's
incident answers 404, the same as one that does not exist. Every view of an incident
and every list or export is a row in the audit log.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import partial
from typing import Any

from aiohttp import web

from console import actions
from console.actions import visible_incident
from console.i18n import ct, day_start, local_time
from console.names import group_names, member_names, person_name
from console.page import Page, audit, deps_of, locale_of, render, viewer_of
from deps import Deps
from detectors.types import FINDING_TYPES
from incidents.snippet import readable_masked
from locales import label
from storage import INCIDENT_STATUSES, Incident
from storage.console import IncidentQuery

PAGE_SIZE = 100
CSV_MAX_ROWS = 10_000
VERDICTS = ("warn", "block")
SOURCES = ("text", "ocr")


@dataclass(frozen=True)
class Filters:
    """The list's filters as the form sent them (strings), and the query they make."""

    values: dict[str, str]
    query: IncidentQuery
    page: int


def parse_filters(request: web.Request) -> Filters:
    deps = deps_of(request)
    q = request.query
    values = {
        k: q.get(k, "").strip()
        for k in ("group", "type", "verdict", "status", "from", "to", "source", "repeat")
    }

    def pick(key: str, allowed: tuple[str, ...]) -> str | None:
        return values[key] if values[key] in allowed else None

    since = day_start(values["from"], tz=deps.config.timezone) if values["from"] else None
    until = day_start(values["to"], tz=deps.config.timezone) if values["to"] else None
    repeat = {"yes": True, "no": False}.get(values["repeat"])
    try:
        page = max(1, min(int(q.get("page", "1")), 10_000))
    except ValueError:
        page = 1
    query = IncidentQuery(
        group_id=values["group"] or None,
        type=pick("type", FINDING_TYPES),
        verdict=pick("verdict", VERDICTS),
        status=pick("status", INCIDENT_STATUSES),
        since=since,
        until=until + 86400 if until is not None else None,
        source=pick("source", SOURCES),
        repeat=repeat,
    )
    return Filters(values, query, page)


def _reason(inc: Incident, locale: str) -> str:
    if not inc.reason:
        return ""
    prefix, _, code = inc.reason.partition(":")
    if not code:
        return ct(f"console.reason.{prefix}", locale)
    return label(prefix, code, locale)


async def incident_rows(deps: Deps, incidents: list[Incident], locale: str) -> list[dict[str, Any]]:
    """What a person reads of each incident: names, labels, Taiwan times, masked values."""
    groups = await group_names(deps, (i.group_id for i in incidents), locale)
    members = await member_names(deps, ((i.group_id, i.sender_id) for i in incidents), locale)
    rows = []
    for inc in incidents:
        rows.append(
            {
                "id": inc.id,
                "created": local_time(inc.created_at, tz=deps.config.timezone),
                "group": groups[inc.group_id],
                "sender": members[(inc.group_id, inc.sender_id)],
                "types": [label("type", x, locale) for x in inc.types],
                "masked": readable_masked(inc.types, inc.masked, locale),
                "verdict": label("verdict", inc.verdict, locale),
                "verdict_code": inc.verdict,
                "status": label("status", inc.status, locale),
                "status_code": inc.status,
                "source": ct(f"console.source.{inc.source}", locale),
                "repeat": bool(inc.repeat_of),
                "reason": _reason(inc, locale),
            }
        )
    return rows


def _scoped(request: web.Request, filters: Filters) -> tuple[list[str] | None, IncidentQuery]:
    """The viewer's groups, and the query (a group filter outside them matches nothing)."""
    deps = deps_of(request)
    groups = viewer_of(request).groups(deps.store)
    query = filters.query
    if query.group_id and groups is not None and query.group_id not in groups:
        groups = []
    return groups, query


async def list_view(request: web.Request) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    filters = parse_filters(request)
    groups, query = _scoped(request, filters)
    found = deps.store.search_incidents(
        query, groups=groups, limit=PAGE_SIZE + 1, offset=(filters.page - 1) * PAGE_SIZE
    )
    more = len(found) > PAGE_SIZE
    found = found[:PAGE_SIZE]
    visible = groups if groups is not None else [g["group_id"] for g in deps.store.list_groups()]
    group_choices = await group_names(deps, visible, locale)
    audit(request, "incidents.list", detail=f"rows={len(found)}")
    context = {
        "rows": await incident_rows(deps, found, locale),
        "filters": filters.values,
        "page": filters.page,
        "more": more,
        "query_string": _query_without_page(request),
        "group_choices": sorted(group_choices.items(), key=lambda kv: kv[1]),
        "type_choices": [(x, label("type", x, locale)) for x in FINDING_TYPES],
        "verdict_choices": [(x, label("verdict", x, locale)) for x in VERDICTS],
        "status_choices": [(x, label("status", x, locale)) for x in INCIDENT_STATUSES],
        "source_choices": [(x, ct(f"console.source.{x}", locale)) for x in SOURCES],
    }
    return render(request, "incidents.html", context)


def _query_without_page(request: web.Request) -> str:
    from urllib.parse import urlencode

    return urlencode([(k, v) for k, v in request.query.items() if k != "page" and v])


CSV_COLUMNS = (
    "id",
    "created",
    "group",
    "sender",
    "types",
    "masked",
    "verdict",
    "status",
    "source",
    "repeat",
    "reason",
)


def _cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = " / ".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


async def csv_view(request: web.Request) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    groups, query = _scoped(request, parse_filters(request))
    found = deps.store.search_incidents(query, groups=groups, limit=CSV_MAX_ROWS)
    rows = await incident_rows(deps, found, locale)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([ct(f"console.col.{c}", locale) for c in CSV_COLUMNS])
    for row in rows:
        row = {**row, "repeat": ct("console.yes" if row["repeat"] else "console.no", locale)}
        writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    audit(request, "incidents.export", detail=f"rows={len(rows)}")
    return web.Response(
        body=("\ufeff" + out.getvalue()).encode("utf-8"),  # BOM: Excel reads it as UTF-8
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": 'attachment; filename="incidents.csv"'},
    )


async def detail_view(request: web.Request) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    inc = visible_incident(request)
    audit(request, "incident.view", incident_id=inc.id, group_id=inc.group_id)
    [row] = await incident_rows(deps, [inc], locale)
    repeat_visible = bool(inc.repeat_of) and (
        (first := deps.store.incident(inc.repeat_of or "")) is not None
        and viewer_of(request).may_see(deps.store, first.group_id)
    )
    context = {
        "inc": row,
        "doc_type": label("doc", inc.doc_type, locale) if inc.doc_type else "",
        "repeat_of": inc.repeat_of if repeat_visible else None,
        "resolved_by": await person_name(deps, inc.resolved_by, locale) if inc.resolved_by else "",
        "timeline": await actions.timeline(deps, inc, locale),
        "actions": actions.available(deps, inc, viewer_of(request)),
        "note_choices": actions.note_choices(locale),
        "done": ct(f"console.done.{request.query['done']}", locale)
        if request.query.get("done") in actions.ACTIONS
        else "",
        "when": partial(local_time, tz=deps.config.timezone),
    }
    return render(request, "incident.html", context)


PAGES = (
    Page("/incidents", list_view, nav="console.nav.incidents", name="incidents"),
    Page("/incidents.csv", csv_view, name="incidents_csv"),
    Page("/incidents/{id}", detail_view, name="incident"),
    *actions.PAGES,
)
