"""The scheduler, driven through `TipsService.tick()` with a hand-moved clock (no sleeps)."""

from __future__ import annotations

import asyncio
import json

import pytest

from devtools.fakeline import FakeLinePlatform
from outbox import Outbox
from storage import Store
from tests.support.tipkit import ETHICS, Clock, add_group, taipei
from tips import library
from tips.schedule import Schedule, ScheduleError, parse_days
from tips.service import TipsService


def sends(service: TipsService, group: str, status: str = "queued") -> list[dict]:
    return [s for s in service.tips.sends(group_id=group) if s["status"] == status]


async def test_default_schedule_is_one_tip_a_week_monday_0930(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock
) -> None:
    g = add_group(platform, store, "team", 3, joined_at=clock.t)
    assert (await service.tick()).sent == []  # Sunday noon
    clock.t = taipei(2026, 11, 2, 9, 29)
    assert (await service.tick()).sent == []
    clock.t = taipei(2026, 11, 2, 9, 30)
    assert (await service.tick()).sent == [g]
    for h, m in ((9, 31), (12, 0), (18, 59)):
        clock.t = taipei(2026, 11, 2, h, m)
        assert (await service.tick()).sent == []
    for day in range(3, 9):  # Tuesday .. Sunday
        clock.t = taipei(2026, 11, day, 9, 30)
        assert (await service.tick()).sent == []
    clock.t = taipei(2026, 11, 9, 9, 30)
    assert (await service.tick()).sent == [g]
    assert [s["reason"] for s in sends(service, g)] == ["schedule", "schedule"]


async def test_tips_go_through_the_outbox_to_the_group(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock, outbox: Outbox
) -> None:
    g = add_group(platform, store, "team", 3, joined_at=clock.t)
    clock.t = taipei(2026, 11, 2, 9, 30)
    await service.tick()
    (row,) = store.outbox_rows(status="pending")
    assert row.kind == "tip" and row.to_id == g and row.retry_key
    await outbox.deliver_pending()
    texts = platform.texts_to(g)
    assert len(texts) == 1 and texts[0].startswith("🔒 保密小叮嚀")


async def test_rotation_sends_every_tip_once_before_repeating(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock
) -> None:
    g = add_group(platform, store, "team", 3, joined_at=clock.t)
    other = add_group(platform, store, "other", 3, joined_at=clock.t)
    for gid in (g, other):
        service.set_schedule(gid, days="mon-sun", per_week=7, quiet="off")
    n = len(library.tip_ids())
    day0 = taipei(2026, 11, 2, 9, 30)
    for i in range(n + 3):
        clock.t = day0 + i * 86400
        assert sorted((await service.tick()).sent) == sorted([g, other])
    order = [s["tip_id"] for s in sends(service, g)]
    assert len(set(order[:n])) == n, "a tip repeated before all were sent"
    assert order[n] != order[n - 1], "the new cycle starts with the tip just sent"
    assert len(set(order[n:])) == 3
    other_order = [s["tip_id"] for s in sends(service, other)]
    assert other_order[:n] != order[:n], "groups get different orders"
    kinds = {s["kind"] for s in sends(service, g)}
    assert kinds == {"case", "scenario", "rule", "quiz"}


async def test_quiet_hours_defer_a_due_tip_until_they_end(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock
) -> None:
    g = add_group(platform, store, "team", 3, joined_at=clock.t)
    service.set_schedule(g, at="20:00", quiet="19:00-08:00", days="mon-fri", per_week=5)
    clock.t = taipei(2026, 11, 2, 20, 0)
    r = await service.tick()
    assert r.sent == [] and r.deferred == [g]
    clock.t = taipei(2026, 11, 3, 7, 59)
    assert (await service.tick()).sent == []
    clock.t = taipei(2026, 11, 3, 8, 0)
    assert (await service.tick()).sent == [g]
    clock.t = taipei(2026, 11, 3, 8, 1)
    assert (await service.tick()).sent == []
    assert len(sends(service, g)) == 1


async def test_quiet_hours_and_days_also_hold_back_catch_ups(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock
) -> None:
    g = add_group(platform, store, "team", 3, joined_at=clock.t)
    # Friday's 09:30 slot is missed: the bot is back on Saturday, then Monday 07:00.
    clock.t = taipei(2026, 11, 2, 8, 0)
    service.set_schedule(g, days="fri")
    clock.t = taipei(2026, 11, 7, 10, 0)  # Saturday: not a tip day
    assert (await service.tick()).deferred == [g]
    clock.t = taipei(2026, 11, 13, 7, 0)  # next Friday 07:00: quiet hours (19:00-08:00)
    assert (await service.tick()).deferred == [g]
    clock.t = taipei(2026, 11, 13, 8, 0)
    r = await service.tick()
    assert r.sent == [g] and r.catchups == [g]


