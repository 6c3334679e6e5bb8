"""`TipsService`: the tips area's one object for the app, the handlers and the CLI.

It builds the shared `TipsContext` and hands each request to the module that does it:

    rotation.py   which tip is next; queueing it (schedule, `/tip`, `tips send`)
    scheduler.py  the schedules and the one-tick function (plus the loop that repeats it)
    quota.py      member counts, the month's quota, what fits
    broadcast.py  ethics-unit reminders: propose, confirm, cancel
    quiz.py       quiz answers and explanations
    report.py     the weekly report and notices to the ethics unit
    messages.py   the LINE messages, from line-bot-sdk models

Everything outgoing is written through the outbox (`Outbox.add_push` / `add_reply`,
inside the area's own SQLite transaction); the outbox worker delivers with retries.
Time comes from the injected clock, so tests drive the scheduler through `tick()`.
"""

from __future__ import annotations

from typing import Any

from linebot.v3.messaging import AsyncMessagingApi

from clock import Clock, SystemClock
from config import Config
from outbox import Outbox
from storage import Store
from storage.tips import TipStore
from tips import broadcast, quiz, rotation, scheduler
from tips.broadcast import BroadcastOutcome, BroadcastProposal
from tips.context import TipsContext, time_zone
from tips.library import Tip
from tips.messages import Message
from tips.quota import Estimate, Estimator, LinePlatform, Platform
from tips.schedule import Schedule
from tips.scheduler import Ticker, TickResult


class TipsService:
    def __init__(
        self,
        store: Store,
        config: Config,
        *,
        platform: Platform | None = None,
        outbox: Outbox | None = None,
        clock: Clock | None = None,
        salt: bytes | None = None,
    ) -> None:
        clock = clock or SystemClock()
        # Without an outbox (a CLI without LINE credentials) messages are only queued:
        # the running service delivers them.
        self.outbox = outbox
        self.ctx = TipsContext(
            store=store,
            config=config,
            outbox=outbox if outbox is not None else Outbox(store, None, clock=clock),
            clock=clock,
            tz=time_zone(config.timezone),
            salt=salt if salt is not None else store.hash_salt(config.hash_salt),
        )
        self.platform = platform
        self.estimator = Estimator(self.ctx, platform)
        self.ticker = Ticker(self.ctx, self.estimator)

    @classmethod
    def from_api(
        cls,
        store: Store,
        config: Config,
        api: AsyncMessagingApi | None,
        *,
        outbox: Outbox | None = None,
        clock: Clock | None = None,
        salt: bytes | None = None,
    ) -> TipsService:
        """The service with LINE as its platform (member counts, the month's quota)."""
        platform = LinePlatform(api) if api is not None else None
        return cls(store, config, platform=platform, outbox=outbox, clock=clock, salt=salt)

    @property
    def store(self) -> Store:
        return self.ctx.store

    @property
    def config(self) -> Config:
        return self.ctx.config

    @property
    def tips(self) -> TipStore:
        return self.ctx.tips

    def now(self) -> float:
        return self.ctx.now()

    # -- schedules and tips --------------------------------------------------------------

    def schedule(self, group_id: str) -> Schedule:
        return scheduler.schedule_of(self.ctx, group_id)

    def set_schedule(self, group_id: str, **options: Any) -> Schedule:
        return scheduler.set_schedule(self.ctx, group_id, **options)

    async def tick(self, *, report: bool = True) -> TickResult:
        """One scheduler pass; `report=False` leaves the weekly report to its own periodic
        task (the job queue, jobs/tasks.py)."""
        return await self.ticker.tick(report=report)

    async def send_now(self, group_id: str) -> tuple[int, Tip]:
        """`tips send --group`: the group's next tip, now (the schedule is unchanged)."""
        cost = await self.estimator.member_count(group_id, self.ctx.chat_type(group_id))
        queued = rotation.queue_tip(self.ctx, group_id, reason="manual", cost=cost)
        assert queued is not None
        return queued

    def request_tip(self, chat_id: str, chat_type: str, reply_token: str | None) -> int | None:
        return rotation.request_tip(self.ctx, chat_id, chat_type, reply_token)

    # -- broadcasts and quizzes ----------------------------------------------------------

    async def propose_broadcast(
        self, user_id: str | None, text: str, *, target: str | None = None
    ) -> BroadcastProposal:
        return await broadcast.propose(self.ctx, self.estimator, user_id, text, target=target)

    def estimate_text(self, est: Estimate, locale: str) -> str:
        return broadcast.estimate_text(est, locale)

    def confirm_messages(
        self, proposal: BroadcastProposal, text: str, locale: str
    ) -> list[Message]:
        return broadcast.confirm_messages(proposal, text, locale)

    async def confirm_broadcast(self, broadcast_id: str, user_id: str | None) -> BroadcastOutcome:
        return await broadcast.confirm(self.ctx, self.estimator, broadcast_id, user_id)

    def cancel_broadcast(self, broadcast_id: str, user_id: str | None) -> BroadcastOutcome:
        return broadcast.cancel(self.ctx, broadcast_id, user_id)

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
        return quiz.answer(
            self.ctx,
            send_id,
            choice,
            user_id=user_id,
            chat_id=chat_id,
            chat_type=chat_type,
            reply_token=reply_token,
        )
