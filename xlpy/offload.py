"""Scripts and heavy worksheet functions run in a thread pool, so one Opdater never stalls the event loop.

xlwings Server awaits a coroutine function and calls a plain one on the event loop itself;
`offloaded(f)` is an async twin of `f` (same name, signature and xlwings metadata) that runs
`f` in the server's pool (BUDGETBOOK_WORKERS threads).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
_pools: dict[int, ThreadPoolExecutor] = {}


def pool(workers: int) -> ThreadPoolExecutor:
    if workers not in _pools:
        _pools[workers] = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="budgetbook")
    return _pools[workers]


async def off_loop(func: Callable[..., T], *args: object, workers: int = 4) -> T:
    return await asyncio.get_running_loop().run_in_executor(pool(workers), functools.partial(func, *args))


def offloaded(func: Callable[..., T], workers: Callable[[], int] = lambda: 4) -> Callable[..., Awaitable[T]]:
    @functools.wraps(func)
    async def run(*args: object, **kwargs: object) -> T:
        return await off_loop(functools.partial(func, *args, **kwargs), workers=workers())

    return run
