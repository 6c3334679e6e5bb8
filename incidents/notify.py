"""Telling people about an incident: the private note to the sender, the alert to the
group's admins (at once, or on escalation), and short notices to them afterwards.

The note and the immediate alert need LINE lookups (group name, friendship, display
name), so they run as a follow-up job (`follow_up`) written with the incident: after
the webhook's answer, and again at start for jobs a killed process left behind.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from deps import Deps
from detectors.policy import DEFAULT_POLICY
from incidents.timeline import record
from line import messages
from line.incoming import Incoming
from line.lookups import Where
from locales import LOCALES, label, local_time, t
from monitoring.logs import where_failed
from outbox import PRIORITY_ALERT, PRIORITY_NOTE, OutboxKind
from storage import REVIEW_STATUSES, Incident

log = logging.getLogger("bot.actions")


async def group_label(deps: Deps, w: Where, locale: str, incoming: Incoming | None = None) -> str:
    """The group's name for a person to read; "this chat" for rooms or when LINE is down."""
    name = await (incoming.group_name() if incoming else deps.lookups.group_name(w))
    return name or label("alert", "room_name", locale)


@dataclass(frozen=True)
class AlertContent:
    """The masked snippet of the message (incidents/snippet.py) in every locale, as each
    admin reads their own. The alert's types line is the incident's (no values: they are
    in the snippet), so the first alert and the escalation say it alike."""

    snippet: dict[str, str]

    def pack(self) -> str:
        """For the follow-up row's `snippet` column (masked text only)."""
        return json.dumps({"snippet": self.snippet}, ensure_ascii=False)

    @classmethod
    def unpack(cls, raw: str) -> AlertContent:
        """A packed row, or a row an older release wrote (one snippet)."""
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("snippet"), dict):
            return cls(dict(data["snippet"]))
        return cls({loc: raw or "-" for loc in LOCALES})

    @classmethod
    def of_incident(cls, inc: Incident) -> AlertContent:
        """What an incident still holds when the message is long gone (the escalation): the
        masked snippet kept with it, or (a row an older release wrote) its masked
        identifier values, no text."""
        if inc.snippet:
            return cls.unpack(inc.snippet)
        values = [m for m in inc.masked if not (m.startswith("[") and m.endswith("]"))][:4]
        return cls(
            {
                loc: messages.safe_v2(" ".join(values)) if values else t("alert.no_snippet", loc)
                for loc in LOCALES
            }
        )

    def snippet_in(self, locale: str) -> str:
        return self.snippet.get(locale) or next(iter(self.snippet.values()), "-")


def pack_items(items: dict[str, str]) -> str:
    """The note's types line in every locale, for the follow-up row's `items` column."""
    return json.dumps({"items": items}, ensure_ascii=False)


def items_in(raw: str, locale: str) -> str:
    """The note's types line in `locale` from a packed row (or the one line an older release
    wrote, in the group's language)."""
    try:
        data = json.loads(raw)
    except ValueError:
        return raw
    if isinstance(data, dict) and isinstance(data.get("items"), dict):
        table = data["items"]
        return str(table.get(locale) or next(iter(table.values()), ""))
    return raw


async def follow_up(
    deps: Deps, incident_id: str, items: str, snippet: str, *, incoming: Incoming | None = None
) -> None:
    """The private note (friends) and the immediate admin alert (block, or a repeated value)
    of one incident, queued exactly once: the lookups first, then the messages and the
    removal of the job in one transaction. Nothing is sent for an incident already closed.
    `items` is the note's packed line (`pack_items`; the sender reads it in their own
    language, their 1:1 /lang, as the admins read the alert), `snippet` the packed AlertContent;
    `incoming` is the event that opened it (absent when a job is resumed)."""
    store = deps.store
    inc = store.incident(incident_id)
    if inc is None or inc.status not in REVIEW_STATUSES:
        store.followup_done(incident_id)
        return
    w = Where(inc.group_id, inc.chat_type, inc.sender_id)
    locale = deps.lookups.user_locale(inc.sender_id)  # the note is the sender's, in 1:1
    why = messages.why_line(inc.types, locale)
    gname = await group_label(deps, w, locale, incoming)
    friend = bool(inc.sender_id) and await deps.lookups.is_friend(inc.sender_id or "")
    alert = inc.verdict == "block" or bool(inc.repeat_of)
    name = await deps.lookups.display_name(w, inc.sender_id) if alert else None
    group_name = await (incoming.group_name() if incoming else deps.lookups.group_name(w))
    content = AlertContent.unpack(snippet)
    with store.atomic():
        fresh = store.incident(incident_id)
        if fresh is not None and fresh.status in REVIEW_STATUSES:
            if friend and inc.sender_id:
                note_items = items_in(items, locale)
                await send_private_note(deps, fresh, inc.sender_id, gname, note_items, why, locale)
            else:  # no private note: the timeline says why (delivery is the outbox's to record)
                why_not = "not_friend" if inc.sender_id else "no_sender"
                record(store, inc.id, "note_failed", deps.now(), detail=why_not)
            if alert:
                await alert_admins(
                    deps, fresh, w, content, group_name=group_name, name=name, looked_up=True
                )
        store.followup_done(incident_id)


async def resume_followups(deps: Deps, created_before: float | None = None) -> int:
    """Follow-ups a killed process left behind (at start), or whose run failed after the
    answer (e.g. the disk was full; `created_before` skips those still running). Their
    incident and warning were committed before the 200. Returns how many were run."""
    rows = deps.store.followups(created_before)
    for row in rows:
        try:
            await follow_up(
                deps, str(row["incident_id"]), str(row["items"] or ""), str(row["snippet"] or "-")
            )
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the row stays; the next start tries again
            log.error(
                "follow-up failed incident=%s error=%s", row["incident_id"], where_failed(exc)
            )
    if rows:
        log.info("follow-ups resumed count=%d", len(rows))
    return len(rows)


