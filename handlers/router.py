"""A small router in the spirit of aiogram: one `Router` per handler module, one place
(handlers/__init__.py, `build_dispatcher`) that includes them, in an order you can read.

    router = Router("unsend")

    @router.on(UnsendEvent)
    async def on_unsend(deps: Deps, event: UnsendEvent) -> None: ...

A handler may be registered with a filter (`when=`); the first matching handler of
the first router that has one wins. Handlers receive (deps, event).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from linebot.v3.webhooks import Event

from deps import Deps

E = TypeVar("E", bound=Event)
Handler = Callable[[Deps, E], Awaitable[None]]
Filter = Callable[[E], bool]


@dataclass(frozen=True)
class _Route(Generic[E]):
    types: tuple[type[E], ...]
    when: Filter[E] | None
    handler: Handler[E]

    def matches(self, event: Event) -> bool:
        return isinstance(event, self.types) and (self.when is None or self.when(event))


class Router:
    def __init__(self, name: str = "") -> None:
        self.name = name
        self.routes: list[_Route[Event]] = []

    def on(
        self, *types: type[E], when: Filter[E] | None = None
    ) -> Callable[[Handler[E]], Handler[E]]:
        def register(fn: Handler[E]) -> Handler[E]:
            self.routes.append(_Route(types, when, fn))
            return fn

        return register

    def match(self, event: Event) -> Handler[Event] | None:
        for r in self.routes:
            if r.matches(event):
                return r.handler
        return None


class Dispatcher:
    def __init__(self, *routers: Router) -> None:
        self.routers = list(routers)

    async def dispatch(self, deps: Deps, event: Event) -> bool:
        for router in self.routers:
            handler = router.match(event)
            if handler is not None:
                await handler(deps, event)
                return True
        return False
