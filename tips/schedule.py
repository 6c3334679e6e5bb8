"""Per-group tip schedules: when tips are due. Pure functions over datetimes, no I/O.

A schedule names the week days tips may go out on (default Monday to Friday), how many tips a
week (default 1), every how many weeks (default 1), the local time (default 09:30) and quiet
hours (default 19:00-08:00) during which nothing is sent; a send that falls due in quiet hours
waits for their end. With fewer tips a week than days, the tips are spread over the days:
1 of mon-fri -> Monday; 2 -> Monday, Wednesday; 3 -> Monday, Tuesday, Thursday.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_EPOCH_MONDAY = date(2024, 1, 1)  # week index 0


class ScheduleError(ValueError):
    """An invalid schedule option; the message says what is accepted."""


def parse_days(text: str) -> tuple[int, ...]:
    """'mon,wed,fri' or 'mon-fri' or 'mon-wed,sat' -> sorted weekday numbers (Monday = 0)."""
    out: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            if a not in DAY_NAMES or b not in DAY_NAMES:
                raise ScheduleError(f"unknown day in {part!r}; use mon,tue,wed,thu,fri,sat,sun")
            i, j = DAY_NAMES.index(a), DAY_NAMES.index(b)
            if j < i:
                raise ScheduleError(f"day range {part!r} runs backwards")
            out.update(range(i, j + 1))
        elif part in DAY_NAMES:
            out.add(DAY_NAMES.index(part))
        else:
            raise ScheduleError(f"unknown day {part!r}; use mon,tue,wed,thu,fri,sat,sun")
    if not out:
        raise ScheduleError("no days given")
    return tuple(sorted(out))


def parse_hhmm(text: str) -> time:
    try:
        hh, mm = text.strip().split(":")
        return time(int(hh), int(mm))
    except ValueError as exc:
        raise ScheduleError(f"time must be HH:MM (24 h), got {text!r}") from exc


def parse_quiet(text: str) -> tuple[time, time] | None:
    """'19:00-08:00' -> (19:00, 08:00); '' or 'off' -> None."""
    if not text or text.strip().lower() in ("off", "none", "-"):
        return None
    try:
        a, b = text.split("-")
    except ValueError as exc:
        raise ScheduleError(f"quiet hours must be HH:MM-HH:MM, got {text!r}") from exc
    start, end = parse_hhmm(a), parse_hhmm(b)
    if start == end:
        raise ScheduleError("quiet hours start and end at the same time")
    return start, end


def week_index(d: date) -> int:
    return (d - _EPOCH_MONDAY).days // 7


@dataclass(frozen=True)
class Schedule:
    enabled: bool = True
    every_weeks: int = 1
    per_week: int = 1
    days: tuple[int, ...] = (0, 1, 2, 3, 4)
    at: time = time(9, 30)
    quiet: tuple[time, time] | None = (time(19, 0), time(8, 0))
    anchor_week: int = 0

    def __post_init__(self) -> None:
        if self.every_weeks < 1 or self.every_weeks > 52:
            raise ScheduleError("--every must be between 1 and 52 weeks")
        if self.per_week < 1 or self.per_week > 7:
            raise ScheduleError("--per-week must be between 1 and 7")
        if not self.days:
            raise ScheduleError("no days given")

    # -- (de)serialisation -------------------------------------------------------------

    def to_row(self, group_id: str, now: float) -> dict[str, object]:
        return {
            "group_id": group_id,
            "enabled": int(self.enabled),
            "every_weeks": self.every_weeks,
            "per_week": self.per_week,
            "days": ",".join(DAY_NAMES[d] for d in self.days),
            "time": self.at.strftime("%H:%M"),
            "quiet": (
                f"{self.quiet[0].strftime('%H:%M')}-{self.quiet[1].strftime('%H:%M')}"
                if self.quiet
                else ""
            ),
            "anchor_week": self.anchor_week,
            "updated_at": now,
        }

    @classmethod
    def from_row(cls, row: dict[str, object] | None) -> Schedule:
        if row is None:
            return cls()
        return cls(
            enabled=bool(row.get("enabled", 1)),
            every_weeks=int(str(row.get("every_weeks") or 1)),
            per_week=int(str(row.get("per_week") or 1)),
            days=parse_days(str(row.get("days") or "mon-fri")),
            at=parse_hhmm(str(row.get("time") or "09:30")),
            quiet=parse_quiet(str(row.get("quiet") or "")),
            anchor_week=int(str(row.get("anchor_week") or 0)),
        )

    def with_options(
        self,
        *,
        every: int | None = None,
        per_week: int | None = None,
        days: str | None = None,
        at: str | None = None,
        quiet: str | None = None,
        enabled: bool | None = None,
    ) -> Schedule:
        changes: dict[str, object] = {}
        if every is not None:
            changes["every_weeks"] = every
        if per_week is not None:
            changes["per_week"] = per_week
        if days is not None:
            changes["days"] = parse_days(days)
        if at is not None:
            changes["at"] = parse_hhmm(at)
        if quiet is not None:
            changes["quiet"] = parse_quiet(quiet)
        if enabled is not None:
            changes["enabled"] = enabled
        return replace(self, **changes)  # type: ignore[arg-type]

    def describe(self) -> str:
        days = ",".join(DAY_NAMES[d] for d in self.slot_days())
        every = "every week" if self.every_weeks == 1 else f"every {self.every_weeks} weeks"
        quiet = (
            f"quiet {self.quiet[0].strftime('%H:%M')}-{self.quiet[1].strftime('%H:%M')}"
            if self.quiet
            else "no quiet hours"
        )
        state = "" if self.enabled else "OFF: "
        return (
            f"{state}{self.per_week}/week {every} on {days} at {self.at.strftime('%H:%M')}, {quiet}"
        )

    # -- when ----------------------------------------------------------------------------

    def slot_days(self) -> tuple[int, ...]:
        """The week days that carry a tip: `per_week` of `days`, spread evenly."""
        n = len(self.days)
        if self.per_week >= n:
            return self.days
        return tuple(self.days[(i * n) // self.per_week] for i in range(self.per_week))

    def week_active(self, d: date) -> bool:
        return (week_index(d) - self.anchor_week) % self.every_weeks == 0

    def in_quiet(self, local: datetime) -> bool:
        if not self.quiet:
            return False
        start, end = self.quiet
        t = local.time().replace(tzinfo=None)
        if start < end:
            return start <= t < end
        return t >= start or t < end

    def may_send_at(self, local: datetime) -> bool:
        """A due tip may go out now: one of the schedule's days, outside quiet hours."""
        return local.weekday() in self.days and not self.in_quiet(local)

    def latest_slot(self, now: datetime, tz: ZoneInfo) -> datetime | None:
        """The latest slot at or before `now` (aware datetime), or None within a year."""
        local = now.astimezone(tz)
        days = set(self.slot_days())
        d = local.date()
        for _ in range(7 * self.every_weeks + 8):
            if d.weekday() in days and self.week_active(d):
                slot = datetime.combine(d, self.at, tzinfo=tz)
                if slot <= local:
                    return slot
            d -= timedelta(days=1)
        return None

    def slots_between(
        self, after: datetime, until: datetime, tz: ZoneInfo, limit: int = 1000
    ) -> int:
        """How many slots fall in (after, until] (capped at `limit`): for logs and tests."""
        count = 0
        days = set(self.slot_days())
        d = after.astimezone(tz).date()
        end = until.astimezone(tz)
        while d <= end.date() and count < limit:
            if d.weekday() in days and self.week_active(d):
                slot = datetime.combine(d, self.at, tzinfo=tz)
                if after < slot <= end:
                    count += 1
            d += timedelta(days=1)
        return count


def anchor_for(now: datetime, tz: ZoneInfo) -> int:
    return week_index(now.astimezone(tz).date())
