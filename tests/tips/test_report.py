"""The report's figures, computed from known incidents, tips and quiz answers."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path

import pytest
from PIL import Image

from storage import Incident, Store
from storage.tips import TipStore
from tests.support.tipkit import TZ, taipei
from tips import chart, report

START = taipei(2026, 11, 9)  # Monday 00:00 Taipei
END = taipei(2026, 11, 16)
HOUR = 3600.0
G1, G2 = "C" + "1" * 32, "C" + "2" * 32
A, B, C = "U" + "a" * 32, "U" + "b" * 32, "U" + "c" * 32


def inc(
    at: float,
    group: str = G1,
    *,
    types: tuple[str, ...] = ("tw_national_id",),
    status: str = "open",
    sender: str | None = A,
    resolved_after: float | None = None,
    escalated: bool = False,
    reason: str | None = None,
) -> Incident:
    return Incident(
        id=uuid.uuid4().hex[:12],
        group_id=group,
        chat_type="group",
        message_id=uuid.uuid4().hex,
        sender_id=sender,
        source="text",
        verdict="block",
        status=status,
        created_at=at,
        types=list(types),
        masked=["A12****789"],
        event_at=at,
        resolved_at=at + resolved_after if resolved_after is not None else None,
        escalated_at=at + 600 if escalated else None,
        reason=reason,
    )


def known_incidents() -> tuple[list[Incident], list[Incident]]:
    current = [
        inc(
            START + 1 * HOUR,
            types=("tw_national_id", "phone"),
            status="retracted",
            resolved_after=120,
        ),
        inc(START + 2 * HOUR, status="retracted", resolved_after=600, sender=B),
        inc(
            START + 30 * HOUR,
            G2,
            types=("warrant",),
            status="retracted",
            resolved_after=3000,
            sender=B,
        ),
        inc(START + 50 * HOUR, G2, types=("phone",), status="escalated", escalated=True, sender=C),
        inc(START + 70 * HOUR, types=("phone",), status="acknowledged", escalated=True),
        inc(START + 80 * HOUR, status="dismissed", reason="public", sender=C),
        inc(START + 90 * HOUR, status="justified", reason="case", sender=None),
        inc(END - 1, types=("bank_account",), status="open", sender=None),
    ]
    previous = [
        inc(START - 3 * 86400, status="retracted", resolved_after=60),
        inc(START - 2 * 86400, G2),
        inc(START - 1 * 86400, G2, status="dismissed"),
        inc(START - 1, G2, types=("warrant",)),
    ]
    return current, previous


def test_figures_from_known_incidents() -> None:
    current, previous = known_incidents()
    r = report.compute(current, previous, start=START, end=END, tz=TZ, group_names={G1: "稽查組"})
    assert r["incidents"] == {"total": 8, "previous": 4, "change_pct": 100.0, "still_open": 2}
    assert {x["type"]: (x["count"], x["previous"]) for x in r["by_type"]} == {
        "tw_national_id": (4, 3),
        "phone": (3, 0),
        "warrant": (1, 1),
        "bank_account": (1, 0),
    }
    assert r["by_type"][0]["type"] == "tw_national_id"
    assert r["by_group"] == [
        {"group": "稽查組", "count": 6, "previous": 1},
        {"group": "C2222…2222", "count": 2, "previous": 3},
    ]
    assert r["retracted"]["count"] == 3
    assert r["retracted"]["pct"] == 37.5
    assert r["retracted"]["median_seconds"] == 600  # of 120, 600, 3000
    assert r["retracted"]["previous_median_seconds"] == 60
    assert r["escalations"] == {"count": 2, "previous": 0}
    assert r["false_positives"] == {"count": 1, "previous": 1}
    assert r["justified"]["count"] == 1
    # A has 3 incidents, B 2, C 2: three repeat senders; nobody is named.
    assert r["repeat_senders"] == {"count": 3, "previous": 1}
    # Local days from Monday: 1 h, 2 h | 30 h | 50 h, 70 h | 80 h, 90 h | - | - | END - 1 s.
    assert r["daily"]["current"] == [2, 1, 2, 2, 0, 0, 1]
    assert r["daily"]["previous"] == [0, 0, 0, 0, 1, 1, 2]
    dump = json.dumps(r, ensure_ascii=False)
    for secret in (A, B, C, "A12****789", G1):
        assert secret not in dump


@pytest.mark.parametrize("start_hour", [0, 9, 15, 23])
def test_rolling_window_draws_every_calendar_date_it_spans_today_included(
    start_hour: int,
) -> None:
    """`report --since 7d` run at 15:00 spans 8 local dates: the first and today both get a
    bar, so the daily series adds up to the total."""
    start = taipei(2026, 11, 9, start_hour)
    end = start + 7 * 86400
    current = [inc(start + 60), inc(start + 3 * 86400), inc(end - 60), inc(end - 30)]
    previous = [inc(start - 7 * 86400 + 60), inc(start - 60)]
    r = report.compute(current, previous, start=start, end=end, tz=TZ)
    daily = r["daily"]["current"]
    assert len(daily) == (7 if start_hour == 0 else 8)
    assert daily[-1] == 2  # today
    assert daily[0] == 1
    assert sum(daily) == r["incidents"]["total"] == 4
    assert sum(r["daily"]["previous"]) == r["incidents"]["previous"] == 2
    assert len(r["daily"]["previous"]) == len(daily)


def test_trend_against_an_empty_previous_period() -> None:
    current, _ = known_incidents()
    r = report.compute(current, [], start=START, end=END, tz=TZ)
    assert r["incidents"]["change_pct"] is None
    assert "前期為 0" in report.format_text(r, "zh-TW")
    assert "previous period had none" in report.format_text(r, "en")


def test_report_from_the_database_includes_tips_and_quiz_results(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    try:
        current, previous = known_incidents()
        for i in current + previous:
            store.create_incident(i)
        store.upsert_group(G1, START, chat_type="group", name="稽查組")
        tips = TipStore(store)
        for at, status, kind in (
            (START + 5, "queued", "case"),
            (START + 9, "queued", "quiz"),
            (START + 9, "skipped_quota", ""),
            (START - 9, "queued", "rule"),
        ):
            tips.add_send(
                group_id=G1, tip_id="x", kind=kind, reason="schedule", status=status, sent_at=at
            )
        for n, (choice, correct) in enumerate(((1, True), (1, True), (1, True), (0, False))):
            tips.record_vote(
                send_id=1,
                voter=f"v{n}",
                group_id=G1,
                tip_id="quiz.x",
                day="2026-11-10",
                choice=choice,
                correct=correct,
                now=START,
            )
        tips.record_vote(
            send_id=1,
            voter="v0",
            group_id=G1,
            tip_id="quiz.x",
            day="2026-11-10",
            choice=0,
            correct=False,
            now=START,
        )  # the same person again: ignored
        r = report.build(store, START, END, TZ)
    finally:
        store.close()
    assert r["incidents"]["total"] == 8 and r["incidents"]["previous"] == 4
    assert r["tips"] == {
        "sent": 2,
        "previous": 1,
        "by_kind": {"case": 1, "quiz": 1},
        "skipped_for_quota": 1,
    }
    assert (
        r["quiz"]["answers"] == 4 and r["quiz"]["correct"] == 3 and r["quiz"]["correct_pct"] == 75.0
    )
    text = report.format_text(r, "zh-TW")
    for expected in (
        "事件總數：8（前期 4，增加 100.0%）",
        "已收回：3 件（37.5%），收回時間中位數 10 分鐘",
        "通報主管：2 件",
        "回報誤判：1 件",
        "重複發生的成員：3 人",
        "已發送小叮嚀：2 則",
        "答對率 75.0%",
        "稽查組 6",
    ):
        assert expected in text, expected
    assert "Retracted: 3 (37.5%), median time to retraction 10 min" in report.format_text(r, "en")


@pytest.mark.parametrize("font", ["auto", None])
def test_chart_is_a_png_with_or_without_a_cjk_font(font: str | None) -> None:
    current, previous = known_incidents()
    r = report.compute(current, previous, start=START, end=END, tz=TZ)
    png = chart.render(r, "zh-TW", font_path=font)
    img = Image.open(io.BytesIO(png))
    assert img.format == "PNG" and img.size == (chart.WIDTH, chart.HEIGHT)
    colours = {c for _, c in img.getcolors(maxcolors=1 << 20) or []}
    assert chart.CURRENT in colours and chart.PREVIOUS in colours and chart.TYPES in colours


def test_cjk_font_found_on_this_machine_draws_chinese() -> None:
    path = chart.cjk_font_path()
    if path is None:
        pytest.skip("no CJK font installed (scripts/setup.sh --dev installs one)")
    assert Path(path).exists()


def test_period_parsing() -> None:
    assert report.parse_period("7d") == 7 * 86400
    assert report.parse_period("12h") == 12 * 3600
    assert report.parse_period("2w") == 14 * 86400
    for bad in ("", "7", "0d", "-1d", "7 days"):
        with pytest.raises(report.PeriodError):
            report.parse_period(bad)


def test_a_provisional_dismissal_awaits_review_and_is_no_false_positive_yet() -> None:
    """A sender's false positive on a `block` waits for a reviewer: counted as awaiting
    review, not as a false positive (whatever its reason says), in the figures and the text."""
    current = [
        inc(START + HOUR, status="dismissed_provisional", reason="reason:not_sensitive"),
        inc(START + 2 * HOUR, status="dismissed_provisional", reason="false positive"),
        inc(START + 3 * HOUR, status="dismissed", reason="reason:public"),
    ]
    r = report.compute(current, [], start=START, end=END, tz=TZ, group_names={})
    assert r["false_positives"] == {"count": 1, "previous": 0}
    assert r["awaiting_review"] == {"count": 2, "previous": 0}
    assert "回報誤判：1 件" in report.format_text(r, "zh-TW")
    assert "誤判待確認（待管理者覆核）：2 件" in report.format_text(r, "zh-TW")
    assert "awaiting review: 2" in report.format_text(r, "en")
