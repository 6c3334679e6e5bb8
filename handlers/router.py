"""A small router in the spirit of aiogram: one `Router` per handler module, one place
(handlers/__init__.py) that includes them, in an order you can read.

    router = Router("unsend")

    @router.on(UnsendEvent)
    async def on_unsend(deps: Deps, event: UnsendEvent) -> None: ...

A handler may be registered with a filter (`when=`); the first matching handler of
the first router that has one wins. Handlers receive (deps, event).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from handlers.deps import Deps

log = logging.getLogger("bot.router")

Handler = Callable[[Deps, Any], Awaitable[None]]
Filter = Callable[[Any], bool]


@dataclass(frozen=True)
class _Route:
    types: tuple[type, ...]
    when: Filter | None
    handler: Handler


class Router:
    def __init__(self, name: str) -> None:
        self.name = name
        self.routes: list[_Route] = []

    def on(self, *types: type, when: Filter | None = None) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            self.routes.append(_Route(types, when, fn))
            return fn

        return register

    def match(self, event: Any) -> Handler | None:
        for r in self.routes:
            if isinstance(event, r.types) and (r.when is None or r.when(event)):
                return r.handler
        return None


class Dispatcher:
    def __init__(self, *routers: Router) -> None:
        self.routers = list(routers)

    def include(self, router: Router) -> None:
        self.routers.append(router)

    async def dispatch(self, deps: Deps, event: Any) -> bool:
        for router in self.routers:
            handler = router.match(event)
            if handler is not None:
                await handler(deps, event)
                return True
        return False


_missing: set[str] = set()


def optional_module(name: str) -> ModuleType | None:
    """Import another area's handler module if it has landed (handlers.media, handlers.tips).

    Only the module itself being absent counts as "not there"; an error inside it is raised.
    """
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        if name not in _missing:
            _missing.add(name)
            log.warning("optional module missing name=%s", name)
        return None
