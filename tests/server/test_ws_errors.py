"""Every error code of the websocket, each provoked by a real bad frame or situation."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import aiohttp
import pytest
from aiohttp import WSCloseCode, web
from aiohttp.client_exceptions import ClientConnectionResetError
from aiohttp.test_utils import TestClient
from server_helpers import (
    ROOM_A,
    ROOM_B,
    ClientFactory,
    expect_close,
    expect_error,
    join,
    pair,
    receive,
    wait_for_sockets,
)


async def refusals(client: TestClient[Any, Any]) -> dict[str, int]:
    text = await (await client.get("/metrics")).text()
    counts = {}
    for line in text.splitlines():
        if line.startswith("secket_refusals_total{"):
            labels, value = line.rsplit(" ", 1)
            counts[labels.split('"')[1]] = int(float(value))
    return counts


@pytest.mark.parametrize(
    "frame",
    [
        "not json",
        "[1, 2, 3]",
        "null",
        '{"type": 7}',
        '{"room": "' + ROOM_A + '"}',
        '{"type": "join"}',
        '{"type": "join", "room": 12}',
        '{"type": "join", "room": "ROOM"}',
        '{"type": "join", "room": "' + ROOM_A.upper() + '"}',
        "[" * 5000 + "]" * 5000,
    ],
)
async def test_bad_message(client: TestClient[Any, Any], frame: str) -> None:
    ws = await client.ws_connect("/ws")
    await ws.send_str(frame)
    await expect_error(ws, "bad-message", WSCloseCode.POLICY_VIOLATION)
    assert (await refusals(client))["bad-message"] == 1


@pytest.mark.parametrize("payload", [None, 5, {"sdp": "v=0"}, "", "not base64!", "a/b+c"])
async def test_bad_signal_payload(client: TestClient[Any, Any], payload: object) -> None:
    first, second = await pair(client)
    await first.send_json({"type": "signal", "payload": payload})
    await expect_error(first, "bad-message", WSCloseCode.POLICY_VIOLATION)
    assert await receive(second) == {"type": "peer-left"}


async def test_binary_frame(client: TestClient[Any, Any]) -> None:
    ws = await join(client)
    await receive(ws)
    await ws.send_bytes(json.dumps({"type": "ping"}).encode())
    await expect_error(ws, "bad-message", WSCloseCode.UNSUPPORTED_DATA)


async def test_unknown_type_keeps_the_socket(client: TestClient[Any, Any]) -> None:
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "hello"})
    await expect_error(ws, "unknown-type", None)
    await ws.send_json({"type": "ping"})
    assert await receive(ws) == {"type": "pong"}


async def test_too_large_frame_gets_an_error_and_1009(client: TestClient[Any, Any]) -> None:
    first, second = await pair(client)
    await first.send_json({"type": "signal", "payload": "A" * (17 * 1024)})
    await expect_error(first, "too-large", WSCloseCode.MESSAGE_TOO_BIG)
    assert await receive(second) == {"type": "peer-left"}
    assert (await refusals(client))["too-large"] == 1


async def test_huge_frame_is_refused_by_aiohttp_with_1009(client: TestClient[Any, Any]) -> None:
    # Over twice the limit aiohttp stops at the frame header: no error frame, close 1009.
    ws = await join(client)
    await receive(ws)
    await ws.send_str("A" * (1024 * 1024))
    assert await expect_close(ws) == WSCloseCode.MESSAGE_TOO_BIG
    await asyncio.sleep(0.05)
    assert (await refusals(client))["too-large"] == 1


async def test_limit_is_configurable(make_client: ClientFactory) -> None:
    client = await make_client(max_message_bytes=1024)
    first, second = await pair(client)
    frame = json.dumps({"type": "signal", "payload": "A" * 900})
    assert len(frame) <= 1024
    await first.send_str(frame)
    assert await receive(second) == {"type": "signal", "payload": "A" * 900}
    await first.send_json({"type": "signal", "payload": "A" * 1100})
    await expect_error(first, "too-large", WSCloseCode.MESSAGE_TOO_BIG)


async def test_signal_before_join(client: TestClient[Any, Any]) -> None:
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "signal", "payload": "YWJj"})
    await expect_error(ws, "not-joined", WSCloseCode.POLICY_VIOLATION)


async def test_signal_while_alone_keeps_the_socket(client: TestClient[Any, Any]) -> None:
    ws = await join(client)
    await receive(ws)
    await ws.send_json({"type": "signal", "payload": "YWJj"})
    await expect_error(ws, "not-paired", None)
    second = await join(client)
    await receive(second)
    assert (await receive(ws))["type"] == "paired"


async def test_second_join(client: TestClient[Any, Any]) -> None:
    ws = await join(client)
    await receive(ws)
    await ws.send_json({"type": "join", "room": ROOM_B})
    await expect_error(ws, "already-joined", WSCloseCode.POLICY_VIOLATION)


async def test_room_expires_after_its_lifetime(make_client: ClientFactory) -> None:
    client = await make_client(room_ttl=0.3, sweep_interval=0.05)
    first, second = await pair(client)
    error = await expect_error(first, "room-expired", WSCloseCode.OK)
    assert error["message"]
    await expect_error(second, "room-expired", WSCloseCode.OK)
    # The expired link does not open a fresh room.
    late = await join(client)
    await expect_error(late, "room-expired", WSCloseCode.OK)


async def test_idle_room_expires_but_pings_keep_it(make_client: ClientFactory) -> None:
    client = await make_client(idle_timeout=0.4, sweep_interval=0.05)
    busy = await join(client, ROOM_A)
    idle = await join(client, ROOM_B)
    await receive(busy)
    await receive(idle)
    for _ in range(8):
        await asyncio.sleep(0.1)
        await busy.send_json({"type": "ping"})
        assert await receive(busy) == {"type": "pong"}
    await expect_error(idle, "room-expired", WSCloseCode.OK)
    assert not busy.closed


async def test_socket_that_never_joins_is_closed(make_client: ClientFactory) -> None:
    client = await make_client(idle_timeout=0.2)
    ws = await client.ws_connect("/ws")
    await expect_error(ws, "room-expired", WSCloseCode.OK)


async def test_pings_do_not_postpone_the_join_deadline(make_client: ClientFactory) -> None:
    client = await make_client(idle_timeout=0.3)
    ws = await client.ws_connect("/ws")
    replies = []
    for _ in range(10):
        await ws.send_json({"type": "ping"})
        replies.append(await receive(ws))
        if replies[-1]["type"] == "error":
            break
        await asyncio.sleep(0.05)
    assert replies[-1]["code"] == "room-expired"
    assert await expect_close(ws) == WSCloseCode.OK


async def test_message_rate_limit(make_client: ClientFactory) -> None:
    client = await make_client(message_rate=1, message_burst=5)
    ws = await client.ws_connect("/ws")
    for _ in range(5):
        await ws.send_json({"type": "ping"})
    for _ in range(5):
        assert await receive(ws) == {"type": "pong"}
    await ws.send_json({"type": "ping"})
    await expect_error(ws, "rate-limited", WSCloseCode.POLICY_VIOLATION)


async def test_message_rate_refills(make_client: ClientFactory) -> None:
    client = await make_client(message_rate=50, message_burst=2)
    ws = await client.ws_connect("/ws")
    for _ in range(6):
        await ws.send_json({"type": "ping"})
        assert await receive(ws) == {"type": "pong"}
        await asyncio.sleep(0.05)


async def test_join_rate_limit_per_address(make_client: ClientFactory) -> None:
    client = await make_client(joins_per_minute=3)
    for n in range(3):
        ws = await join(client, f"{n:032x}")
        assert await receive(ws) == {"type": "joined", "peers": 1}
    ws = await join(client, f"{9:032x}")
    await expect_error(ws, "rate-limited", WSCloseCode.POLICY_VIOLATION)


async def test_join_rate_limit_trusts_forwarded_only_when_told(
    make_client: ClientFactory,
) -> None:
    for trusted in (False, True):
        client = await make_client(joins_per_minute=1, trust_forwarded=trusted)
        first = await join(client, ROOM_A, headers={"X-Forwarded-For": "198.51.100.1"})
        assert (await receive(first))["type"] == "joined"
        other = await join(client, ROOM_B, headers={"X-Forwarded-For": "198.51.100.2"})
        reply = await receive(other)
        assert reply["type"] == ("joined" if trusted else "error")


async def test_server_full(make_client: ClientFactory) -> None:
    client = await make_client(max_rooms=1)
    first = await join(client, ROOM_A)
    await receive(first)
    other = await join(client, ROOM_B)
    await expect_error(other, "server-full", WSCloseCode.TRY_AGAIN_LATER)
    second = await join(client, ROOM_A)
    assert await receive(second) == {"type": "joined", "peers": 2}


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        (None, True),
        ("same", True),
        ("https://app.example.com", True),
        ("https://APP.example.com/", True),
        ("https://evil.example.com", False),
        ("null", False),
        ("http://127.0.0.1", False),
    ],
)
async def test_origin_check(make_client: ClientFactory, origin: str | None, allowed: bool) -> None:
    client = await make_client(allowed_origins=("https://app.example.com",))
    headers = {}
    if origin == "same":
        headers["Origin"] = f"http://{client.host}:{client.port}"
    elif origin is not None:
        headers["Origin"] = origin
    ws = await join(client, headers=headers)
    if allowed:
        assert await receive(ws) == {"type": "joined", "peers": 1}
    else:
        await expect_error(ws, "bad-origin", WSCloseCode.POLICY_VIOLATION)


async def test_shutdown_closes_sockets_with_going_away(client: TestClient[Any, Any]) -> None:
    first, second = await pair(client)
    lonely = await join(client, ROOM_B)
    await receive(lonely)
    shutdown = asyncio.create_task(client.app.shutdown())
    for ws in (first, second, lonely):
        await expect_error(ws, "shutting-down", WSCloseCode.GOING_AWAY)
    await asyncio.wait_for(shutdown, 2)


async def test_new_socket_while_shutting_down(client: TestClient[Any, Any]) -> None:
    await client.app.shutdown()
    ws = await client.ws_connect("/ws")
    await expect_error(ws, "shutting-down", WSCloseCode.GOING_AWAY)


async def test_garbage_never_crashes_the_server(client: TestClient[Any, Any]) -> None:
    frames: list[str | bytes] = [
        "\x00",
        "{",
        '{"type": "signal"}',
        b"\xff\xfe",
        '{"type": ["join"]}',
        '{"type": "leave"}',
        "9" * 10000,
    ]
    for frame in frames:
        ws = await client.ws_connect("/ws")
        if isinstance(frame, bytes):
            await ws.send_bytes(frame)
        else:
            await ws.send_str(frame)
        message = await ws.receive(timeout=3)
        assert message.type in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.CLOSE)
        await ws.close()
    first, second = await pair(client)
    await first.send_json({"type": "signal", "payload": "b2s"})
    assert await receive(second) == {"type": "signal", "payload": "b2s"}


async def test_a_client_gone_before_its_ping_is_answered_is_a_close(
    client: TestClient[Any, Any],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # aiohttp answers a websocket ping inside receive(). When the client has gone by then,
    # writing the pong raises: found by `make fuzz-long` (a ping, then a hang-up).
    async def gone(self: web.WebSocketResponse, message: bytes = b"") -> None:
        raise ClientConnectionResetError("Cannot write to closing transport")

    monkeypatch.setattr(web.WebSocketResponse, "pong", gone)
    caplog.set_level(logging.ERROR)
    first, second = await pair(client)
    await first.ping()
    assert await receive(second) == {"type": "peer-left"}
    assert await expect_close(second) == WSCloseCode.OK
    await wait_for_sockets(client, 0)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    third, fourth = await pair(client, ROOM_B)
    await third.send_json({"type": "signal", "payload": "c3RpbGw"})
    assert await receive(fourth) == {"type": "signal", "payload": "c3RpbGw"}
