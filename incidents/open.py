"""The one place that turns a ScanResult into actions: `act` (and `open_incident`).

Policy (warn vs block), documented in docs/service.md as well:

| verdict | group warning (mentions the sender)   | private note (friends) | admins                      |
|---------|---------------------------------------|------------------------|-----------------------------|
| allow   | nothing                               | nothing                | nothing                     |
| warn    | gentle: "may contain ..., unsend if   | yes, with buttons      | only if not unsent within   |
|         | not needed for official work"         |                        | the grace period (once), or |
|         |                                       |                        | at once for a repeat value  |
| block   | firm: "unsend now"                    | yes, with buttons      | at once, and again (once)   |
|         |                                       |                        | if not unsent in the grace  |

Every flagged group message becomes an incident (ids, types, masked values, salted
hashes, verdict, status); nothing raw is stored. The group warning uses the event's
reply token when it is still fresh (free), else a push; the outbox falls back to a
push by itself when LINE rejects the token. A 1:1 chat is a self-check: the sender
gets the verdict and findings back and no incident is recorded.
"""

from __future__ import annotations

import asyncio
import logging
import uuid

from deps import Deps
from detectors.base import ScanResult
from detectors.policy import DEFAULT_POLICY
from incidents.allowlist import apply_allow_list
from incidents.notify import AlertContent, follow_up, pack_items
from incidents.snippet import Span, masked_snippet
from incidents.timeline import record
from line import messages
from line.incoming import Incoming
from locales import LOCALES, t
from outbox import PRIORITY_REPLY, PRIORITY_WARNING
from storage import Incident

log = logging.getLogger("bot.actions")


def masked_by_type(result: ScanResult) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in result.findings:
        if f.masked and f.masked not in out.setdefault(f.type, []):
            out[f.type].append(f.masked)
    return out


def _flagged(result: ScanResult) -> bool:
    return result.verdict != "allow" and bool(result.findings or result.doc_type)


async def act(deps: Deps, incoming: Incoming, result: ScanResult, *, source: str) -> None:
    """A scanned message, group or 1:1 (the image runner's entry): an incident in a group or
    room, a self-check answer in a 1:1 chat; nothing for an allowed message."""
    if not _flagged(result):
        return
    if incoming.is_group:
        await open_incident(deps, incoming, result, source=source)
    else:
        await self_check(deps, incoming, result)


