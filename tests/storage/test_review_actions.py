"""The review actions (incidents/review.py) on a real store (SQLite and PostgreSQL): who may do what, from
which status, and the timeline row each one writes (no raw id in any row)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from incidents import review
from incidents.review import Actor, ReviewResult
from storage import Incident, Store

GROUP = "C" + "1" * 32
OTHER_GROUP = "C" + "9" * 32
SENDER = "U" + "a" * 32
ADMIN = "U" + "b" * 32
ETHICS = "U" + "c" * 32
STRANGER = "U" + "d" * 32
KEY = b"k" * 32


def _store(store: Store, verdict: str = "block") -> Store:
    store.add_role(ADMIN, "admin", GROUP, 0.0)
    store.add_role(ETHICS, "ethics", None, 0.0)
    inc = Incident(
        "i1", GROUP, "group", "m1", SENDER, "text", verdict, "open", 0.0, escalate_at=600.0
    )
    assert store.create_incident(inc)
    return store


def _status(store: Store) -> str:
    inc = store.incident("i1")
    assert inc is not None
    return inc.status


def test_a_senders_dismissal_of_a_block_is_provisional_until_a_reviewer_decides(
    store: Store,
) -> None:
    _store(store, "block")
    sender = Actor.line_user(SENDER, KEY)
    assert review.dismiss(store, "i1", sender, "nope", now=1.0).why == "bad_choice"
    res = review.dismiss(store, "i1", sender, "own_data", now=2.0)
    assert res.ok and res.status == "dismissed_provisional" and res.role == "sender"
    # the escalation still runs: it is due, and claiming it keeps the provisional status
    assert [i.id for i in store.due_escalations(601.0)] == ["i1"]
    assert store.claim_escalation("i1", 601.0) and _status(store) == "dismissed_provisional"
    # nobody outside the group's reviewers, and not the sender, may confirm it
    assert review.confirm_dismissal(store, "i1", Actor.line_user(STRANGER, KEY), now=3.0).why == (
        "not_allowed"
    )
    store.add_role(SENDER, "admin", GROUP, 0.0)  # even a sender who is an admin
    assert review.confirm_dismissal(store, "i1", sender, now=3.0).why == "own_incident"
    res = review.confirm_dismissal(store, "i1", Actor.line_user(ETHICS, KEY), now=4.0)
    assert res.ok and res.status == "dismissed" and res.role == "ethics"
    assert review.confirm_dismissal(store, "i1", Actor.line_user(ADMIN, KEY), now=5.0).why == (
        "wrong_status"
    )
    kinds = [(e.kind, e.actor_role, e.detail) for e in store.incident_events("i1")]
    assert kinds == [
        ("dismissed", "sender", "reason:own_data"),
        ("dismissal_confirmed", "ethics", None),
    ]
    for e in store.incident_events("i1"):
        assert e.actor and e.actor.startswith("h:") and SENDER not in e.actor


def test_a_warn_dismissal_is_final_and_can_be_overruled_then_reopened(store: Store) -> None:
    _store(store, "warn")
    res = review.dismiss(store, "i1", Actor.line_user(SENDER, KEY), "public", now=1.0)
    assert res.ok and res.status == "dismissed"
    assert store.due_escalations(601.0) == []
    admin = Actor.line_user(ADMIN, KEY)
    res = review.overrule_dismissal(store, "i1", admin, now=2.0)
    assert res.ok and res.status == "acknowledged" and res.role == "admin"
    inc = store.incident("i1")
    assert inc is not None and inc.resolved_by == ADMIN and inc.reason == "reason:public"
    res = review.reopen(store, "i1", Actor.command_line(), now=3.0)
    assert res.ok and res.status == "open" and res.role == "cli"
    inc = store.incident("i1")
    assert inc is not None and inc.resolved_at is None and inc.escalate_at is None
    assert review.add_note(store, "i1", admin, "free text", now=4.0).why == "bad_choice"
    res = review.add_note(store, "i1", admin, "contacted_sender", now=5.0)
    assert res.ok and "已聯繫傳送者" in res.message("zh-TW")
    assert [(e.kind, e.actor) for e in store.incident_events("i1")][-3:] == [
        ("dismissal_overruled", admin.ref),
        ("reopened", "cli"),
        ("note_added", admin.ref),
    ]


@pytest.mark.parametrize(
    ("action", "why"),
    [
        (lambda s, a: review.acknowledge(s, "i1", a, now=1.0), "not_allowed"),
        (lambda s, a: review.justify(s, "i1", a, "case", now=1.0), "not_yours"),
        (lambda s, a: review.reopen(s, "i1", a, now=1.0), "not_allowed"),
    ],
)
def test_an_admin_of_another_group_may_not_act(
    action: Callable[[Store, Actor], ReviewResult], why: str, store: Store
) -> None:
    _store(store)
    other = "U" + "e" * 32
    store.add_role(other, "admin", OTHER_GROUP, 0.0)
    res = action(store, Actor.line_user(other, KEY))
    assert not res.ok and res.why == why and store.incident_events("i1") == []


def test_unknown_incident_and_no_raw_ids_in_rows(store: Store) -> None:
    _store(store)
    assert review.acknowledge(store, "nope", Actor.command_line(), now=1.0).why == "not_found"
    with pytest.raises(ValueError):
        store.add_incident_event("i1", "acknowledged", 1.0, actor_role="admin", actor=ADMIN)
    with pytest.raises(ValueError):
        store.add_incident_event("i1", "note_added", 1.0, detail="王小明 0912345678")
    with pytest.raises(ValueError):
        store.add_incident_event("i1", "deleted", 1.0)
