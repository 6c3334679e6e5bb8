"""The one place that turns a ScanResult into actions: `act_on_result`.

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
import time
import uuid
from typing import Any

from detectors.base import ScanResult
from handlers import compose
from handlers.common import (
    Where,
    chat_locale,
    display_name,
    event_time,
    group_name,
    is_friend,
    label,
    local_time,
    where,
    where_failed,
)
from handlers.deps import Deps
from locales import t
from outbox import PRIORITY_ALERT, PRIORITY_NOTE, PRIORITY_REPLY, PRIORITY_WARNING, OutboxKind
from storage import Incident

log = logging.getLogger("bot.actions")

REPLY_TOKEN_FRESH_SECONDS = 50.0  # LINE's reply tokens last about a minute


def _masked_by_type(result: ScanResult) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in result.findings:
        if f.masked and f.masked not in out.setdefault(f.type, []):
            out[f.type].append(f.masked)
    return out


def _reply_token(event: Any) -> str | None:
    """The event's reply token if it is still fresh enough to be worth trying."""
    token = getattr(event, "reply_token", None)
    ts = getattr(event, "timestamp", None)
    if not token:
        return None
    if (
        isinstance(ts, int | float)
        and ts > 0
        and time.time() - ts / 1000.0 > REPLY_TOKEN_FRESH_SECONDS
    ):
        return None
    return str(token)


async def act_on_result(
    deps: Deps, *, event: Any, message_id: str, result: ScanResult, source: str
) -> None:
    """Warn, note, alert, record and time the escalation for one scanned message."""
    if result.verdict == "allow" or (not result.findings and not result.doc_type):
        return
    w = where(event)
    if not w.is_group:
        await self_check_reply(deps, event, result)
        return
    if w.chat_id is None:
        return
    store = deps.store
    now = deps.now()
    if store.incident_by_message(message_id) is not None:
        log.info("incident exists message=%s", message_id)
        return
    masked = _masked_by_type(result)
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
        event_at=event_time(event, deps),
        # Escalate after the grace period, and at the latest when LINE's unsend window closes.
        escalate_at=now
        + min(deps.config.escalation_grace_seconds, deps.config.unsend_window_seconds),
    )
    if store.was_unsent(message_id):  # the unsend overtook the message: nothing to ask for
        inc.status, inc.masked, inc.digests, inc.escalate_at = "retracted", [], [], None
        inc.resolved_at = now
        store.create_incident(inc)
        log.info("incident retracted-before-processing id=%s message=%s", inc.id, message_id)
        return
    inc.repeat_of = store.repeat_of(digests, w.user_id, inc.id)
    if not store.create_incident(inc):
        return
    store.count_activity(w.chat_id, "flagged", now)
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
    locale = chat_locale(deps, w.chat_id)
    items = compose.items_line(inc.types, masked, locale, inc.doc_type)
    why = compose.why_line(inc.types, locale)

    # 1. The group warning, mentioning the sender and quoting the message when we can.
    body = t(
        "warning.block" if inc.verdict == "block" else "warning.warn",
        locale,
        sender="{sender}",
        items=items,
        why=compose.safe_v2(why),
    )
    if inc.repeat_of:
        body += "\n" + t("warning.repeat", locale)
    quote = getattr(getattr(event, "message", None), "quote_token", None)
    await deps.outbox.enqueue_reply(
        _reply_token(event),
        [compose.mention_text(body, w.user_id, quote_token=quote)],
        fallback_to=w.chat_id,
        priority=PRIORITY_WARNING,
        kind="warning",
        incident_id=inc.id,
    )
    # 2-3. What needs LINE lookups (group name, friendship, display name) is a follow-up
    # job written in the same transaction: the webhook's 200 waits for this row, not for
    # LINE, and a process killed before the job ran resumes it at start (resume_followups).
    snippet = _snippet(event, result, locale)
    store.followup_add(inc.id, items, snippet, now)

    # 4. The escalation timer.
    if deps.escalation is not None:
        deps.escalation.nudge()
    # Everything above is what must be durable before the webhook's 200 (the webhook runs a
    # handler up to its first wait inside its transaction); yield here so that the follow-up,
    # which the row above makes durable, runs after the answer and not in its time.
    await asyncio.sleep(0)
    await follow_up(deps, inc.id, items, snippet)