async def send_private_note(
    deps: Deps, inc: Incident, user_id: str, gname: str, items: str, why: str, locale: str
) -> None:
    note = t(
        "note.text",
        locale,
        verdict=t(f"verdict.{inc.verdict}", locale),
        group=gname,
        time=local_time(deps.config.timezone, inc.event_at or inc.created_at),
        items=items,
        why=why,
    )
    deadline = (inc.event_at or inc.created_at) + deps.config.unsend_window_seconds
    note += "\n" + t("note.deadline", locale, deadline=local_time(deps.config.timezone, deadline))
    await deps.outbox.enqueue_push(
        user_id,
        [messages.text(note), messages.note_buttons(inc.id, locale)],
        priority=PRIORITY_NOTE,
        kind="note",
        incident_id=inc.id,
    )


def alert_recipients(deps: Deps, group_id: str, types: Iterable[str] = ()) -> list[str]:
    """The group's admins; the ethics unit when the group has none, and as well when one of
    `types` is a type the policy always routes to it ([routing] ethics_types)."""
    admins = deps.store.group_admins(group_id)
    if not admins:
        return deps.store.ethics_users()
    policy = (deps.policy or DEFAULT_POLICY).for_group(group_id)
    if policy.ethics_types.intersection(types):
        return list(dict.fromkeys([*admins, *deps.store.ethics_users()]))
    return admins


def alert_body(
    deps: Deps,
    inc: Incident,
    locale: str,
    *,
    group: str,
    name: str,
    items: str,
    snippet: str,
    escalation: bool = False,
) -> str:
    """The one alert format: the first alert and the escalation are the same message, the
    escalation with one line more (how long it has stayed up) at its top."""
    body = t(
        "alert.new",
        locale,
        verdict=t(f"verdict.{inc.verdict}", locale),
        group=group,
        name=name,
        time=local_time(deps.config.timezone, inc.event_at or inc.created_at),
        items=items,
        snippet=snippet,
        id=inc.id,
    )
    if escalation:
        minutes = max(1, round(deps.config.escalation_grace_seconds / 60))
        body = t("alert.escalated", locale, minutes=minutes) + "\n" + body
    if inc.repeat_of:
        body += "\n" + t("alert.repeat", locale, id=inc.repeat_of)
    return body


async def alert_admins(
    deps: Deps,
    inc: Incident,
    w: Where,
    content: AlertContent | None = None,
    *,
    escalation: bool = False,
    group_name: str | None = None,
    name: str | None = None,
    looked_up: bool = False,
) -> int:
    """Push the alert (or the escalation) to each recipient, each in their own language
    (their /lang in a 1:1 chat, else LINE's profile language); returns how many were
    alerted. `looked_up`: the group and display names were asked for already."""
    recipients = alert_recipients(deps, inc.group_id, inc.types)
    admins = set(deps.store.group_admins(inc.group_id))
    copied = sum(1 for r in recipients if r not in admins)
    record(
        deps.store,
        inc.id,
        "escalated" if escalation else "alerted",
        deps.now(),
        detail=f"admin={len(recipients) - copied},ethics={copied}",
    )
    if not recipients:
        log.warning("no admin to alert group=%s incident=%s", inc.group_id, inc.id)
        return 0
    if content is None:
        content = AlertContent.of_incident(inc)
    if not looked_up:
        group_name = await deps.lookups.group_name(w)
        if inc.sender_id:
            name = await deps.lookups.display_name(w, inc.sender_id)
    provisional = inc.status == "dismissed_provisional"
    for admin in recipients:
        locale = deps.lookups.user_locale(admin)
        body = alert_body(
            deps,
            inc,
            locale,
            group=group_name or label("alert", "room_name", locale),
            name=name or t("alert.unknown_name", locale),
            items=messages.items_line(inc.types, {}, locale, inc.doc_type),
            snippet=content.snippet_in(locale),
            escalation=escalation,
        )
        if provisional:  # the sender said false positive: the buttons are confirm / overrule
            body += "\n" + t("review.provisional", locale)
        buttons = (messages.review_buttons if provisional else messages.admin_buttons)(
            inc.id, locale
        )
        await deps.outbox.enqueue_push(
            admin,
            [messages.text(body), buttons],
            priority=PRIORITY_ALERT,
            kind="escalation" if escalation else "alert",
            incident_id=inc.id,
        )
    deps.store.mark_alerted(inc.id, deps.now())
    log.info(
        "admins alerted incident=%s count=%d escalation=%s", inc.id, len(recipients), escalation
    )
    return len(recipients)


async def notify_admins(
    deps: Deps,
    group_id: str,
    body: str | Callable[[str], str],
    *,
    kind: OutboxKind,
    incident_id: str | None = None,
    extra: Sequence[messages.Message] | Callable[[str], Sequence[messages.Message]] = (),
) -> None:
    """One text to the group's admins (the ethics unit when it has none, or as well for an
    incident of a type routed to it), with `extra` messages after it (buttons). `body` and
    `extra` given as functions of the locale are written in each recipient's language."""
    inc = deps.store.incident(incident_id) if incident_id else None
    for admin in alert_recipients(deps, group_id, inc.types if inc else ()):
        locale = deps.lookups.user_locale(admin)
        text = body if isinstance(body, str) else body(locale)
        more = extra(locale) if callable(extra) else extra
        await deps.outbox.enqueue_push(
            admin,
            [messages.text(text), *more],
            priority=PRIORITY_ALERT,
            kind=kind,
            incident_id=incident_id,
        )
