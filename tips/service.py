"""`TipsService`: tips, the schedule's one-tick function, quota-aware rounds, broadcasts, quizzes.

Everything outgoing goes through the outbox: a tip's bookkeeping (rotation, the slot it
fills, the send record) and its outbox row are written in one SQLite transaction, so a
restart can neither lose the fact that a tip was queued nor queue it twice. The outbox
worker delivers (with retries); this module never calls LINE's send endpoints itself.

Time comes from an injected clock (epoch seconds), so tests drive the scheduler through
`tick()` with a controlled clock and no sleeps.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
import secrets
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from config import Config
from locales import normalise_locale
from storage import Store
from storage.tips import TipState, TipStore
from tips import library
from tips.library import Tip
from tips.quota import LinePlatform, Plan, Platform, QuotaUnavailable, Target, fit
from tips.schedule import Schedule, anchor_for

log = logging.getLogger("bot.tips")

# Outbox priorities (higher first), in line with outbox.PRIORITY_*: tips 10, bulk 5.
PRIORITY_TIP = 10
PRIORITY_BROADCAST = 20  # an ethics-unit reminder goes before routine tips
PRIORITY_NOTICE = 50  # a quota notice or report to the ethics unit
PRIORITY_QUIZ = 50  # the explanation after an answer (a free reply)

REQUEST_COOLDOWN_SECONDS = 30 * 60  # `/tip` in a group: at most one every 30 minutes
BROADCAST_TTL_SECONDS = 15 * 60  # a broadcast not confirmed within 15 minutes expires
BROADCAST_MAX_CHARS = 1000
QUIZ_OPEN_SECONDS = 14 * 86400  # answers to a quiz count for two weeks
INCIDENT_PRIORITY_DAYS = 30  # groups with more incidents lately go first when quota is short
MEMBER_COUNT_CONCURRENCY = 8  # member-count lookups in flight at once
DIRECT = "direct"  # tip_sends / quiz_answers key for 1:1 chats (no user id stored)


def _ts(dt: datetime) -> float:
    return dt.timestamp()


@dataclass
class Estimate:
    """What a round of pushes to some chats would cost, and what fits."""

    plan: Plan
    costs: dict[str, int] = field(default_factory=dict)

    @property
    def groups(self) -> int:
        return len(self.plan.send) + len(self.plan.skip)

    @property
    def messages(self) -> int:
        return self.plan.needed


@dataclass
class TickResult:
    sent: list[str] = field(default_factory=list)  # group ids a tip was queued for
    skipped: list[str] = field(default_factory=list)  # due but skipped for quota
    deferred: list[str] = field(default_factory=list)  # due, waiting for quiet hours / a day
    catchups: list[str] = field(default_factory=list)  # of `sent`: missed slots caught up
    noticed: bool = False  # the ethics unit was told about skipped groups
    report_sent: bool = False


@dataclass
class BroadcastProposal:
    ok: bool
    message_key: str  # ui key of the answer when not ok
    broadcast_id: str | None = None
    estimate: Estimate | None = None
    leaked_types: list[str] = field(default_factory=list)


@dataclass
class BroadcastOutcome:
    status: str  # sent | cancelled | expired | refused | done_already | unknown
    sent_groups: int = 0
    skipped_groups: int = 0
    messages: int = 0


class TipsService:
    def __init__(
        self,
        store: Store,
        config: Config,
        *,
        platform: Platform | None = None,
        outbox: Any = None,
        clock: Callable[[], float] = time.time,
        salt: bytes | None = None,
    ) -> None:
        self.store = store
        self.tips = TipStore(store)
        self.config = config
        self.platform = platform
        self.outbox = outbox
        self.clock = clock
        try:
            self.tz = ZoneInfo(config.timezone or "Asia/Taipei")
        except (ValueError, KeyError, OSError):  # an unknown zone name: Taiwan time
            log.warning("unknown timezone %r; using Asia/Taipei", config.timezone)
            self.tz = ZoneInfo("Asia/Taipei")
        self.salt = salt if salt is not None else store.hash_salt(config.hash_salt)
        self._purged_at = 0.0
        self._tick_lock = asyncio.Lock()

    @classmethod
    def from_api(cls, store: Store, config: Config, api: Any, **kw: Any) -> TipsService:
        return cls(store, config, platform=LinePlatform(api) if api is not None else None, **kw)

    # -- helpers -------------------------------------------------------------------------

    def now(self) -> float:
        return self.clock()

    def _dt(self, ts: float) -> datetime:
        return datetime.fromtimestamp(ts, UTC)

    def locale_of(self, chat_id: str | None) -> str:
        if chat_id:
            loc = self.store.group_locale(chat_id)
            if loc:
                return normalise_locale(loc)
        return normalise_locale(self.config.default_locale)

    def groups(self) -> list[dict[str, Any]]:
        """Active groups and rooms the bot is in."""
        return [
            g
            for g in self.store.list_groups(active_only=True)
            if (g.get("chat_type") or "group") in ("group", "room")
        ]

    def _push(self, to: str, messages: list[dict[str, Any]], *, kind: str, priority: int) -> int:
        """Write one outbox push row (the caller may hold a transaction)."""
        return self.store.outbox_add(
            kind=kind,
            messages=messages,
            now=self._outbox_now(),
            to_id=to,
            retry_key=str(uuid.uuid4()),
            priority=priority,
        )

    def _reply(
        self,
        reply_token: str | None,
        to: str,
        messages: list[dict[str, Any]],
        *,
        kind: str,
        priority: int,
    ) -> int:
        return self.store.outbox_add(
            kind=kind,
            messages=messages,
            now=self._outbox_now(),
            to_id=to,
            reply_token=reply_token,
            retry_key=None if reply_token else str(uuid.uuid4()),
            priority=priority,
        )

    def _outbox_now(self) -> float:
        """Outbox rows are timed by the outbox's own clock (reply-token age, retries)."""
        clock = getattr(self.outbox, "clock", None)
        return float(clock()) if callable(clock) else self.now()

    def _wake(self) -> None:
        if self.outbox is not None:
            self.outbox.wake()

    # -- schedules -----------------------------------------------------------------------

    def schedule(self, group_id: str) -> Schedule:
        row = self.tips.schedule_row(group_id)
        if row is None:
            return Schedule(anchor_week=anchor_for(self._dt(self.now()), self.tz))
        return Schedule.from_row(row)

    def set_schedule(self, group_id: str, **options: Any) -> Schedule:
        """Change a group's schedule (`every`, `per_week`, `days`, `at`, `quiet`, `enabled`).

        Changing the schedule does not send anything for slots that already passed."""
        current = self.schedule(group_id)
        new = current.with_options(**options)
        now = self.now()
        if new.every_weeks != current.every_weeks or self.tips.schedule_row(group_id) is None:
            new = Schedule(**{**new.__dict__, "anchor_week": anchor_for(self._dt(now), self.tz)})
        with self.tips.transaction():
            self.tips.save_schedule_row(new.to_row(group_id, now))
            state = self.tips.state(group_id) or TipState(group_id)
            state.last_slot = max(state.last_slot or 0.0, now)
            self.tips.save_state(state)
        return new

    # -- rotation ------------------------------------------------------------------------

    def _order(self, group_id: str, cycle: int) -> list[str]:
        ids = library.tip_ids()
        random.Random(f"{group_id}:{cycle}").shuffle(ids)
        return ids

    def _pick(self, state: TipState) -> str:
        """The next tip for the group: none repeats until every tip has been sent once."""
        known = set(library.tip_ids())
        if not known:
            raise LookupError("the tip library is empty")
        sent = [i for i in state.sent_ids if i in known]
        remaining = [i for i in self._order(state.group_id, state.cycle) if i not in sent]
        if not remaining:
            last = state.sent_ids[-1] if state.sent_ids else None
            state.cycle += 1
            state.sent_ids = []
            remaining = self._order(state.group_id, state.cycle)
            if len(remaining) > 1 and remaining[0] == last:
                remaining.append(remaining.pop(0))
        else:
            state.sent_ids = sent
        return remaining[0]

    def _queue_tip(
        self,
        group_id: str,
        *,
        reason: str,
        slot: float | None = None,
        cost: int | None = None,
        reply_token: str | None = None,
    ) -> tuple[int, Tip] | None:
        """Pick, record and queue the next tip for a group, in one transaction. None when
        `slot` was already handled (the check and the write are one transaction)."""
        now = self.now()
        locale = self.locale_of(group_id)
        with self.tips.transaction():
            state = self.tips.state(group_id) or TipState(group_id, last_slot=now)
            if slot is not None and state.last_slot is not None and state.last_slot >= slot:
                return None  # another tick (or process) already handled this slot
            tip_id = self._pick(state)
            tip = library.load_library(locale)[tip_id]
            send_id = self.tips.add_send(
                group_id=group_id,
                tip_id=tip_id,
                kind=tip.kind,
                reason=reason,
                status="queued",
                slot=slot,
                sent_at=now,
                cost=cost,
            )
            messages = library.tip_messages(tip, locale, send_id=send_id)
            if reply_token:
                row = self._reply(
                    reply_token, group_id, messages, kind="tip", priority=PRIORITY_TIP
                )
            else:
                row = self._push(group_id, messages, kind="tip", priority=PRIORITY_TIP)
            self.tips.set_send_outbox(send_id, row)
            state.sent_ids.append(tip_id)
            state.last_sent_at = now
            if slot is not None:
                state.last_slot = max(state.last_slot or 0.0, slot)
            if reply_token:
                state.last_request_at = now
            self.tips.save_state(state)
        self._wake()
        log.info("tip queued group=%s tip=%s reason=%s send=%s", group_id, tip_id, reason, send_id)
        return send_id, tip

    async def send_now(self, group_id: str) -> tuple[int, Tip]:
        """`tips send --group`: the group's next tip, now (the schedule is unchanged)."""
        cost = await self._member_count(group_id, self._chat_type(group_id))
        queued = self._queue_tip(group_id, reason="manual", cost=cost)
        assert queued is not None
        return queued

    def request_tip(self, chat_id: str, chat_type: str, reply_token: str | None) -> int | None:
        """`/tip` from a member: the next tip as a reply (free). Returns the minutes to wait
        when the group asked too recently, else None."""
        now = self.now()
        if chat_type in ("group", "room"):
            state = self.tips.state(chat_id)
            if (
                state
                and state.last_request_at
                and now - state.last_request_at < REQUEST_COOLDOWN_SECONDS
            ):
                return max(1, int((REQUEST_COOLDOWN_SECONDS - (now - state.last_request_at)) // 60))
            self._queue_tip(chat_id, reason="request", cost=0, reply_token=reply_token)
            return None
        # 1:1: a random tip, no per-user rotation (no user id stored with the send)
        locale = self.locale_of(None)
        tip_id = random.choice(library.tip_ids())
        tip = library.load_library(locale)[tip_id]
        with self.tips.transaction():
            send_id = self.tips.add_send(
                group_id=DIRECT,
                tip_id=tip_id,
                kind=tip.kind,
                reason="request",
                status="queued",
                sent_at=now,
                cost=0,
            )
            self._reply(
                reply_token,
                chat_id,
                library.tip_messages(tip, locale, send_id=send_id),
                kind="tip",
                priority=PRIORITY_QUIZ,
            )
        self._wake()
        return None

    # -- quota ---------------------------------------------------------------------------

    def _chat_type(self, chat_id: str) -> str:
        row = self.store.group(chat_id)
        return str(row.get("chat_type") or "group") if row else "group"

    async def _member_count(self, chat_id: str, chat_type: str) -> int | None:
        count = None
        if self.platform is not None:
            count = await self.platform.member_count(chat_id, chat_type)
        if count is not None:
            self.tips.set_member_count(chat_id, count)
            return count
        state = self.tips.state(chat_id)
        return state.member_count if state else None

    def _pending_cost(self, costs: dict[str, int]) -> int:
        """Pushes still waiting in the outbox will consume quota too."""
        total = 0
        for row in self.store.outbox_rows(status="pending") + self.store.outbox_rows(
            status="sending"
        ):
            if row.reply_token or not row.to_id:
                continue
            if row.to_id in costs:
                per = costs[row.to_id]
            else:
                state = self.tips.state(row.to_id)
                per = state.member_count if state and state.member_count else 1
            total += per * max(1, len(row.messages))
        return total

    def _incident_rank(self, group_id: str, now: float) -> int:
        counts = self.store.incident_counts(group_id, now - INCIDENT_PRIORITY_DAYS * 86400)
        return sum(counts.values())

    async def estimate(self, chat_ids: Sequence[str], *, reserve: int = 0) -> Estimate:
        """Cost of one push to each chat against the quota left; the plan keeps groups with
        more recent incidents first, then smaller groups."""
        now = self.now()
        targets, costs = [], {}
        sem = asyncio.Semaphore(MEMBER_COUNT_CONCURRENCY)

        async def count_of(cid: str) -> int | None:
            async with sem:
                return await self._member_count(cid, self._chat_type(cid))

        counts = await asyncio.gather(*(count_of(cid) for cid in chat_ids))
        for cid, count in zip(chat_ids, counts, strict=True):
            cost = count if count is not None else 1
            costs[cid] = cost
            rank = (-self._incident_rank(cid, now), cost, cid)
            targets.append(Target(cid, cost, rank, known=count is not None))
        remaining: int | None = None
        known = True
        if self.platform is not None:
            try:
                remaining = await self.platform.remaining()
            except QuotaUnavailable as exc:
                known = False
                log.warning("quota unavailable error=%s; sending without a limit", exc)
        else:
            known = False
        if remaining is not None:
            remaining = max(0, remaining - self._pending_cost(costs))
        plan = fit(targets, remaining, reserve=reserve)
        plan.quota_known = known
        return Estimate(plan=plan, costs=costs)

    # -- the one tick --------------------------------------------------------------------

    async def tick(self) -> TickResult:
        """One pass of the scheduler: queue the tips that are due, within the quota.

        A group is due when a slot of its schedule passed since its last handled slot. At
        most one tip goes out per group and tick however many slots were missed (a restart
        after a long stop sends one catch-up, not a flood), and only on one of the
        schedule's days outside quiet hours."""
        async with self._tick_lock:
            return await self._tick()

    async def _tick(self) -> TickResult:
        now = self.now()
        now_dt = self._dt(now)
        local = now_dt.astimezone(self.tz)
        result = TickResult()
        due: list[tuple[str, float, bool]] = []  # (group, slot, catch-up?)
        for g in self.groups():
            gid = g["group_id"]
            sched = self.schedule(gid)
            if not sched.enabled:
                continue
            state = self.tips.state(gid)
            if state is None or state.last_slot is None:
                state = state or TipState(gid)
                # A new group: slots from when the bot joined count, earlier ones do not.
                state.last_slot = float(g.get("joined_at") or now)
                self.tips.save_state(state)
            latest = sched.latest_slot(now_dt, self.tz)
            if latest is None or _ts(latest) <= (state.last_slot or 0.0):
                continue
            if not sched.may_send_at(local):
                result.deferred.append(gid)
                continue
            missed = sched.slots_between(self._dt(state.last_slot or now), now_dt, self.tz, 2)
            catchup = missed > 1 or now - _ts(latest) > 3600
            due.append((gid, _ts(latest), catchup))
        if due:
            await self._send_round(due, result)
        result.report_sent = await self.weekly_report_if_due(now)
        if now - self._purged_at >= 86400:  # retention of this area's tables, daily
            self._purged_at = now
            self.tips.purge(now, self.config.retention_days)
        return result

    async def _send_round(self, due: list[tuple[str, float, bool]], result: TickResult) -> None:
        ethics = self.store.ethics_users()
        est = await self.estimate([gid for gid, _, _ in due], reserve=len(ethics))
        slots = {gid: (slot, catchup) for gid, slot, catchup in due}
        for t in est.plan.send:
            slot, catchup = slots[t.chat_id]
            queued = self._queue_tip(
                t.chat_id, reason="catchup" if catchup else "schedule", slot=slot, cost=t.cost
            )
            if queued is None:
                continue
            result.sent.append(t.chat_id)
            if catchup:
                result.catchups.append(t.chat_id)
        now = self.now()
        for t in est.plan.skip:
            slot, _ = slots[t.chat_id]
            with self.tips.transaction():
                self.tips.add_send(
                    group_id=t.chat_id,
                    tip_id="",
                    kind="",
                    reason="schedule",
                    status="skipped_quota",
                    slot=slot,
                    sent_at=now,
                    cost=t.cost,
                )
                state = self.tips.state(t.chat_id) or TipState(t.chat_id)
                state.last_slot = max(state.last_slot or 0.0, slot)
                self.tips.save_state(state)
            result.skipped.append(t.chat_id)
            log.warning("tip skipped for quota group=%s cost=%d", t.chat_id, t.cost)
        if est.plan.skip and ethics:
            self.notify_ethics(
                "quota.notice",
                needed=est.plan.needed,
                remaining=est.plan.remaining if est.plan.remaining is not None else "?",
                sent=len(est.plan.send),
                skipped=len(est.plan.skip),
            )
            result.noticed = True

    def notify_ethics(self, key: str, **kw: Any) -> int:
        """Push one message to every ethics-unit member (in their language)."""
        users = self.store.ethics_users()
        with self.tips.transaction():
            for uid in users:
                loc = self._user_locale(uid)
                text = library.ui(key, loc, **kw)
                self._push(
                    uid, [{"type": "text", "text": text}], kind="notice", priority=PRIORITY_NOTICE
                )
        self._wake()
        return len(users)

    def _user_locale(self, user_id: str) -> str:
        row = self.store.user(user_id)
        if row and row.get("locale"):
            return normalise_locale(row["locale"])
        return normalise_locale(self.config.default_locale)

    # -- broadcasts ----------------------------------------------------------------------

    def _who(self, user_id: str) -> str:
        return hashlib.sha256(self.salt + b"broadcast:" + user_id.encode()).hexdigest()[:32]

    async def propose_broadcast(
        self, user_id: str | None, text: str, *, target: str | None = None
    ) -> BroadcastProposal:
        """Step 1: check who asks, estimate, keep the reminder pending confirmation.
        `user_id` None means the command line (the operator of the machine)."""
        if user_id is not None and not self.store.is_ethics(user_id):
            log.info("broadcast refused: not in the ethics unit")
            return BroadcastProposal(False, "broadcast.refused")
        text = text.strip()
        if not text:
            return BroadcastProposal(False, "broadcast.usage")
        if len(text) > BROADCAST_MAX_CHARS:
            return BroadcastProposal(False, "broadcast.too_long")
        leaked = self._leak_types(text)
        if leaked:
            log.info("broadcast refused: the text itself would be blocked types=%s", leaked)
            return BroadcastProposal(False, "broadcast.has_personal_data", leaked_types=leaked)
        chats = [target] if target else [g["group_id"] for g in self.groups()]
        if not chats:
            return BroadcastProposal(False, "broadcast.no_groups")
        est = await self.estimate(chats, reserve=0)
        now = self.now()
        bid = secrets.token_urlsafe(12)
        self.tips.add_broadcast(
            {
                "id": bid,
                "requested_by": self._who(user_id) if user_id else "cli",
                "text": text,
                "target": target or "*",
                "status": "pending",
                "groups": est.groups,
                "messages": est.messages,
                "created_at": now,
                "expires_at": now + BROADCAST_TTL_SECONDS,
            }
        )
        return BroadcastProposal(True, "broadcast.estimate", bid, est)

    def _leak_types(self, text: str) -> list[str]:
        """The finding types if the bot itself would block this text in a group."""
        from detectors import scan_text

        result = scan_text(text, config=self.config.policy_path, salt=self.salt)
        if result.verdict != "block":
            return []
        return sorted({f.type for f in result.findings})

    def estimate_text(self, est: Estimate, locale: str) -> str:
        if est.plan.remaining is None:
            line = library.ui(
                "broadcast.estimate_unlimited" if est.plan.quota_known else "broadcast.estimate",
                locale,
                groups=est.groups,
                messages=est.messages,
                remaining="?",
            )
        else:
            line = library.ui(
                "broadcast.estimate",
                locale,
                groups=est.groups,
                messages=est.messages,
                remaining=est.plan.remaining,
            )
        if est.plan.skip:
            line += "\n" + library.ui(
                "broadcast.over_quota",
                locale,
                fit_groups=len(est.plan.send),
                fit_messages=est.plan.cost,
                skipped=len(est.plan.skip),
            )
        return line

    def broadcast_messages(self, text: str, locale: str) -> list[dict[str, Any]]:
        return [{"type": "text", "text": f"{library.ui('broadcast.header', locale)}\n{text}"}]

    def confirm_messages(
        self, proposal: BroadcastProposal, text: str, locale: str
    ) -> list[dict[str, Any]]:
        """The preview, the estimate and the confirm/cancel buttons for the ethics member."""
        assert proposal.estimate is not None and proposal.broadcast_id is not None
        bid = proposal.broadcast_id
        estimate = self.estimate_text(proposal.estimate, locale)
        prompt = library.ui("broadcast.confirm_prompt", locale)
        return [
            *self.broadcast_messages(text, locale),
            {
                "type": "template",
                "altText": (estimate + "\n" + prompt)[:400],
                "template": {
                    "type": "confirm",
                    "text": (estimate + "\n" + prompt)[:240],
                    "actions": [
                        {
                            "type": "postback",
                            "label": library.ui("broadcast.confirm", locale),
                            "data": f"broadcast:confirm:{bid}",
                        },
                        {
                            "type": "postback",
                            "label": library.ui("broadcast.cancel", locale),
                            "data": f"broadcast:cancel:{bid}",
                        },
                    ],
                },
            },
        ]

    async def confirm_broadcast(self, broadcast_id: str, user_id: str | None) -> BroadcastOutcome:
        """Step 2: an ethics member (the one who asked) confirms; what fits goes out."""
        if user_id is not None and not self.store.is_ethics(user_id):
            return BroadcastOutcome("refused")
        row = self.tips.broadcast(broadcast_id)
        if row is None:
            return BroadcastOutcome("unknown")
        if user_id is not None and row["requested_by"] != self._who(user_id):
            return BroadcastOutcome("refused")
        now = self.now()
        if row["status"] != "pending":
            return BroadcastOutcome("done_already")
        if now > row["expires_at"]:
            self.tips.move_broadcast(broadcast_id, "pending", "expired", now)
            return BroadcastOutcome("expired")
        if not self.tips.move_broadcast(broadcast_id, "pending", "sending", now):
            return BroadcastOutcome("done_already")  # a double tap: the other one sends
        chats = [row["target"]] if row["target"] != "*" else [g["group_id"] for g in self.groups()]
        ethics = self.store.ethics_users()
        est = await self.estimate(chats, reserve=len(ethics))
        with self.tips.transaction():
            for t in est.plan.send:
                loc = self.locale_of(t.chat_id)
                self._push(
                    t.chat_id,
                    self.broadcast_messages(row["text"], loc),
                    kind="broadcast",
                    priority=PRIORITY_BROADCAST,
                )
            self.tips.finish_broadcast(broadcast_id, len(est.plan.send), len(est.plan.skip))
        self._wake()
        log.info(
            "broadcast queued id=%s groups=%d skipped=%d",
            broadcast_id,
            len(est.plan.send),
            len(est.plan.skip),
        )
        return BroadcastOutcome(
            "sent",
            sent_groups=len(est.plan.send),
            skipped_groups=len(est.plan.skip),
            messages=est.plan.cost,
        )

    def cancel_broadcast(self, broadcast_id: str, user_id: str | None) -> BroadcastOutcome:
        if user_id is not None and not self.store.is_ethics(user_id):
            return BroadcastOutcome("refused")
        row = self.tips.broadcast(broadcast_id)
        if row is None:
            return BroadcastOutcome("unknown")
        if self.tips.move_broadcast(broadcast_id, "pending", "cancelled", self.now()):
            return BroadcastOutcome("cancelled")
        return BroadcastOutcome("done_already")

    # -- quizzes -------------------------------------------------------------------------

    def answer_quiz(
        self,
        send_id: int,
        choice: int,
        *,
        user_id: str | None,
        chat_id: str | None,
        chat_type: str,
        reply_token: str | None,
    ) -> str:
        """Count an answer (once per person and quiz, as a per-group count) and post the
        explanation: in a group once, after the first answer; in a 1:1 chat to that person.
        Returns what happened: counted | repeat | closed | invalid."""
        send = self.tips.send(send_id)
        if send is None or not user_id or not chat_id:
            return "invalid"
        in_group = chat_type in ("group", "room")
        expected = chat_id if in_group else DIRECT
        if send["group_id"] != expected:
            return "invalid"
        locale = self.locale_of(chat_id if in_group else None)
        tip = library.load_library(locale).get(send["tip_id"])
        if tip is None or not tip.is_quiz or not 0 <= choice < len(tip.choices):
            return "invalid"
        now = self.now()
        if now - send["sent_at"] > QUIZ_OPEN_SECONDS:
            if not in_group:
                self._reply(
                    reply_token,
                    chat_id,
                    [{"type": "text", "text": library.ui("quiz.closed", locale)}],
                    kind="quiz",
                    priority=PRIORITY_QUIZ,
                )
                self._wake()
            return "closed"
        voter = hashlib.sha256(self.salt + f"quiz:{send_id}:{user_id}".encode()).hexdigest()[:32]
        day = self._dt(now).astimezone(self.tz).strftime("%Y-%m-%d")
        counted = self.tips.record_vote(
            send_id=send_id,
            voter=voter,
            group_id=send["group_id"],
            tip_id=tip.id,
            day=day,
            choice=choice,
            correct=choice == tip.answer,
            now=now,
        )
        if not counted:
            return "repeat"
        if in_group:
            if self.tips.claim_explanation(send_id):
                text = library.quiz_explanation(tip, locale)
                self._reply(
                    reply_token,
                    chat_id,
                    [{"type": "text", "text": text}],
                    kind="quiz",
                    priority=PRIORITY_QUIZ,
                )
        else:
            text = library.quiz_explanation(tip, locale, chosen=choice)
            self._reply(
                reply_token,
                chat_id,
                [{"type": "text", "text": text}],
                kind="quiz",
                priority=PRIORITY_QUIZ,
            )
        self._wake()
        return "counted"

    # -- weekly report -------------------------------------------------------------------

    async def weekly_report_if_due(self, now: float) -> bool:
        """On Monday from 09:00 local (once a week), push last week's report to the ethics unit."""
        local = self._dt(now).astimezone(self.tz)
        if local.weekday() != 0 or local.hour < 9:
            return False
        week = local.strftime("%G-W%V")
        if self.store.get_setting("tips.weekly_report") == week:
            return False
        users = self.store.ethics_users()
        if not users:
            return False
        self.store.set_setting("tips.weekly_report", week)
        from tips import report as report_mod

        end = datetime.combine(local.date(), datetime.min.time(), tzinfo=self.tz)
        start = end - timedelta(days=7)
        rep = report_mod.build(self.store, _ts(start), _ts(end), self.tz)
        chart_url = None
        if self.config.public_url:
            from tips import chart as chart_mod
            from tips.links import publish_chart

            try:
                png = chart_mod.render(rep, normalise_locale(self.config.default_locale))
                chart_url = publish_chart(self.tips, self.config.public_url, png, now)
            except Exception:  # the figures still go out as text
                log.exception("report chart failed")
        with self.tips.transaction():
            for uid in users:
                loc = self._user_locale(uid)
                msgs: list[dict[str, Any]] = [
                    {"type": "text", "text": report_mod.format_text(rep, loc)[:5000]}
                ]
                if chart_url:
                    msgs.append(
                        {
                            "type": "image",
                            "originalContentUrl": chart_url,
                            "previewImageUrl": chart_url,
                        }
                    )
                self._push(uid, msgs, kind="report", priority=PRIORITY_NOTICE)
        self._wake()
        return True
