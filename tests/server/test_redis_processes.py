"""Real ``secket serve --redis`` processes sharing one real redis-server."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import WSCloseCode
from server_helpers import ROOM_A, ROOM_B, Remote, join, pair, receive, serve
from tests.daemons import ServerProcess, free_port


async def stop(server: ServerProcess) -> int | None:
    """SIGTERM, off the event loop; its exit code."""
    return await asyncio.to_thread(server.stop)


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as client:
        yield client


async def frame(ws: aiohttp.ClientWebSocketResponse) -> dict[str, Any]:
    return await receive(ws, wait=5.0)


async def test_two_processes_pair_relay_refuse_and_survive_a_restart(
    fake_root: Path, redis_url: str, session: aiohttp.ClientSession, tmp_path: Path
) -> None:
    logs = [tmp_path / f"serve-{n}.log" for n in range(3)]
    processes = [await serve(log, fake_root, "--redis", redis_url) for log in logs[:2]]
    try:
        one, two = (Remote(session, process.url) for process in processes)
        first, second = await pair(one, ROOM_A, two, wait=5.0)
        await first.send_json({"type": "signal", "payload": "b2ZmZXI"})
        assert await frame(second) == {"type": "signal", "payload": "b2ZmZXI"}
        await second.send_json({"type": "signal", "payload": "YW5zd2Vy"})
        assert await frame(first) == {"type": "signal", "payload": "YW5zd2Vy"}
        for url in (one, two):
            third = await join(url)
            assert (await frame(third))["code"] == "room-full"
            assert (await third.receive(timeout=5)).type is aiohttp.WSMsgType.CLOSE
            for ws in (first, second):
                assert await frame(ws) == {"type": "intruder"}

        # Process two restarts while a room waits on process one: the room is still there.
        waiting = await join(one, ROOM_B)
        assert await frame(waiting) == {"type": "joined", "peers": 1}
        stopping = asyncio.create_task(stop(processes[1]))
        assert (await frame(second))["code"] == "shutting-down"
        assert (await second.receive(timeout=5)).type is aiohttp.WSMsgType.CLOSE
        assert (await frame(first))["code"] == "shutting-down"
        assert await stopping == 0
        processes[1] = await serve(logs[2], fake_root, "--redis", redis_url)
        late = await join(Remote(session, processes[1].url), ROOM_B)
        assert await frame(late) == {"type": "joined", "peers": 2}
        assert (await frame(waiting))["type"] == "paired"
        for ws in (first, waiting, late):
            await ws.close()
    finally:
        for process in processes:
            await stop(process)


async def test_a_process_without_redis_says_so_and_answers_503(
    fake_root: Path, session: aiohttp.ClientSession, tmp_path: Path
) -> None:
    url = f"redis://:hunter2@127.0.0.1:{free_port()}/0"
    process = await serve(tmp_path / "serve.log", fake_root, SECKET_REDIS_URL=url)
    base = process.url
    try:
        health = await session.get(base + "healthz")
        assert health.status == 503
        assert "cannot reach Redis" in (await health.json())["store"]
        ws = await join(Remote(session, base))
        assert (await frame(ws))["code"] == "unavailable"
        assert (await ws.receive(timeout=5)).type is aiohttp.WSMsgType.CLOSE
        assert ws.close_code == WSCloseCode.TRY_AGAIN_LATER
        await ws.close()
    finally:
        await stop(process)
    stderr = process.logs()
    lines = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    unreachable = [line for line in lines if line["event"] == "redis-unreachable"]
    assert unreachable
    assert unreachable[0]["level"] == "error"
    assert unreachable[0]["redis"].startswith("redis://127.0.0.1:")
    assert "hunter2" not in stderr
