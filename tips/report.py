"""The ethics unit's report: aggregates only.

Figures for a period and the one before it, of the same length: incidents by type and by
group, how many were retracted (unsent) and the median time to retraction, escalations,
false-positive reports (incidents dismissed as not a leak; a sender's provisional
dismissal of a `block` is counted apart, as awaiting review), repeat senders
(counted, never named), tips sent, quiz answers and the share answered correctly, and the
trend against the previous period. No message text, no values, no member names or ids.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from locales import normalise_locale, t
from monitoring.logs import where_failed
from outbox import Priority
from storage import Incident, Store
from storage.tips import TipStore
from tips import messages
from tips.context import TipsContext, utc

log = logging.getLogger("bot.tips")

# An admin's "not a leak" answer closes the incident as dismissed; a reason code mentioning a
# false positive counts too, whatever the status, but for a sender's provisional dismissal of
# a `block`: not a false positive yet, it awaits a reviewer (counted as `awaiting_review`).
FALSE_POSITIVE_STATUSES = ("dismissed",)
AWAITING_REVIEW_STATUSES = ("dismissed_provisional",)
FALSE_POSITIVE_REASON = re.compile(r"false|誤判|not_?a_?leak", re.IGNORECASE)


class PeriodError(ValueError):
    pass


def parse_period(text: str) -> float:
    """'7d', '30d', '12h', '2w' -> seconds."""
    m = re.fullmatch(r"\s*(\d+)\s*([hdw])\s*", text or "")
    if not m:
        raise PeriodError(f"period must look like 7d, 12h or 2w, got {text!r}")
    n, unit = int(m.group(1)), m.group(2)
    if n <= 0:
        raise PeriodError("period must be positive")
    return n * {"h": 3600, "d": 86400, "w": 7 * 86400}[unit]


def group_label(group_id: str, name: str | None) -> str:
    """A group's name when known, else a shortened id (C1a2b…9f0e)."""
    if name:
        return name
    return f"{group_id[:5]}…{group_id[-4:]}" if len(group_id) > 12 else group_id


@dataclass
class Figures:
    total: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_group: Counter[str] = field(default_factory=Counter)
    retracted: int = 0
    retraction_seconds: list[float] = field(default_factory=list)
    escalations: int = 0
    false_positives: int = 0
    justified: int = 0
    still_open: int = 0
    awaiting_review: int = 0
    repeat_senders: int = 0

    @property
    def median_retraction(self) -> float | None:
        return statistics.median(self.retraction_seconds) if self.retraction_seconds else None


def figures(incidents: Iterable[Incident]) -> Figures:
    f = Figures()
    per_sender: Counter[str] = Counter()
    for inc in incidents:
        f.total += 1
        for kind in dict.fromkeys(inc.types or ["unknown"]):
            f.by_type[kind] += 1
        f.by_group[inc.group_id] += 1
        if inc.status == "retracted":
            f.retracted += 1
            start = inc.event_at or inc.created_at
            if inc.resolved_at is not None and inc.resolved_at >= start:
                f.retraction_seconds.append(inc.resolved_at - start)
        if inc.escalated_at is not None or inc.status == "escalated":
            f.escalations += 1
        if inc.status in AWAITING_REVIEW_STATUSES:
            f.awaiting_review += 1
        elif inc.status in FALSE_POSITIVE_STATUSES or (
            inc.reason and FALSE_POSITIVE_REASON.search(inc.reason)
        ):
            f.false_positives += 1
        if inc.status == "justified":
            f.justified += 1
        if inc.status in ("open", "escalated"):
            f.still_open += 1
        if inc.sender_id:
            per_sender[inc.sender_id] += 1
    f.repeat_senders = sum(1 for n in per_sender.values() if n >= 2)
    return f


def change_pct(current: int | float, previous: int | float) -> float | None:
    if not previous:
        return None
    return round((current - previous) * 100.0 / previous, 1)


def calendar_days(start: float, end: float, tz: ZoneInfo) -> int:
    """How many local calendar dates [start, end) touches: a rolling 7-day window that
    starts mid-day spans 8 dates, and today (the last one) must be drawn too."""
    if end <= start:
        return 1
    first = datetime.fromtimestamp(start, tz).date()
    last = datetime.fromtimestamp(end, tz) - timedelta(microseconds=1)
    return (last.date() - first).days + 1


def _daily(incidents: Iterable[Incident], start: float, days: int, tz: ZoneInfo) -> list[int]:
    """Incidents per local calendar date, the first bucket being `start`'s date."""
    first = datetime.fromtimestamp(start, tz).date()
    out = [0] * days
    for inc in incidents:
        i = (datetime.fromtimestamp(inc.created_at, tz).date() - first).days
        if 0 <= i < days:
            out[i] += 1
    return out


