"""The websocket at /ws: pairing, relay, leaving, intruders, isolation between rooms."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import WSCloseCode
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
)

ICE = ({"urls": ["stun:stun.example.org:3478"]}, {"urls": "turn:t.example.org", "username": "u"})


async def test_pairing_sends_joined_then_paired_with_ice_servers(
    make_client: ClientFactory,
) -> None:
    client = await make_client(ice_servers=ICE)
    first = await join(client)
    assert await receive(first) == {"type": "joined", "peers": 1}
    second = await join(client)
    assert await receive(second) == {"type": "joined", "peers": 2}
    paired = {"type": "paired", "ice_servers": list(ICE), "ice_transport_policy": "all"}
    assert await receive(first) == paired
    assert await receive(second) == paired


async def test_ice_servers_default_to_empty(client: TestClient[Any, Any]) -> None:
    first = await join(client)
    await receive(first)
    second = await join(client)
    await receive(second)
    assert await receive(second) == {
        "type": "paired",
        "ice_servers": [],
        "ice_transport_policy": "all",
    }


async def test_relay_both_ways_verbatim(client: TestClient[Any, Any]) -> None:
    first, second = await pair(client)
    payloads = ["eyJzZHAiOiJ2PTAifQ", "A" * 8000 + "-_", "YQ=="]
    for payload in payloads:
        await first.send_json({"type": "signal", "payload": payload})
        assert await receive(second) == {"type": "signal", "payload": payload}
        await second.send_json({"type": "signal", "payload": payload[::-1].lstrip("=")})
        assert await receive(first) == {"type": "signal", "payload": payload[::-1].lstrip("=")}


async def test_ping_pong(client: TestClient[Any, Any]) -> None:
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "ping"})
    assert await receive(ws) == {"type": "pong"}
    await ws.send_json({"type": "join", "room": ROOM_A})
    await receive(ws)
    await ws.send_json({"type": "ping"})
    assert await receive(ws) == {"type": "pong"}


async def test_close_tells_the_other_peer_and_closes_it(client: TestClient[Any, Any]) -> None:
    first, second = await pair(client)
    await first.close()
    assert await receive(second) == {"type": "peer-left"}
    assert await expect_close(second) == WSCloseCode.OK


async def test_leave_is_like_closing(client: TestClient[Any, Any]) -> None:
    first, second = await pair(client)
    await second.send_json({"type": "leave"})
    assert await expect_close(second) == WSCloseCode.OK
    assert await receive(first) == {"type": "peer-left"}
    assert await expect_close(first) == WSCloseCode.OK


async def test_a_link_is_single_use_once_paired(client: TestClient[Any, Any]) -> None:
    first, second = await pair(client)
    await first.close()
    assert await receive(second) == {"type": "peer-left"}
    await expect_close(second)
    late = await join(client)
    await expect_error(late, "room-full", WSCloseCode.POLICY_VIOLATION)


async def test_waiting_peer_may_leave_and_come_back(client: TestClient[Any, Any]) -> None:
    first = await join(client)
    await receive(first)
    await first.close()
    again = await join(client)
    assert await receive(again) == {"type": "joined", "peers": 1}


async def test_third_joiner_is_refused_and_both_peers_warned(client: TestClient[Any, Any]) -> None:
    first, second = await pair(client)
    third = await join(client)
    await expect_error(third, "room-full", WSCloseCode.POLICY_VIOLATION)
    assert await receive(first) == {"type": "intruder"}
    assert await receive(second) == {"type": "intruder"}
    # The pairing survives the attempt.
    await first.send_json({"type": "signal", "payload": "c3RpbGwgaGVyZQ"})
    assert await receive(second) == {"type": "signal", "payload": "c3RpbGwgaGVyZQ"}


async def test_rooms_are_isolated(client: TestClient[Any, Any]) -> None:
    a1, a2 = await pair(client, ROOM_A)
    b1, b2 = await pair(client, ROOM_B)
    await a1.send_json({"type": "signal", "payload": "Zm9y-QQ"})
    assert await receive(a2) == {"type": "signal", "payload": "Zm9y-QQ"}
    await a1.send_str("this is not json")
    await expect_error(a1, "bad-message", WSCloseCode.POLICY_VIOLATION)
    assert await receive(a2) == {"type": "peer-left"}
    await a2.receive()  # close
    # Room B never heard of any of it and still relays.
    await b2.send_json({"type": "signal", "payload": "Zm9y-QgE"})
    assert await receive(b1) == {"type": "signal", "payload": "Zm9y-QgE"}
    for ws in (b1, b2):
        assert ws.closed is False
        try:
            extra = await ws.receive(timeout=0.1)
        except TimeoutError:
            continue
        raise AssertionError(f"room B got {extra}")


async def test_many_rooms_at_once(client: TestClient[Any, Any]) -> None:
    rooms = [f"{n:032x}" for n in range(10)]
    pairs = await asyncio.gather(*(pair(client, room) for room in rooms))
    for index, (first, _) in enumerate(pairs):
        await first.send_json({"type": "signal", "payload": f"cm9vbS{index}"})
    for index, (_, second) in enumerate(pairs):
        assert await receive(second) == {"type": "signal", "payload": f"cm9vbS{index}"}
    health = await (await client.get("/healthz")).json()
    assert health == {"status": "ok", "rooms": 10, "sockets": 20, "store": "memory"}


async def test_plain_http_get_on_ws_is_refused(client: TestClient[Any, Any]) -> None:
    response = await client.get("/ws")
    assert response.status == 400


async def test_an_opener_whose_creator_is_gone_gets_no_room(client: TestClient[Any, Any]) -> None:
    opener = await client.ws_connect("/ws")
    await opener.send_json({"type": "join", "room": ROOM_A, "create": False})
    await expect_error(opener, "no-room", WSCloseCode.OK)
    creator = await join(client)
    assert await receive(creator) == {"type": "joined", "peers": 1}
    late = await client.ws_connect("/ws")
    await late.send_json({"type": "join", "room": ROOM_A, "create": False})
    assert await receive(late) == {"type": "joined", "peers": 2}


async def test_create_must_be_a_boolean(client: TestClient[Any, Any]) -> None:
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "join", "room": ROOM_A, "create": "no"})
    await expect_error(ws, "bad-message", WSCloseCode.POLICY_VIOLATION)
