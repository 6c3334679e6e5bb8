"""The overview: incidents per day, per type and per group, how long senders took to unsend,
and who repeats, over the last 7, 30 or 90 days, in the groups the viewer may see.

Charts are drawn by Chart.js (vendored: static/chart.umd.min.js, v4.6.1 from npm, MIT) from
the figures the page carries in `data-chart` attributes (static/overview.js; no inline
script, the CSP forbids it); every chart has the same figures as a table beside it.

    GET /console/overview?days=30
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from console.i18n import ct, local_time
from console.names import group_names, member_names
from console.page import Page, audit, deps_of, locale_of, period_of, render, viewer_of
from locales import label

PERIODS = (7, 30, 90)
DAY = 86400.0


def _minutes(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds / 60:.1f}"


async def overview_view(request: web.Request) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    store = deps.store
    days = period_of(request, PERIODS, 30)
    now = deps.now()
    since = now - days * DAY
    groups = viewer_of(request).groups(store)
    per_day = store.flagged_per_day(groups, since, now)
    per_type = [(label("type", t_, locale), n) for t_, n in store.flagged_per_type(groups, since)]
    by_group = store.flagged_per_group(groups, since)
    names = await group_names(deps, [g for g, _ in by_group], locale)
    per_group = [(names[g], n) for g, n in by_group]
    unsend = store.unsend_times(groups, since)
    repeats = store.repeat_senders(groups, since)[:20]
    people = await member_names(deps, ((r["group_id"], r["sender_id"]) for r in repeats), locale)
    rgroups = await group_names(deps, {r["group_id"] for r in repeats}, locale)
    repeat_rows = [
        {
            "name": people[(r["group_id"], r["sender_id"])],
            "group": rgroups[r["group_id"]],
            "count": r["n"],
            "last": local_time(r["last"], tz=deps.config.timezone),
        }
        for r in repeats
    ]
    charts: dict[str, dict[str, Any]] = {
        "per_day": {
            "kind": "line",
            "label": ct("pages.overview.flagged", locale),
            "labels": [d for d, _ in per_day],
            "values": [n for _, n in per_day],
        },
        "per_type": {
            "kind": "bar",
            "label": ct("pages.overview.flagged", locale),
            "labels": [x for x, _ in per_type],
            "values": [n for _, n in per_type],
        },
        "per_group": {
            "kind": "bar",
            "label": ct("pages.overview.flagged", locale),
            "labels": [x for x, _ in per_group],
            "values": [n for _, n in per_group],
        },
    }
    audit(request, "overview.view", detail=f"days={days}")
    return render(
        request,
        "overview.html",
        {
            "days": days,
            "periods": PERIODS,
            "total": sum(n for _, n in per_day),
            "per_day": per_day,
            "per_type": per_type,
            "per_group": per_group,
            "charts": {k: json.dumps(v, ensure_ascii=False) for k, v in charts.items()},
            "unsend": unsend,
            "unsend_median": _minutes(unsend.get("median")),
            "unsend_p90": _minutes(unsend.get("p90")),
            "repeats": repeat_rows,
        },
    )


PAGES = (Page("/overview", overview_view, nav="pages.nav.overview", name="overview"),)
