"""Real ``secket serve --redis`` processes sharing one real redis-server."""

from __future__ import annotations

import asyncio
import json
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import WSCloseCode
from server_helpers import ROOM_A, ROOM_B
from test_cli import start
from tests.daemons import free_port

Process = tuple[asyncio.subprocess.Process, str]


async def stop(process: asyncio.subprocess.Process) -> int:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    return await asyncio.wait_for(process.wait(), 20)


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as client:
        yield client


async def frame(ws: aiohttp.ClientWebSocketResponse) -> dict[str, object]:
    message = await ws.receive(timeout=5)
    assert message.type is aiohttp.WSMsgType.TEXT, message
    data: dict[str, object] = json.loads(message.data)
    return data


async def join(
    session: aiohttp.ClientSession, url: str, room: str = ROOM_A
) -> aiohttp.ClientWebSocketResponse:
    ws = await session.ws_connect(url + "ws")
    await ws.send_json({"type": "join", "room": room})
    return ws


async def test_two_processes_pair_relay_refuse_and_survive_a_restart(
    fake_root: Path, redis_url: str, session: aiohttp.ClientSession
) -> None:
    processes = [await start(fake_root, "--redis", redis_url) for _ in range(2)]
    try:
        (_, one), (two_process, two) = processes
        first = await join(session, one)
        assert await frame(first) == {"type": "joined", "peers": 1}
        second = await join(session, two)
        assert await frame(second) == {"type": "joined", "peers": 2}
        assert (await frame(first))["type"] == "paired"
        assert (await frame(second))["type"] == "paired"
        await first.send_json({"type": "signal", "payload": "b2ZmZXI"})
        assert await frame(second) == {"type": "signal", "payload": "b2ZmZXI"}
        await second.send_json({"type": "signal", "payload": "YW5zd2Vy"})
        assert await frame(first) == {"type": "signal", "payload": "YW5zd2Vy"}
        for url in (one, two):
            third = await join(session, url)
            assert (await frame(third))["code"] == "room-full"
            assert (await third.receive(timeout=5)).type is aiohttp.WSMsgType.CLOSE
            for ws in (first, second):
                assert await frame(ws) == {"type": "intruder"}

        # Process two restarts while a room waits on process one: the room is still there.
        waiting = await join(session, one, ROOM_B)
        assert await frame(waiting) == {"type": "joined", "peers": 1}
        stopping = asyncio.create_task(stop(two_process))
        assert (await frame(second))["code"] == "shutting-down"
        assert (await second.receive(timeout=5)).type is aiohttp.WSMsgType.CLOSE
        assert (await frame(first))["code"] == "shutting-down"
        assert await stopping == 0
        processes[1] = await start(fake_root, "--redis", redis_url)
        late = await join(session, processes[1][1], ROOM_B)
        assert await frame(late) == {"type": "joined", "peers": 2}
        assert (await frame(waiting))["type"] == "paired"
        for ws in (first, waiting, late):
            await ws.close()
    finally:
        for process, _ in processes:
            await stop(process)


async def test_a_process_without_redis_says_so_and_answers_503(
    fake_root: Path, session: aiohttp.ClientSession
) -> None:
    url = f"redis://:hunter2@127.0.0.1:{free_port()}/0"
    process, base = await start(fake_root, SECKET_REDIS_URL=url)
    try:
        health = await session.get(base + "healthz")
        assert health.status == 503
        assert "cannot reach Redis" in (await health.json())["store"]
        ws = await join(session, base)
        assert (await frame(ws))["code"] == "unavailable"
        assert (await ws.receive(timeout=5)).type is aiohttp.WSMsgType.CLOSE
        assert ws.close_code == WSCloseCode.TRY_AGAIN_LATER
        await ws.close()
    finally:
        await stop(process)
    assert process.stderr is not None
    stderr = (await process.stderr.read()).decode()
    lines = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    unreachable = [line for line in lines if line["event"] == "redis-unreachable"]
    assert unreachable
    assert unreachable[0]["level"] == "error"
    assert unreachable[0]["redis"].startswith("redis://127.0.0.1:")
    assert "hunter2" not in stderr