async def test_restart_does_not_send_the_same_slot_twice(
    service: TipsService,
    store: Store,
    platform: FakeLinePlatform,
    clock: Clock,
    outbox: Outbox,
    config: object,
) -> None:
    g = add_group(platform, store, "team", 3, joined_at=clock.t)
    clock.t = taipei(2026, 11, 2, 9, 30)
    assert (await service.tick()).sent == [g]
    # A new process: new connection to the same database file, new service, same clock.
    db_path = store.db.execute("PRAGMA database_list").fetchall()[0][2]
    again = Store.open(db_path)
    try:
        restarted = TipsService(again, service.config, platform=service.platform, clock=clock)
        for minutes in (1, 30, 600):
            clock.t = taipei(2026, 11, 2, 9, 30) + minutes * 60
            assert (await restarted.tick()).sent == []
        assert len(again.outbox_rows()) == 1
    finally:
        again.close()


async def test_after_a_long_stop_one_catch_up_not_a_flood(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock
) -> None:
    g = add_group(platform, store, "team", 3, joined_at=clock.t)
    service.set_schedule(g, days="mon-fri", per_week=5)
    # Down for three weeks: 15 slots missed.
    clock.t = taipei(2026, 11, 23, 11, 0)
    r = await service.tick()
    assert r.sent == [g] and r.catchups == [g]
    for minutes in (1, 60, 300):
        clock.advance(minutes * 60)
        assert (await service.tick()).sent == []
    clock.t = taipei(2026, 11, 24, 9, 30)  # the next regular slot
    r = await service.tick()
    assert r.sent == [g] and r.catchups == []
    assert [s["reason"] for s in sends(service, g)] == ["catchup", "schedule"]


async def test_a_group_that_joins_late_is_not_owed_past_slots(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock
) -> None:
    clock.t = taipei(2026, 11, 2, 12, 0)  # Monday noon, after today's slot
    g = add_group(platform, store, "late", 3, joined_at=clock.t)
    assert (await service.tick()).sent == []
    clock.t = taipei(2026, 11, 9, 9, 30)
    assert (await service.tick()).sent == [g]


async def test_every_two_weeks_and_off(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock
) -> None:
    g = add_group(platform, store, "team", 3, joined_at=clock.t)
    h = add_group(platform, store, "quiet-team", 3, joined_at=clock.t)
    service.set_schedule(g, every=2)
    service.set_schedule(h, enabled=False)
    sent = []
    for week in range(4):
        clock.t = taipei(2026, 11, 2 + 7 * week, 9, 30)
        sent += (await service.tick()).sent
    assert sent.count(g) == 2 and h not in sent


async def test_quota_sends_what_fits_by_priority_and_tells_the_ethics_unit(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock, outbox: Outbox
) -> None:
    store.add_role(ETHICS, "ethics", None, clock.t)
    small = add_group(platform, store, "small", 5, joined_at=clock.t)
    medium = add_group(platform, store, "medium", 10, joined_at=clock.t)
    big = add_group(platform, store, "big", 20, joined_at=clock.t)
    huge = add_group(platform, store, "huge", 200, joined_at=clock.t)
    # 30 left this month; the ethics notice keeps 1 back.
    platform.set_monthly_limit(1000, usage=970)
    _incident(store, big, clock.t - 3600)  # recent incidents put a group first
    _incident(store, big, clock.t - 7200)
    _incident(store, medium, clock.t - 3600)
    clock.t = taipei(2026, 11, 2, 9, 30)
    r = await service.tick()
    # big (2 incidents, 20) fits; medium (1 incident, 10) would not (29 - 20 = 9 left);
    # small (5) still fits; huge (200) does not.
    assert sorted(r.sent) == sorted([big, small])
    assert sorted(r.skipped) == sorted([medium, huge])
    assert r.noticed
    assert len(sends(service, medium, "skipped_quota")) == 1
    await outbox.deliver_pending()
    assert platform.texts_to(big) and platform.texts_to(small)
    assert not platform.texts_to(medium) and not platform.texts_to(huge)
    (notice,) = [t for t in platform.texts_to(ETHICS) if "額度不足" in t]
    assert "略過 2 個群組" in notice
    assert platform.usage <= 1000
    # The skipped slot is not retried all day (no notice storm).
    clock.advance(600)
    r = await service.tick()
    assert r.sent == [] and r.skipped == [] and not r.noticed


async def test_quota_unlimited_or_unknown_sends_everything(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock
) -> None:
    groups = [add_group(platform, store, f"g{i}", 50, joined_at=clock.t) for i in range(3)]
    platform.fail_next(3, 500, "/v2/bot/message/quota")
    clock.t = taipei(2026, 11, 2, 9, 30)
    assert sorted((await service.tick()).sent) == sorted(groups)