def _quiz(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    answers = sum(r["count"] for r in rows)
    correct = sum(r["count"] for r in rows if r["correct"])
    return {
        "answers": answers,
        "correct": correct,
        "correct_pct": round(correct * 100.0 / answers, 1) if answers else None,
    }


def compute(
    current: Sequence[Incident],
    previous: Sequence[Incident],
    *,
    start: float,
    end: float,
    tz: ZoneInfo,
    group_names: dict[str, str | None] | None = None,
    sends: Sequence[dict[str, Any]] = (),
    previous_sends: Sequence[dict[str, Any]] = (),
    quiz_rows: Sequence[dict[str, Any]] = (),
    previous_quiz_rows: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """The report as a JSON-ready dict, from rows (pure: the tests feed known incidents)."""
    names = group_names or {}
    cur, prev = figures(current), figures(previous)
    length = end - start
    days = calendar_days(start, end, tz)
    types = sorted(set(cur.by_type) | set(prev.by_type), key=lambda t: (-cur.by_type[t], t))
    groups = sorted(set(cur.by_group) | set(prev.by_group), key=lambda g: (-cur.by_group[g], g))
    sent = [s for s in sends if s["status"] == "queued"]
    prev_sent = [s for s in previous_sends if s["status"] == "queued"]
    quiz_cur, quiz_prev = _quiz(quiz_rows), _quiz(previous_quiz_rows)

    def iso(ts: float) -> str:
        return datetime.fromtimestamp(ts, tz).isoformat(timespec="minutes")

    return {
        "period": {"start": iso(start), "end": iso(end), "days": round(length / 86400, 2)},
        "previous_period": {"start": iso(start - length), "end": iso(start)},
        "incidents": {
            "total": cur.total,
            "previous": prev.total,
            "change_pct": change_pct(cur.total, prev.total),
            "still_open": cur.still_open,
        },
        "by_type": [
            {"type": t, "count": cur.by_type[t], "previous": prev.by_type[t]} for t in types
        ],
        "by_group": [
            {
                "group": group_label(g, names.get(g)),
                "count": cur.by_group[g],
                "previous": prev.by_group[g],
            }
            for g in groups
        ],
        "retracted": {
            "count": cur.retracted,
            "pct": round(cur.retracted * 100.0 / cur.total, 1) if cur.total else None,
            "median_seconds": cur.median_retraction,
            "previous_count": prev.retracted,
            "previous_median_seconds": prev.median_retraction,
        },
        "escalations": {"count": cur.escalations, "previous": prev.escalations},
        "false_positives": {"count": cur.false_positives, "previous": prev.false_positives},
        "awaiting_review": {"count": cur.awaiting_review, "previous": prev.awaiting_review},
        "justified": {"count": cur.justified, "previous": prev.justified},
        "repeat_senders": {"count": cur.repeat_senders, "previous": prev.repeat_senders},
        "tips": {
            "sent": len(sent),
            "previous": len(prev_sent),
            "by_kind": dict(sorted(Counter(s["kind"] for s in sent).items())),
            "skipped_for_quota": sum(1 for s in sends if s["status"] == "skipped_quota"),
        },
        "quiz": {
            **quiz_cur,
            "previous_answers": quiz_prev["answers"],
            "previous_correct_pct": quiz_prev["correct_pct"],
        },
        "daily": {
            "current": _daily(current, start, days, tz),
            "previous": _daily(previous, start - length, days, tz),
        },
    }


def build(store: Store, start: float, end: float, tz: ZoneInfo) -> dict[str, Any]:
    """The report for [start, end) against [start - (end - start), start), from the database."""
    length = end - start
    rows = store.list_incidents(since=start - length)
    current = [i for i in rows if start <= i.created_at < end]
    previous = [i for i in rows if start - length <= i.created_at < start]
    names = {g["group_id"]: g.get("name") for g in store.list_groups(active_only=False)}
    tips = TipStore(store)

    def day(ts: float) -> str:
        return datetime.fromtimestamp(ts, tz).strftime("%Y-%m-%d")

    return compute(
        current,
        previous,
        start=start,
        end=end,
        tz=tz,
        group_names=names,
        sends=tips.sends_between(start, end),
        previous_sends=tips.sends_between(start - length, start),
        quiz_rows=tips.quiz_counts(since_day=day(start), until_day=day(end)),
        previous_quiz_rows=tips.quiz_counts(since_day=day(start - length), until_day=day(start)),
    )


# -- text --------------------------------------------------------------------------------


def _duration(seconds: float | None, locale: str) -> str:
    if seconds is None:
        return t("report.na", locale)
    if seconds < 5400:
        return t("report.minutes", locale, value=max(1, round(seconds / 60)))
    return t("report.hours", locale, value=round(seconds / 3600, 1))


def _trend(inc: dict[str, Any], locale: str) -> str:
    pct = inc["change_pct"]
    if pct is None:
        return t("report.trend_new", locale) if inc["total"] else t("report.trend_flat", locale)
    if pct > 0:
        return t("report.trend_up", locale, pct=pct)
    if pct < 0:
        return t("report.trend_down", locale, pct=-pct)
    return t("report.trend_flat", locale)


def _type_label(t: str, locale: str) -> str:
    from locales import messages

    return str(messages(locale).get(f"type.{t}") or messages("zh-TW").get(f"type.{t}") or t)


def format_text(report: dict[str, Any], locale: str) -> str:
    """The report as a chat message / terminal text."""
    inc = report["incidents"]
    sep = "、" if locale == "zh-TW" else ", "
    none = t("report.none", locale)

    def items(rows: list[dict[str, Any]], key: str, label: Any = None) -> str:
        shown = [r for r in rows if r["count"]][:8]
        if not shown:
            return none
        return sep.join(f"{label(r[key]) if label else r[key]} {r['count']}" for r in shown)

    start = report["period"]["start"][:10]
    end_dt = datetime.fromisoformat(report["period"]["end"]) - timedelta(seconds=1)
    ret = report["retracted"]
    quiz = report["quiz"]
    lines = [
        t("report.title", locale, start=start, end=end_dt.date().isoformat()),
        t(
            "report.incidents",
            locale,
            count=inc["total"],
            previous=inc["previous"],
            trend=_trend(inc, locale),
        ),
        t(
            "report.by_type",
            locale,
            items=items(report["by_type"], "type", lambda t: _type_label(t, locale)),
        ),
        t("report.by_group", locale, items=items(report["by_group"], "group")),
        t(
            "report.retracted",
            locale,
            count=ret["count"],
            pct=ret["pct"] if ret["pct"] is not None else 0,
            median=_duration(ret["median_seconds"], locale),
        ),
        t("report.escalations", locale, count=report["escalations"]["count"]),
        t("report.false_positives", locale, count=report["false_positives"]["count"]),
        t("report.awaiting_review", locale, count=report["awaiting_review"]["count"]),
        t("report.repeat_senders", locale, count=report["repeat_senders"]["count"]),
        t("report.tips", locale, count=report["tips"]["sent"]),
        t(
            "report.quiz",
            locale,
            answers=quiz["answers"],
            pct=quiz["correct_pct"] if quiz["correct_pct"] is not None else 0,
        ),
    ]
    return "\n".join(lines)


# -- to the ethics unit -------------------------------------------------------------------


def notify_ethics(ctx: TipsContext, key: str, **kw: Any) -> int:
    """Push one message to every ethics-unit member (in their language)."""
    users = ctx.store.ethics_users()
    with ctx.tips.transaction():
        for uid in users:
            text = t(key, ctx.user_locale(uid), **kw)
            ctx.outbox.add_push(uid, [messages.text(text)], kind="notice", priority=Priority.REPLY)
    ctx.outbox.wake()
    return len(users)


def weekly_report_if_due(ctx: TipsContext, now: float) -> bool:
    """On Monday from 09:00 local (once a week), push last week's report to the ethics unit."""
    local = utc(now).astimezone(ctx.tz)
    if local.weekday() != 0 or local.hour < 9:
        return False
    week = local.strftime("%G-W%V")
    if ctx.store.get_setting("tips.weekly_report") == week:
        return False
    users = ctx.store.ethics_users()
    if not users:
        return False
    ctx.store.set_setting("tips.weekly_report", week)
    end = datetime.combine(local.date(), datetime.min.time(), tzinfo=ctx.tz)
    start = end - timedelta(days=7)
    rep = build(ctx.store, start.timestamp(), end.timestamp(), ctx.tz)
    chart_url = None
    if ctx.config.public_url:
        from tips import chart
        from tips.links import publish_chart

        try:
            png = chart.render(rep, normalise_locale(ctx.config.default_locale))
            chart_url = publish_chart(ctx.tips, ctx.config.public_url, png, now)
        except Exception as exc:  # the figures still go out as text
            log.error("report chart failed error=%s", where_failed(exc))
    with ctx.tips.transaction():
        for uid in users:
            msgs = messages.report_messages(format_text(rep, ctx.user_locale(uid)), chart_url)
            ctx.outbox.add_push(uid, msgs, kind="report", priority=Priority.REPLY)
    ctx.outbox.wake()
    return True
