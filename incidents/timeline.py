"""An incident's timeline: writing a step (`record`, from every code path that changes an
incident) and saying it for a person (`describe`, `render`: the command line, the console).

What a row holds is storage/incident_events.py's: a kind, a time, the actor's role, a
keyed hash of the actor (or "cli") and a code; never a text or a value.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from incidents.snippet import readable_masked
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


def resolver_label(store: StorageBackend, inc: Incident, key: bytes | None, locale: str) -> str:
    """`resolved_by` for a person: its role in this incident (sender, group admin, ethics
    unit, command line) and, for a user, the short keyed hash the timeline shows; never the
    raw LINE id."""
    from storage import actor_ref

    who = inc.resolved_by
    if not who:
        return "-"
    if who == "cli":
        return label("role", "cli", locale)
    role = (
        "sender"
        if who == inc.sender_id
        else "admin"
        if store.is_admin(who, inc.group_id)
        else "ethics"
        if store.is_ethics(who)
        else None
    )
    ref = actor_ref(who, key)[2:10] if key is not None else None
    parts = [label("role", role, locale) if role else "", f"({ref})" if ref else ""]
    return " ".join(p for p in parts if p) or "-"


def render(
    inc: Incident,
    events: Sequence[IncidentEvent],
    locale: str,
    timezone: str,
    *,
    group: str | None = None,
    resolver: str = "-",
) -> str:
    """The incident and its timeline as text (the `bot.py incidents show ID` output);
    `resolver`: who resolved it, said for a person (`resolver_label`)."""
    lines = [
        t(
            "incident.head",
            locale,
            id=inc.id,
            verdict=label("verdict", inc.verdict, locale),
            status=label("status", inc.status, locale),
            group=group or inc.group_id,
            types="、".join(label("type", ty, locale) for ty in inc.types) or "-",
            masked=" ".join(readable_masked(inc.types, inc.masked, locale)) or "-",
            created=local_time(timezone, inc.event_at or inc.created_at),
        )
    ]
    if inc.reason and ":" in inc.reason:  # a sender's code (reason:…, need:…)
        lines.append(t("incident.reason", locale, reason=detail_label(inc.reason, locale)))
    if inc.resolved_at is not None:
        lines.append(
            t(
                "incident.resolved",
                locale,
                time=local_time(timezone, inc.resolved_at),
                who=resolver,
            )
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
