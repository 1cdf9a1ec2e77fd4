"""Calls of one Redis script, sent together: ``Batcher``, which ``redis_store`` relays every
signal through."""

from __future__ import annotations

import asyncio
from typing import Any

from redis.asyncio import Redis
from redis.commands.core import AsyncScript
from redis.exceptions import NoScriptError

#: The most calls sent to Redis in one pipeline.
RELAY_BATCH = 1000


class Batcher:
    """Calls of one script, sent to Redis together: what the handlers ask for while a batch
    is on its way goes in the next one, as one pipeline (one write, one connection, and
    none of redis-py's per-command work). Each call gets its own answer, or its own error;
    the order of the calls is kept. Under load a batch holds many calls; a lone call waits
    for no one. NOSCRIPT (Redis restarted, or its scripts flushed) loads the script and
    sends those calls again.
    """

    def __init__(self, redis: Redis, script: AsyncScript) -> None:
        self.redis = redis
        self.script = script
        self._queue: list[tuple[tuple[str | int, ...], asyncio.Future[Any]]] = []
        self._sender: asyncio.Task[None] | None = None

    async def __call__(self, args: tuple[str | int, ...]) -> Any:
        future = asyncio.get_running_loop().create_future()
        self._queue.append((args, future))
        if self._sender is None:
            self._sender = asyncio.create_task(self._send_all())
        return await future

    async def _send_all(self) -> None:
        batch: list[tuple[tuple[str | int, ...], asyncio.Future[Any]]] = []
        try:
            while self._queue:
                batch = self._queue[:RELAY_BATCH]
                del self._queue[:RELAY_BATCH]
                try:
                    answers = await self._send([args for args, _ in batch])
                except Exception as exc:  # each caller gets it, as from its own call
                    answers = [exc] * len(batch)
                for (_, future), answer in zip(batch, answers, strict=True):
                    if future.done():
                        continue  # its caller was cancelled meanwhile
                    if isinstance(answer, Exception):
                        future.set_exception(answer)
                    else:
                        future.set_result(answer)
                batch = []
        finally:
            self._sender = None
            # Cancelled (the loop is closing): no caller is left waiting for nothing.
            for _, future in batch + self._queue:
                future.cancel()
            self._queue.clear()

    async def _send(self, calls: list[tuple[str | int, ...]]) -> list[Any]:
        answers = await self._pipeline(calls)
        again = [i for i, answer in enumerate(answers) if isinstance(answer, NoScriptError)]
        if again:
            self.script.sha = await self.redis.script_load(self.script.script)
            for i, answer in zip(
                again, await self._pipeline([calls[i] for i in again]), strict=True
            ):
                answers[i] = answer
        return answers

    async def _pipeline(self, calls: list[tuple[str | int, ...]]) -> list[Any]:
        async with self.redis.pipeline(transaction=False) as pipe:
            for args in calls:
                pipe.evalsha(self.script.sha, 0, *args)
            return list(await pipe.execute(raise_on_error=False))
