"""Review actions on an incident, one place for every way in: the LINE postbacks
(handlers/postback.py), the command line (`bot.py incidents ack|reopen ID`) and the web
console. Each action checks the actor's right, changes the status (only from the
statuses it applies to), writes one timeline row and returns a `ReviewResult`.

    actor = Actor.line_user(user_id, deps.salt)      # or Actor.command_line()
    result = review.acknowledge(store, incident_id, actor, now=deps.now())
    if not result.ok: reply(result.message(locale))  # why not, said for a person

| action            | who                              | from                            | to                     |
|-------------------|----------------------------------|---------------------------------|------------------------|
| dismiss           | the sender (a reason code)       | open, escalated                 | dismissed_provisional  |
|                   |                                  |                                 | (block) or dismissed   |
| dismiss           | admins, ethics unit, CLI         | open, escalated, justified,     | dismissed              |
|                   |                                  | acknowledged, dismissed_prov.   |                        |
| justify           | the sender (a reason code)       | open, escalated                 | justified              |
| acknowledge       | admins, ethics unit, CLI         | open, escalated, dismissed(_p.),| acknowledged           |
|                   |                                  | justified                       |                        |
| confirm_dismissal | admins, ethics unit, CLI (never  | dismissed_provisional           | dismissed              |
|                   | the incident's own sender)       |                                 |                        |
| overrule_dismissal| the same                         | dismissed_provisional, dismissed| acknowledged           |
| reopen            | admins, ethics unit, CLI         | acknowledged, dismissed,        | open (escalated if it  |
|                   |                                  | justified                       | had been)              |
| add_note          | admins, ethics unit, CLI         | any                             | (unchanged)            |

"Admins" are the incident's group's admins; the ethics unit sees every group. A sender's
dismissal of a `block` is provisional: its escalation still runs until a reviewer
confirms it (then the queued escalation is cancelled) or overrules it. Closing actions
cancel a queued escalation. Every action runs in one transaction (`store.atomic()`).
The LINE messages that follow an action (the reviewers' buttons, the sender told of an
overrule) are incidents/handover.py's and the callers'; the console and the CLI call
these functions with the same store and get the same answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from incidents.timeline import record
from line.messages import FP_REASONS, NEED_REASONS
from locales import label, t
from storage import Incident, StorageBackend, actor_ref

NOTE_CHOICES = ("contacted_sender", "sender_reminded", "reported_up", "no_spread", "follow_up")

SENDER_FROM = ("open", "escalated")
ACK_FROM = ("open", "escalated", "dismissed_provisional", "dismissed", "justified")
DISMISS_FROM = ("open", "escalated", "justified", "acknowledged", "dismissed_provisional")
CONFIRM_FROM = ("dismissed_provisional",)
OVERRULE_FROM = ("dismissed_provisional", "dismissed")
REOPEN_FROM = ("acknowledged", "dismissed", "justified")

WHY_NOT = ("not_found", "not_allowed", "not_yours", "own_incident", "wrong_status", "bad_choice")


@dataclass(frozen=True)
class Actor:
    """Who acts: a LINE user (`user_id` is checked against the incident and the roles and
    never stored; `ref` is what the timeline keeps) or the command line."""

    user_id: str | None = None
    ref: str | None = None
    cli: bool = False

    @classmethod
    def line_user(cls, user_id: str, key: bytes) -> Actor:
        return cls(user_id=user_id, ref=actor_ref(user_id, key))

    @classmethod
    def command_line(cls) -> Actor:
        return cls(ref="cli", cli=True)

    @property
    def resolver(self) -> str | None:
        """What `incidents.resolved_by` keeps for this actor."""
        return "cli" if self.cli else self.user_id


@dataclass(frozen=True)
class ReviewResult:
    """What an action did: ok, or why not (one of WHY_NOT); the incident as it is now."""

    ok: bool
    action: str  # the timeline kind it writes (acknowledged, dismissed, ...)
    why: str | None = None
    incident: Incident | None = None
    role: str | None = None  # the actor's role in this incident (sender, admin, ethics, cli)
    detail: str | None = None  # the code the timeline row got (reason, note choice)

    @property
    def status(self) -> str | None:
        return self.incident.status if self.incident else None

    def message(self, locale: str) -> str:
        """What to tell the actor, in `locale`."""
        inc_id = self.incident.id if self.incident else ""
        if self.ok:
            note = label("note_choice", self.detail or "", locale)
            return t(f"review.done.{self.action}", locale, id=inc_id, note=note)
        status = label("status", self.status or "", locale)
        return t(f"review.why.{self.why}", locale, status=status)


def role_of(store: StorageBackend, actor: Actor, inc: Incident) -> str | None:
    """The actor's reviewing role in this incident: cli, admin (of its group), ethics; None."""
    if actor.cli:
        return "cli"
    if actor.user_id and store.is_admin(actor.user_id, inc.group_id):
        return "admin"
    if actor.user_id and store.is_ethics(actor.user_id):
        return "ethics"
    return None


def is_sender(actor: Actor, inc: Incident) -> bool:
    return bool(actor.user_id) and actor.user_id == inc.sender_id