async def follow_up(deps: Deps, incident_id: str, items: str, snippet: str) -> None:
    """The private note (friends) and the immediate admin alert (block, or a repeated value)
    of one incident, queued exactly once: the lookups first, then the messages and the
    removal of the job in one transaction. Nothing is sent for an incident already closed."""
    store = deps.store
    inc = store.incident(incident_id)
    if inc is None or inc.status not in ("open", "escalated"):
        store.followup_done(incident_id)
        return
    w = Where(inc.group_id, inc.chat_type, inc.sender_id)
    locale = chat_locale(deps, inc.group_id)
    why = compose.why_line(inc.types, locale)
    gname = await group_name(deps, w) or label("alert", "room_name", locale)
    friend = bool(inc.sender_id) and await is_friend(deps, inc.sender_id or "")
    alert = inc.verdict == "block" or bool(inc.repeat_of)
    name = await display_name(deps, w, inc.sender_id) if alert else None
    with store.atomic():
        fresh = store.incident(incident_id)
        if fresh is not None and fresh.status in ("open", "escalated"):
            if friend and inc.sender_id:
                await send_private_note(deps, fresh, inc.sender_id, gname, items, why)
            if alert:
                unknown = t("alert.unknown_name", locale)
                await alert_admins(
                    deps, fresh, w, gname, items, snippet=snippet, name=name or unknown
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


def _snippet(event: Any, result: ScanResult, locale: str) -> str:
    text_ = getattr(getattr(event, "message", None), "text", None)
    if not isinstance(text_, str) or result.doc_type:
        return t("alert.image", locale)
    spans = [(f.start, f.end, f.masked) for f in result.findings if f.end > f.start]
    return compose.safe_v2(compose.masked_snippet(text_, spans)) or "-"


async def send_private_note(
    deps: Deps, inc: Incident, user_id: str, gname: str, items: str, why: str
) -> None:
    locale = chat_locale(deps, inc.group_id)
    note = t(
        "note.text",
        locale,
        verdict=t(f"verdict.{inc.verdict}", locale),
        group=gname,
        time=local_time(deps, inc.event_at or inc.created_at),
        items=items,
        why=why,
    )
    deadline = (inc.event_at or inc.created_at) + deps.config.unsend_window_seconds
    note += "\n" + t("note.deadline", locale, deadline=local_time(deps, deadline))
    actions = [
        compose.postback(
            t("btn.unsent", locale),
            compose.pb_data("inc:unsent", id=inc.id),
            t("btn.unsent", locale),
        ),
        compose.postback(
            t("btn.fp", locale), compose.pb_data("inc:fp", id=inc.id), t("btn.fp", locale)
        ),
        compose.postback(
            t("btn.need", locale), compose.pb_data("inc:need", id=inc.id), t("btn.need", locale)
        ),
    ]
    await deps.outbox.enqueue_push(
        user_id,
        [
            compose.text(note),
            compose.buttons(t("note.alt", locale), t("note.buttons", locale), actions),
        ],
        priority=PRIORITY_NOTE,
        kind="note",
        incident_id=inc.id,
    )


def alert_recipients(deps: Deps, group_id: str) -> list[str]:
    """The group's admins; the ethics unit when the group has none."""
    return deps.store.group_admins(group_id) or deps.store.ethics_users()


def admin_buttons(inc: Incident, locale: str) -> dict[str, Any]:
    return compose.buttons(
        t("alert.alt", locale),
        t("alert.buttons", locale),
        [
            compose.postback(
                t("btn.ack", locale), compose.pb_data("inc:ack", id=inc.id), t("btn.ack", locale)
            ),
            compose.postback(
                t("btn.dismiss", locale),
                compose.pb_data("inc:dis", id=inc.id),
                t("btn.dismiss", locale),
            ),
        ],
    )


async def alert_admins(
    deps: Deps,
    inc: Incident,
    w: Where,
    gname: str,
    items: str,
    *,
    snippet: str,
    escalation: bool = False,
    name: str | None = None,
) -> int:
    """Push the alert (or the escalation) to each admin; returns how many were alerted."""
    recipients = alert_recipients(deps, inc.group_id)
    if not recipients:
        log.warning("no admin to alert group=%s incident=%s", inc.group_id, inc.id)
        return 0
    locale = chat_locale(deps, inc.group_id)
    name = (
        name
        or (None if not inc.sender_id else await display_name(deps, w, inc.sender_id))
        or t("alert.unknown_name", locale)
    )
    common = {
        "group": gname,
        "name": name,
        "time": local_time(deps, inc.event_at or inc.created_at),
        "items": items,
        "id": inc.id,
    }
    if escalation:
        body = t(
            "alert.escalated",
            locale,
            minutes=max(1, round(deps.config.escalation_grace_seconds / 60)),
            **common,
        )
    else:
        body = t(
            "alert.new",
            locale,
            verdict=t(f"verdict.{inc.verdict}", locale),
            snippet=snippet,
            **common,
        )
    if inc.repeat_of:
        body += "\n" + t("alert.repeat", locale, id=inc.repeat_of)
    for admin in recipients:
        await deps.outbox.enqueue_push(
            admin,
            [compose.text(body), admin_buttons(inc, locale)],
            priority=PRIORITY_ALERT,
            kind="escalation" if escalation else "alert",
            incident_id=inc.id,
        )
    deps.store.mark_alerted(inc.id, deps.now())
    log.info(
        "admins alerted incident=%s count=%d escalation=%s", inc.id, len(recipients), escalation
    )
    return len(recipients)


async def notify_admins_text(deps: Deps, inc: Incident, body: str, *, kind: OutboxKind) -> None:
    for admin in alert_recipients(deps, inc.group_id):
        await deps.outbox.enqueue_push(
            admin, [compose.text(body)], priority=PRIORITY_ALERT, kind=kind, incident_id=inc.id
        )


async def self_check_reply(deps: Deps, event: Any, result: ScanResult) -> None:
    """1:1 chat: the verdict and the (masked) findings back to the sender."""
    w = where(event)
    locale = chat_locale(deps, None)
    if w.user_id:
        from handlers.common import user_locale

        locale = user_locale(deps, w.user_id)
    if result.verdict == "allow":
        body = t("selfcheck.allow", locale)
    else:
        items = compose.items_line(result.types, _masked_by_type(result), locale, result.doc_type)
        body = t(
            f"selfcheck.{result.verdict}",
            locale,
            items=items,
            why=compose.why_line(result.types, locale),
        )
    await deps.outbox.enqueue_reply(
        _reply_token(event),
        [compose.text(body)],
        fallback_to=w.user_id,
        priority=PRIORITY_REPLY,
        kind="selfcheck",
    )
