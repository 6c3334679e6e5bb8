"""The console's overview and feedback figures, read from the incidents (no message content):
flagged per day, per type and per group; how long senders took to unsend; who repeats; and
the senders' reasons when they dismissed a warning, by type and rule.

Every query takes `groups`: the groups the reader may see (None: all, the ethics unit).
Days are local days (`utc_offset`, Taiwan's +8 h by default: it keeps no summer time)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from storage.base import SQLiteBase

TAIPEI_OFFSET = 8 * 3600


class _Spelling:
    """What SQLite and PostgreSQL spell differently in these figures: the incidents keep
    their lists as JSON text (types, rules, digests, masked) in both."""

    def __init__(self, pg: bool) -> None:
        self.pg = pg

    def day(self, seconds: str) -> str:  # epoch seconds -> 'YYYY-MM-DD' (UTC of the value)
        if self.pg:
            return f"to_char(to_timestamp({seconds}) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
        return f"date({seconds}, 'unixepoch')"

    def each(self, column: str, alias: str) -> str:  # one row per element, as `alias.value`
        if self.pg:
            return f"json_array_elements_text({column}::json) AS {alias}(value)"
        return f"json_each({column}) {alias}"

    def first(self, column: str) -> str:  # the first element of a JSON list
        return f"({column}::json ->> 0)" if self.pg else f"json_extract({column}, '$[0]')"

    def length(self, column: str) -> str:
        return f"json_array_length({column}{'::json' if self.pg else ''})"

    def concat_distinct(self, column: str) -> str:
        if self.pg:
            return f"string_agg(DISTINCT {column}, ',')"
        return f"group_concat(DISTINCT {column})"


def _scope(groups: Sequence[str] | None, column: str = "group_id") -> tuple[str, list[Any]]:
    if groups is None:
        return "", []
    marks = ",".join("?" * len(groups)) or "NULL"
    return f" AND {column} IN ({marks})", list(groups)


def local_days(since: float, now: float, utc_offset: int = TAIPEI_OFFSET) -> list[str]:
    """Every local date from `since` to `now`, both ends included (today too)."""
    first = datetime.fromtimestamp(since + utc_offset, UTC).date()
    last = datetime.fromtimestamp(now + utc_offset, UTC).date()
    return [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


class StatsBackend(Protocol):
    def flagged_per_day(
        self, groups: Sequence[str] | None, since: float, now: float
    ) -> list[tuple[str, int]]: ...

    def flagged_per_type(
        self, groups: Sequence[str] | None, since: float
    ) -> list[tuple[str, int]]: ...

    def flagged_per_group(
        self, groups: Sequence[str] | None, since: float
    ) -> list[tuple[str, int]]: ...

    def unsend_times(self, groups: Sequence[str] | None, since: float) -> dict[str, float]:
        """count, median and p90 (seconds) from the warning to the unsend."""
        ...

    def repeat_senders(
        self, groups: Sequence[str] | None, since: float, at_least: int = 2
    ) -> list[dict[str, Any]]: ...

    def dismissal_reasons(
        self, groups: Sequence[str] | None, since: float
    ) -> list[dict[str, Any]]: ...

    def dismissed_values(
        self, groups: Sequence[str] | None, since: float, at_least: int = 2
    ) -> list[dict[str, Any]]:
        """One value (one type, one keyed hash) dismissed `at_least` times in a group."""
        ...

    def broadcast_history(self, limit: int = 50) -> list[dict[str, Any]]: ...


class SQLiteStats(SQLiteBase):
    def flagged_per_day(
        self, groups: Sequence[str] | None, since: float, now: float
    ) -> list[tuple[str, int]]:
        where, params = _scope(groups)
        day = _Spelling(self._pg).day("created_at + ?")
        rows = self.db.query(
            f"SELECT {day} AS day, count(*) AS n FROM incidents "
            f"WHERE created_at >= ?{where} GROUP BY day",
            [TAIPEI_OFFSET, since, *params],
        )
        counts = {r["day"]: r["n"] for r in rows}
        return [(day, counts.get(day, 0)) for day in local_days(since, now)]

    def flagged_per_type(self, groups: Sequence[str] | None, since: float) -> list[tuple[str, int]]:
        where, params = _scope(groups, "i.group_id")
        each = _Spelling(self._pg).each("i.types", "j")
        rows = self.db.query(
            f"SELECT j.value AS type, count(*) AS n FROM incidents i, {each} "
            f"WHERE i.created_at >= ?{where} GROUP BY j.value ORDER BY n DESC, j.value",
            [since, *params],
        )
        return [(r["type"], r["n"]) for r in rows]

    def flagged_per_group(
        self, groups: Sequence[str] | None, since: float
    ) -> list[tuple[str, int]]:
        where, params = _scope(groups)
        rows = self.db.query(
            "SELECT group_id, count(*) AS n FROM incidents "
            f"WHERE created_at >= ?{where} GROUP BY group_id ORDER BY n DESC, group_id",
            [since, *params],
        )
        return [(r["group_id"], r["n"]) for r in rows]

    def unsend_times(self, groups: Sequence[str] | None, since: float) -> dict[str, float]:
        """count, median and p90 (seconds) from the warning to the unsend."""
        where, params = _scope(groups)
        rows = self.db.query(
            "SELECT resolved_at - created_at AS s FROM incidents WHERE status = 'retracted' "
            f"AND resolved_at IS NOT NULL AND created_at >= ?{where} ORDER BY s",
            [since, *params],
        )
        secs = [max(0.0, float(r["s"])) for r in rows]
        if not secs:
            return {"count": 0}
        p90 = secs[min(len(secs) - 1, int(0.9 * len(secs)))]
        return {"count": len(secs), "median": statistics.median(secs), "p90": p90}

    def repeat_senders(
        self, groups: Sequence[str] | None, since: float, at_least: int = 2
    ) -> list[dict[str, Any]]:
        """Senders flagged `at_least` times (their user id: the page shows display names)."""
        where, params = _scope(groups)
        return list(
            self.db.query(
                "SELECT sender_id, group_id, count(*) AS n, max(created_at) AS last FROM "
                f"incidents WHERE sender_id IS NOT NULL AND created_at >= ?{where} "
                "GROUP BY sender_id, group_id HAVING count(*) >= ? ORDER BY n DESC, last DESC",
                [since, *params, at_least],
            )
        )

    def dismissal_reasons(self, groups: Sequence[str] | None, since: float) -> list[dict[str, Any]]:
        """Dismissed (also provisionally: a sender's word on a block, not yet reviewed) or
        justified incidents by finding type, rule and reason."""
        where, params = _scope(groups, "i.group_id")
        sp = _Spelling(self._pg)
        return list(
            self.db.query(
                "SELECT t.value AS type, r.value AS rule, coalesce(i.reason, '') AS reason, "
                f"count(DISTINCT i.id) AS n, {sp.concat_distinct('i.group_id')} AS groups "
                f"FROM incidents i, {sp.each('i.types', 't')}, {sp.each('i.rules', 'r')} "
                "WHERE i.status IN ('dismissed', 'dismissed_provisional', 'justified') "
                "AND r.value LIKE t.value || '.%' "
                f"AND i.created_at >= ?{where} GROUP BY t.value, r.value, reason "
                "ORDER BY n DESC, t.value, r.value",
                [since, *params],
            )
        )

    def dismissed_values(
        self, groups: Sequence[str] | None, since: float, at_least: int = 2
    ) -> list[dict[str, Any]]:
        """One value (one type, one keyed hash) dismissed `at_least` times in a group."""
        where, params = _scope(groups)
        sp = _Spelling(self._pg)
        rows = self.db.query(
            f"SELECT group_id, {sp.first('types')} AS type, "
            f"{sp.first('digests')} AS digest, max({sp.first('masked')}) "
            "AS masked, count(*) AS n FROM incidents WHERE status = 'dismissed' "
            f"AND {sp.length('types')} = 1 AND {sp.length('digests')} = 1 "
            f"AND created_at >= ?{where} GROUP BY group_id, type, digest HAVING count(*) >= ? "
            "ORDER BY n DESC, group_id",
            [since, *params, at_least],
        )
        return list(rows)

    def broadcast_history(self, limit: int = 50) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT id, text, target, status, groups, messages, sent_groups, "
                "skipped_groups, created_at, decided_at FROM broadcasts "
                "ORDER BY created_at DESC LIMIT ?",
                [limit],
            )
        )
