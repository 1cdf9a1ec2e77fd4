"""Stopping background tasks for sure."""

from __future__ import annotations

import asyncio
import logging

from .logs import log_event

logger = logging.getLogger("secket_server")

#: How often a task that swallowed its cancellation is cancelled again.
RETRY_S = 0.1


async def stop_task(task: asyncio.Task[None], name: str, within: float) -> None:
    """Cancel ``task`` until it ends, for at most ``within`` seconds.

    A single cancel is not always enough: redis-py can swallow a cancellation that arrives
    with a socket read, and a loop around the call then goes on. Cancelling again reaches the
    task at its next await. A task still running after ``within`` is logged and left.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not task.done():
        task.cancel()
        await asyncio.wait([task], timeout=min(RETRY_S, max(0.0, deadline - loop.time())))
        if loop.time() >= deadline and not task.done():
            log_event(logger, "task-not-stopped", logging.ERROR, task=name)
            return
    if not task.cancelled() and task.exception() is not None:
        log_event(logger, "task-failed", logging.ERROR, task=name, error=repr(task.exception()))
