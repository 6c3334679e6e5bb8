"""An incident's timeline: writing a step (`record`, from every code path that changes an
incident) and saying it for a person (`describe`, `render`: the command line, the console).

What a row holds is storage/incident_events.py's: a kind, a time, the actor's role, a
keyed hash of the actor (or "cli") and a code; never a text or a value.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from locales import label, local_time, t
from storage import Incident, IncidentEvent, StorageBackend

log = logging.getLogger("bot.actions")


def record(
    store: StorageBackend,
    incident_id: str,
    kind: str,
    now: float,
    *,
    role: str = "system",
    actor: str | None = None,
    detail: str | None = None,
) -> None:
    """Append one step to an incident's timeline (inside the caller's transaction)."""
    store.add_incident_event(incident_id, kind, now, actor_role=role, actor=actor, detail=detail)
    log.info("incident event id=%s kind=%s role=%s", incident_id, kind, role)


@dataclass(frozen=True)
class Step:
    """One timeline row said for a person."""

    time: str  # local time, e.g. 2026-03-02 14:05
    what: str  # the kind, translated
    who: str  # the role, translated (and a short actor ref when there is one)
    detail: str  # the detail code translated where it is a known code, else ""


def detail_label(detail: str | None, locale: str) -> str:
    """`reason:own_data` -> 是我自己的資料; a note choice -> its label; counts as they are."""
    if not detail:
        return ""
    kind, _, code = detail.partition(":")
    if code and kind in ("reason", "need"):
        return label(kind, code, locale)
    if kind == "how":
        return code
    lab = label("note_choice", detail, locale)
    if lab != detail:
        return lab
    return label("verdict", detail, locale) if detail in ("warn", "block") else detail


def describe(event: IncidentEvent, locale: str, timezone: str) -> Step:
    who = label("role", event.actor_role, locale)
    if event.actor and event.actor.startswith("h:"):
        who += f" ({event.actor[2:10]})"
    return Step(
        time=local_time(timezone, event.at),
        what=label("event", event.kind, locale),
        who=who,
        detail=detail_label(event.detail, locale),
    )


def resolver_label(resolved_by: str | None, key: bytes | None, locale: str) -> str:
    """`resolved_by` for a person: the command line, or the role-and-ref form of a user
    (a keyed hash, as in the timeline; the raw id is never printed)."""
    from storage import actor_ref

    if not resolved_by:
        return "-"
    if resolved_by == "cli":
        return t("incident.actor_cli", locale)
    if key is None:
        return "-"
    return actor_ref(resolved_by, key)[2:10]


def render(
    inc: Incident,
    events: Sequence[IncidentEvent],
    locale: str,
    timezone: str,
    *,
    group: str | None = None,
    key: bytes | None = None,
) -> str:
    """The incident and its timeline as text (the `bot.py incidents show ID` output)."""
    lines = [
        t(
            "incident.head",
            locale,
            id=inc.id,
            verdict=label("verdict", inc.verdict, locale),
            status=label("status", inc.status, locale),
            group=group or inc.group_id,
            types="、".join(label("type", ty, locale) for ty in inc.types) or "-",
            masked=" ".join(inc.masked) or "-",
            created=local_time(timezone, inc.event_at or inc.created_at),
        )
    ]
    if inc.reason and ":" in inc.reason:  # a sender's code (reason:…, need:…)
        lines.append(t("incident.reason", locale, reason=detail_label(inc.reason, locale)))
    if inc.resolved_at is not None:
        who = resolver_label(inc.resolved_by, key, locale)
        lines.append(
            t("incident.resolved", locale, time=local_time(timezone, inc.resolved_at), who=who)
        )
    else:
        lines.append(t("incident.open", locale))
    lines.append(t("incident.timeline", locale, zone=timezone))
    if not events:
        lines.append("  " + t("incident.none", locale))
    for ev in events:
        step = describe(ev, locale, timezone)
        extra = f"  {step.detail}" if step.detail else ""
        lines.append(f"  {step.time}  {step.what}  [{step.who}]{extra}")
    return "\n".join(lines)