async def open_incident(deps: Deps, incoming: Incoming, result: ScanResult, *, source: str) -> None:
    """Warn, note, alert, record and time the escalation for one scanned group message."""
    w = incoming.where
    message_id = incoming.message_id
    if not _flagged(result) or w.chat_id is None or message_id is None:
        return
    store = deps.store
    now = deps.now()
    if store.incident_by_message(message_id) is not None:
        log.info("incident exists message=%s", message_id)
        return
    result = with_group_allow_list(deps, incoming, result, w.chat_id, source)
    if not _flagged(result):
        return
    settings = store.group_settings(w.chat_id)
    grace = settings.grace_seconds or deps.config.escalation_grace_seconds
    masked = masked_by_type(result)
    digests = sorted({f.digest for f in result.findings if f.digest})
    inc = Incident(
        id=uuid.uuid4().hex[:12],
        group_id=w.chat_id,
        chat_type=w.chat_type,
        message_id=message_id,
        sender_id=w.user_id,
        source=source,
        verdict=result.verdict,
        status="open",
        created_at=now,
        types=result.types,
        masked=[m for ms in masked.values() for m in ms],
        digests=digests,
        rules=sorted({f.rule for f in result.findings if f.rule}),
        doc_type=result.doc_type,
        updated_at=now,
        event_at=incoming.event_time(now),
        # Escalate after the grace period, and at the latest when LINE's unsend window closes.
        # In monitor-only mode, nothing escalates (nobody is told).
        escalate_at=None
        if settings.monitor_only
        else now + min(grace, deps.config.unsend_window_seconds),
    )
    if store.was_unsent(message_id):  # the unsend overtook the message: nothing to ask for
        inc.status, inc.masked, inc.digests, inc.escalate_at = "retracted", [], [], None
        inc.resolved_at = now
        if store.create_incident(inc):
            record(store, inc.id, "opened", now, detail=inc.verdict)
            record(store, inc.id, "unsent", now, role="sender", detail="how:before_scan")
        log.info("incident retracted-before-processing id=%s message=%s", inc.id, message_id)
        return
    inc.repeat_of = store.repeat_of(digests, w.user_id, inc.id)
    # The masked snippet in every locale, kept with the incident for its escalation (the
    # first alert of a `warn`) and in the follow-up row for the immediate alert.
    snippet = AlertContent({loc: _snippet(incoming, result, loc) for loc in LOCALES}).pack()
    inc.snippet = snippet
    if not store.create_incident(inc):
        return
    record(store, inc.id, "opened", now, detail=inc.verdict)
    store.count_activity(w.chat_id, "flagged", now)
    if settings.monitor_only:  # recorded for the console; nobody is told, nothing escalates
        log.info(
            "incident recorded, monitor only id=%s group=%s verdict=%s types=%s",
            inc.id,
            w.chat_id,
            inc.verdict,
            ",".join(inc.types),
        )
        return
    log.info(
        "incident opened id=%s group=%s message=%s verdict=%s types=%s source=%s repeat=%s",
        inc.id,
        w.chat_id,
        message_id,
        inc.verdict,
        ",".join(inc.types),
        source,
        bool(inc.repeat_of),
    )
    locale = incoming.chat_locale
    items = messages.items_line(inc.types, masked, locale, inc.doc_type)
    why = messages.why_line(inc.types, locale)

    # 1. The group warning, mentioning the sender and quoting the message when we can.
    body = t(
        "warning.block" if inc.verdict == "block" else "warning.warn",
        locale,
        sender="{sender}",
        items=items,
        why=messages.safe_v2(why),
    )
    if inc.repeat_of:
        body += "\n" + t("warning.repeat", locale)
    await deps.outbox.enqueue_reply(
        incoming.fresh_reply_token(),
        [messages.mention_text(body, w.user_id, quote_token=incoming.quote_token)],
        fallback_to=w.chat_id,
        priority=PRIORITY_WARNING,
        kind="warning",
        incident_id=inc.id,
    )
    record(store, inc.id, "warned", now, detail=inc.verdict)
    # 2-3. What needs LINE lookups (group name, friendship, display name) is a follow-up
    # job written in the same transaction: the webhook's 200 waits for this row, not for
    # LINE, and a process killed before the job ran resumes it at start (resume_followups).
    # The note's types line in every locale: the sender reads it in their own (their /lang).
    note_items = pack_items(
        {loc: messages.items_line(inc.types, masked, loc, inc.doc_type) for loc in LOCALES}
    )
    store.followup_add(inc.id, note_items, snippet, now)

    # 4. The escalation timer.
    if deps.escalation is not None:
        deps.escalation.nudge()
    # Everything above is what must be durable before the webhook's 200 (the webhook runs a
    # handler up to its first wait inside its transaction); yield here so that the follow-up,
    # which the row above makes durable, runs after the answer and not in its time.
    await asyncio.sleep(0)
    await follow_up(deps, inc.id, note_items, snippet, incoming=incoming)


def with_group_allow_list(
    deps: Deps, incoming: Incoming, result: ScanResult, chat_id: str, source: str
) -> ScanResult:
    """What the group's allow-list leaves of a scan (incidents/allowlist.py)."""
    entries = deps.store.allow_entries(chat_id)
    if not entries:
        return result
    policy = (deps.policy or DEFAULT_POLICY).for_group(chat_id)
    text = incoming.text if source == "text" else None
    out, used = apply_allow_list(result, entries, policy, salt=deps.salt, text=text)
    if used:
        log.info(
            "group allow-list applied chat=%s message=%s entries=%s verdict=%s->%s",
            chat_id,
            incoming.message_id,
            ",".join(map(str, used)),
            result.verdict,
            out.verdict,
        )
    return out


def _snippet(incoming: Incoming, result: ScanResult, locale: str) -> str:
    """The masked window for the admins (incidents/snippet.py), in `locale`."""
    if incoming.text is None or result.doc_type:
        return t("alert.image", locale)
    spans = [Span(f.start, f.end, f.masked, f.type) for f in result.findings if f.end > f.start]
    return messages.safe_v2(masked_snippet(incoming.text, spans, locale)) or "-"


async def self_check(deps: Deps, incoming: Incoming, result: ScanResult) -> None:
    """1:1 chat: the verdict and the (masked) findings back to the sender."""
    locale = incoming.locale
    if result.verdict == "allow":
        body = t("selfcheck.allow", locale)
    else:
        items = messages.items_line(result.types, masked_by_type(result), locale, result.doc_type)
        body = t(
            f"selfcheck.{result.verdict}",
            locale,
            items=items,
            why=messages.why_line(result.types, locale),
        )
    await deps.outbox.enqueue_reply(
        incoming.fresh_reply_token(),
        [messages.text(body)],
        fallback_to=incoming.user_id,
        priority=PRIORITY_REPLY,
        kind="selfcheck",
    )
