"""The stores behind the console's pages, on a real migrated database (both backends: tests/storage/conftest.py): group
settings, invite codes by role, custom tips, and the overview and feedback figures."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from storage import Incident, Store

G1, G2 = "C" + "1" * 32, "C" + "2" * 32
U1, U2, U3 = "U" + "1" * 32, "U" + "2" * 32, "U" + "3" * 32
# 2026-03-02 00:30 in Taipei is 2026-03-01 16:30 UTC: local days, not UTC days, count.
T0 = datetime(2026, 3, 1, 16, 30, tzinfo=UTC).timestamp()
DAY = 86400.0


def _incident(store: Store, n: int, group: str, at: float, sender: str, **kw: object) -> None:
    inc = Incident(
        id=f"i{n}",
        group_id=group,
        chat_type="group",
        message_id=f"m{n}",
        sender_id=sender,
        source="text",
        verdict="warn",
        status=str(kw.pop("status", "open")),
        created_at=at,
        types=list(kw.pop("types", ["phone_number"])),  # type: ignore[call-overload]
        rules=list(kw.pop("rules", ["phone_number.mobile"])),  # type: ignore[call-overload]
    )
    for k, v in kw.items():
        setattr(inc, k, v)
    assert store.create_incident(inc)


def test_group_settings_default_then_change_one_field_at_a_time(store: Store) -> None:
    s = store.group_settings(G1)
    assert (s.mode, s.grace_seconds, s.monitor_only) == ("enforce", None, False)
    s = store.set_group_settings(G1, 10.0, mode="monitor", by="h1")
    assert (s.mode, s.grace_seconds, s.monitor_only) == ("monitor", None, True)
    s = store.set_group_settings(G1, 11.0, grace_seconds=120)
    assert (s.mode, s.grace_seconds) == ("monitor", 120)  # the mode stays
    assert store.group_settings(G2).mode == "enforce"  # another group untouched
    with pytest.raises(ValueError):
        store.set_group_settings(G1, 12.0, mode="silent")
    with pytest.raises(ValueError):
        store.set_group_settings(G1, 12.0, grace_seconds=0)


def test_allow_entries_belong_to_their_group(store: Store) -> None:
    e1 = store.add_allow_entry(G1, "王○明 09**", ["phone_number|ab", "person_name|cd"], "h", 1.0)
    store.add_allow_entry(G2, "other", ["email|ef"], "", 2.0)
    [entry] = store.allow_entries(G1)
    assert (entry.id, entry.label, entry.marks) == (
        e1,
        "王○明 09**",
        ("person_name|cd", "phone_number|ab"),
    )
    assert not store.remove_allow_entry(G2, e1)  # not through another group
    assert store.remove_allow_entry(G1, e1) and store.allow_entries(G1) == []
    assert len(store.allow_entries(G2)) == 1


def test_ethics_codes_make_ethics_members_once_and_never_admins(store: Store) -> None:
    code = store.create_invite_code("ethics", None, 0.0, ttl_seconds=600)
    assert [r["role"] for r in store.invite_codes(1.0)] == ["ethics"]
    assert not store.claim_admin_code("", code, U1, 1.0)  # not an admin code
    assert store.claim_ethics_code(code, U1, 1.0) and store.is_ethics(U1)
    assert not store.claim_ethics_code(code, U2, 2.0)  # single use
    assert store.invite_codes(2.0) == []
    late = store.create_invite_code("ethics", None, 0.0, ttl_seconds=600)
    assert not store.claim_ethics_code(late, U2, 601.0) and not store.is_ethics(U2)
    admin = store.create_invite_code("admin", G1, 0.0)
    assert not store.claim_ethics_code(admin, U3, 1.0)  # an admin code is not an ethics code
    assert store.claim_admin_code(G1, admin, U3, 1.0) and store.is_admin(U3, G1)
    with pytest.raises(ValueError):
        store.create_invite_code("ethics", G1, 0.0)
    with pytest.raises(ValueError):
        store.create_invite_code("admin", None, 0.0)


def test_custom_tips_are_stored_listed_and_switched_off(store: Store) -> None:
    tid = store.add_custom_tip(
        {"locale": "zh-TW", "kind": "rule", "title": "截圖前先看", "body": "遮住個資。"}, 5.0, "h"
    )
    assert tid.startswith("custom-")
    assert [t["title"] for t in store.custom_tips()] == ["截圖前先看"]
    assert store.set_custom_tip_enabled(tid, False, 6.0)
    assert store.custom_tips(enabled_only=True) == []
    row = store.custom_tip(tid)
    assert row is not None and row["enabled"] == 0 and row["updated_at"] == 6.0


def test_overview_figures_by_local_day_type_group_and_sender(store: Store) -> None:
    _incident(store, 1, G1, T0, U1)  # 2026-03-02 local
    _incident(store, 2, G1, T0 + 60, U1, types=["phone_number", "person_name"])
    _incident(store, 3, G2, T0 + 2 * DAY, U2, status="retracted", resolved_at=T0 + 2 * DAY + 90)
    _incident(store, 4, G1, T0 + DAY, U3, status="retracted", resolved_at=T0 + DAY + 30)
    _incident(store, 5, G2, T0 - 40 * DAY, U2)  # outside the window
    now = T0 + 2 * DAY + 100
    since = T0 - 60  # 2026-03-02 00:29 local
    assert store.flagged_per_day(None, since, now) == [
        ("2026-03-02", 2),
        ("2026-03-03", 1),
        ("2026-03-04", 1),  # today is in the series
    ]
    assert store.flagged_per_day([G2], since, now) == [
        ("2026-03-02", 0),
        ("2026-03-03", 0),
        ("2026-03-04", 1),
    ]
    assert store.flagged_per_type(None, since) == [("phone_number", 4), ("person_name", 1)]
    assert store.flagged_per_group(None, since) == [(G1, 3), (G2, 1)]
    assert store.flagged_per_group([G2], since) == [(G2, 1)]
    assert store.flagged_per_group([], since) == []  # an admin of no group sees nothing
    times = store.unsend_times(None, since)
    assert times["count"] == 2 and times["median"] == 60.0 and times["p90"] == 90.0
    assert store.unsend_times([G1], since)["median"] == 30.0
    [rep] = store.repeat_senders(None, since)
    assert (rep["sender_id"], rep["group_id"], rep["n"]) == (U1, G1, 2)
    assert store.repeat_senders([G2], since) == []


def test_dismissal_reasons_by_type_rule_and_reason(store: Store) -> None:
    rules = ["phone_number.office", "person_name.data"]
    for n in range(3):
        _incident(
            store,
            n,
            G1,
            T0 + n,
            U1,
            status="dismissed",
            reason="fp_public",
            types=["phone_number", "person_name"],
            rules=rules,
        )
    _incident(store, 9, G2, T0, U2, status="justified", reason="need_work")
    _incident(store, 11, G2, T0, U2, status="dismissed_provisional", reason="need_work")
    _incident(store, 10, G2, T0, U2)  # still open: not feedback
    rows = store.dismissal_reasons(None, T0 - 1)
    got = [(r["type"], r["rule"], r["reason"], r["n"]) for r in rows]
    assert got == [
        ("person_name", "person_name.data", "fp_public", 3),
        ("phone_number", "phone_number.office", "fp_public", 3),
        ("phone_number", "phone_number.mobile", "need_work", 2),
    ]
    assert [r["groups"] for r in rows] == [G1, G1, G2]
    assert store.dismissal_reasons([G2], T0 - 1)[0]["reason"] == "need_work"
    assert json.loads(json.dumps(rows))  # plain rows, ready for a page or a CSV