def _act(
    store: StorageBackend,
    incident_id: str,
    actor: Actor,
    action: str,
    now: float,
    change: Callable[[Incident, str], str | None],
    *,
    sender: bool = False,
    detail: str | None = None,
) -> ReviewResult:
    """The shape of every action: find, check the right, change (returns why not, or None),
    write the timeline row; all in one transaction."""
    with store.atomic():
        inc = store.incident(incident_id)
        if inc is None:
            return ReviewResult(False, action, "not_found")
        role = "sender" if sender and is_sender(actor, inc) else role_of(store, actor, inc)
        if role is None:
            return ReviewResult(False, action, "not_yours" if sender else "not_allowed", inc)
        why = change(inc, role)
        fresh = store.incident(incident_id) or inc
        if why is not None:
            return ReviewResult(False, action, why, fresh, role)
        record(store, inc.id, action, now, role=role, actor=actor.ref, detail=detail)
        return ReviewResult(True, action, None, fresh, role, detail)


def _move(
    store: StorageBackend,
    inc: Incident,
    status: str,
    now: float,
    allowed: tuple[str, ...],
    actor: Actor,
    *,
    reason: str | None = None,
    cancel_escalation: bool = True,
) -> str | None:
    if inc.status == status or not store.set_incident_status(
        inc.id, status, now, by=actor.resolver, reason=reason, only_from=allowed
    ):
        return "wrong_status"
    if cancel_escalation:
        store.outbox_cancel(incident_id=inc.id, kinds=("escalation",))
    return None


def acknowledge(
    store: StorageBackend, incident_id: str, actor: Actor, *, now: float
) -> ReviewResult:
    """A reviewer has taken the incident in hand (closes it; a queued escalation is dropped)."""

    def change(inc: Incident, role: str) -> str | None:
        return _move(store, inc, "acknowledged", now, ACK_FROM, actor, reason="admin")

    return _act(store, incident_id, actor, "acknowledged", now, change)


def dismiss(
    store: StorageBackend,
    incident_id: str,
    actor: Actor,
    reason: str | None = None,
    *,
    now: float,
) -> ReviewResult:
    """A false positive. From the sender (with a reason code of line.messages.FP_REASONS):
    provisional for a `block` (its escalation still runs), final for a `warn`. From a
    reviewer: final."""
    detail = f"reason:{reason}" if reason else None

    def change(inc: Incident, role: str) -> str | None:
        if role != "sender":
            return _move(store, inc, "dismissed", now, DISMISS_FROM, actor, reason="admin")
        if reason not in FP_REASONS:
            return "bad_choice"
        provisional = inc.verdict == "block"
        return _move(
            store,
            inc,
            "dismissed_provisional" if provisional else "dismissed",
            now,
            SENDER_FROM,
            actor,
            reason=detail,
            cancel_escalation=not provisional,
        )

    return _act(store, incident_id, actor, "dismissed", now, change, sender=True, detail=detail)


def justify(
    store: StorageBackend, incident_id: str, actor: Actor, reason: str, *, now: float
) -> ReviewResult:
    """The sender states an official need (a reason code of line.messages.NEED_REASONS)."""
    detail = f"need:{reason}" if reason in NEED_REASONS else None

    def change(inc: Incident, role: str) -> str | None:
        if role != "sender":
            return "not_yours"
        if detail is None:
            return "bad_choice"
        return _move(store, inc, "justified", now, SENDER_FROM, actor, reason=detail)

    return _act(store, incident_id, actor, "justified", now, change, sender=True, detail=detail)


def confirm_dismissal(
    store: StorageBackend, incident_id: str, actor: Actor, *, now: float
) -> ReviewResult:
    """A reviewer agrees with the sender's false positive: closed, escalation dropped."""

    def change(inc: Incident, role: str) -> str | None:
        if is_sender(actor, inc):
            return "own_incident"
        return _move(store, inc, "dismissed", now, CONFIRM_FROM, actor)

    return _act(store, incident_id, actor, "dismissal_confirmed", now, change)


def overrule_dismissal(
    store: StorageBackend, incident_id: str, actor: Actor, *, now: float
) -> ReviewResult:
    """A reviewer disagrees with a false positive: the incident is theirs (acknowledged; the
    sender's reason stays in the timeline) and the sender is asked again to unsend."""

    def change(inc: Incident, role: str) -> str | None:
        if is_sender(actor, inc):
            return "own_incident"
        return _move(store, inc, "acknowledged", now, OVERRULE_FROM, actor)

    return _act(store, incident_id, actor, "dismissal_overruled", now, change)


def reopen(store: StorageBackend, incident_id: str, actor: Actor, *, now: float) -> ReviewResult:
    """A closed incident (not a retracted one: its values are gone) is open again."""

    def change(inc: Incident, role: str) -> str | None:
        ok = store.reopen_incident(inc.id, now, only_from=REOPEN_FROM)
        return None if ok else "wrong_status"

    return _act(store, incident_id, actor, "reopened", now, change)


def add_note(
    store: StorageBackend, incident_id: str, actor: Actor, choice: str, *, now: float
) -> ReviewResult:
    """A reviewer's note, one of NOTE_CHOICES (never free text), in any status."""

    def change(inc: Incident, role: str) -> str | None:
        return None if choice in NOTE_CHOICES else "bad_choice"

    return _act(
        store,
        incident_id,
        actor,
        "note_added",
        now,
        change,
        detail=choice if choice in NOTE_CHOICES else None,
    )


def note_choices(locale: str) -> list[tuple[str, str]]:
    """(code, label) of every note choice, in `locale`."""
    return [(code, label("note_choice", code, locale)) for code in NOTE_CHOICES]