def test_schedule_options_parse_and_reject_nonsense() -> None:
    assert parse_days("mon-fri") == (0, 1, 2, 3, 4)
    assert parse_days("sat, mon") == (0, 5)
    s = Schedule().with_options(per_week=2)
    assert s.slot_days() == (0, 2)
    assert Schedule().with_options(per_week=3).slot_days() == (0, 1, 3)
    assert Schedule().with_options(days="tue,thu", per_week=5).slot_days() == (1, 3)
    for bad in (
        {"days": "fri-mon"},
        {"days": "funday"},
        {"at": "9h30"},
        {"quiet": "8-9"},
        {"every": 0},
        {"per_week": 8},
        {"quiet": "10:00-10:00"},
    ):
        with pytest.raises(ScheduleError):
            Schedule().with_options(**bad)
    row = Schedule().with_options(days="mon,wed", at="10:15", quiet="off").to_row("G", 0.0)
    assert Schedule.from_row(row).at.strftime("%H:%M") == "10:15"
    assert Schedule.from_row(row).quiet is None
    assert json.dumps(row)


def _incident(store: Store, group: str, at: float) -> None:
    import uuid

    from storage import Incident

    store.create_incident(
        Incident(
            id=uuid.uuid4().hex,
            group_id=group,
            chat_type="group",
            message_id=uuid.uuid4().hex,
            sender_id=None,
            source="text",
            verdict="warn",
            status="open",
            created_at=at,
            types=["tw_national_id"],
        )
    )


async def test_two_schedulers_on_one_database_send_a_slot_once(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock
) -> None:
    """Two processes (or an old and a new one during a restart) tick at the same moment."""
    g = add_group(platform, store, "team", 3, joined_at=clock.t)
    db_path = store.db.execute("PRAGMA database_list").fetchall()[0][2]
    other_store = Store.open(db_path)
    try:
        other = TipsService(other_store, service.config, platform=service.platform, clock=clock)
        clock.t = taipei(2026, 11, 2, 9, 30)
        first, second = await asyncio.gather(service.tick(), other.tick())
        assert first.sent + second.sent == [g]
        assert len(store.outbox_rows()) == 1
    finally:
        other_store.close()


async def test_a_group_speaking_english_gets_english_tips(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock, outbox: Outbox
) -> None:
    en = add_group(platform, store, "en-team", 2, joined_at=clock.t, locale="en")
    zh = add_group(platform, store, "zh-team", 2, joined_at=clock.t)
    clock.t = taipei(2026, 11, 2, 9, 30)
    await service.tick()
    await outbox.deliver_pending()
    assert platform.texts_to(en)[0].startswith("🔒 Confidentiality tip")
    assert platform.texts_to(zh)[0].startswith("🔒 保密小叮嚀")


async def test_without_line_credentials_a_tip_is_queued_for_the_running_service(
    store: Store, platform: FakeLinePlatform, clock: Clock, service: TipsService
) -> None:
    g = add_group(platform, store, "team", 3, joined_at=clock.t)
    offline = TipsService(store, service.config, clock=clock)  # `bot.py tips send`, no token
    assert offline.outbox is None
    send_id, tip = await offline.send_now(g)
    (row,) = store.outbox_rows(status="pending")
    sent = offline.tips.send(send_id)
    assert sent is not None and sent["tip_id"] == tip.id and sent["outbox_id"] == row.id
    assert (row.kind, row.priority, row.to_id, row.created_at) == ("tip", 10, g, clock.t)
    assert row.retry_key and row.reply_token is None and len(row.messages) == 1
    with pytest.raises(RuntimeError):  # a queue-only outbox never sends
        await Outbox(store, None, clock=clock).deliver_pending()
    assert store.outbox_rows(status="pending") == [row] and not platform.texts_to(g)


async def test_every_tick_is_recorded_for_metrics_even_when_nothing_is_due(
    service: TipsService, store: Store, platform: FakeLinePlatform, clock: Clock
) -> None:
    from monitoring.metrics import _StoreCollector

    def last_tick() -> float | None:
        for family in _StoreCollector(store, clock.now).collect():
            if family.name == "line_guard_tips_scheduler_last_tick_timestamp_seconds":
                (sample,) = family.samples
                return float(sample.value)
        return None

    assert last_tick() is None  # never ticked: no sample, never a made-up time
    add_group(platform, store, "team", 3, joined_at=clock.t)
    assert (await service.tick()).sent == []  # Sunday noon: nothing due
    assert last_tick() == clock.t
    clock.t = taipei(2026, 11, 2, 9, 30)
    assert (await service.tick()).sent != []
    assert last_tick() == clock.t
