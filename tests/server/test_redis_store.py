"""Rooms in a real redis-server, shared by several apps (each one a server process).

The websocket suite's pairing and error tests run here again against the Redis store; the
tests below pair peers held by different apps, and check restarts, dead processes, and
what happens when Redis cannot be reached.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import WSCloseCode
from aiohttp.test_utils import TestClient
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
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

# The same tests as for the in-memory store, run again with the fixtures below.
from test_ws_errors import (  # noqa: F401
    test_idle_room_expires_but_pings_keep_it,
    test_new_socket_while_shutting_down,
    test_room_expires_after_its_lifetime,
    test_second_join,
    test_server_full,
    test_shutdown_closes_sockets_with_going_away,
    test_signal_before_join,
    test_signal_while_alone_keeps_the_socket,
)
from test_ws_pairing import (  # noqa: F401
    test_a_link_is_single_use_once_paired,
    test_an_opener_whose_creator_is_gone_gets_no_room,
    test_close_tells_the_other_peer_and_closes_it,
    test_leave_is_like_closing,
    test_pairing_sends_joined_then_paired_with_ice_servers,
    test_ping_pong,
    test_relay_both_ways_verbatim,
    test_rooms_are_isolated,
    test_third_joiner_is_refused_and_both_peers_warned,
    test_waiting_peer_may_leave_and_come_back,
)
from tests.daemons import RedisServer, free_port

from secket_server.app import create_app
from secket_server.config import Config
from secket_server.hub import HUB_KEY
from secket_server.redis_batch import Batcher
from secket_server.redis_store import PREFIX, REDIS_CONNECTIONS, RedisStore


@pytest.fixture
def make_client(
    aiohttp_client: Callable[..., Awaitable[TestClient[Any, Any]]], fake_root: Path, redis_url: str
) -> ClientFactory:
    """A client of a fresh app whose rooms are in the test's Redis; each app is a process."""

    async def make(**fields: Any) -> TestClient[Any, Any]:
        fields.setdefault("root", fake_root)
        fields.setdefault("redis_url", redis_url)
        fields.setdefault("sweep_interval", 0.05)
        return await aiohttp_client(create_app(Config(**fields)))

    return make


def store_of(client: TestClient[Any, Any]) -> RedisStore:
    store = client.app[HUB_KEY].store
    assert isinstance(store, RedisStore)
    return store


async def two_apps(make_client: ClientFactory, **fields: Any) -> list[TestClient[Any, Any]]:
    return [await make_client(**fields), await make_client(**fields)]


async def test_peers_on_two_processes_pair_and_relay(make_client: ClientFactory) -> None:
    one, two = await two_apps(make_client, turn_urls=("turn:t.example",), turn_secret="s")
    assert store_of(one).node != store_of(two).node
    first = await join(one)
    assert await receive(first) == {"type": "joined", "peers": 1}
    second = await join(two)
    assert await receive(second) == {"type": "joined", "peers": 2}
    # Each process makes the paired frame, and the TURN credential, for its own socket.
    paired = [await receive(first), await receive(second)]
    users = {frame["ice_servers"][0]["username"] for frame in paired}
    assert len(users) == 2
    for n in range(5):
        await first.send_json({"type": "signal", "payload": f"b2ZmZXI{n}"})
        assert await receive(second) == {"type": "signal", "payload": f"b2ZmZXI{n}"}
        await second.send_json({"type": "signal", "payload": f"YW5zd2Vy{n}"})
        assert await receive(first) == {"type": "signal", "payload": f"YW5zd2Vy{n}"}
    for client in (one, two):
        text = await (await client.get("/metrics")).text()
        assert "secket_relayed_messages_total 5" in text
        assert 'secket_rooms{state="paired"} 1' in text
        assert 'secket_store_up{store="redis"} 1' in text
        health = await client.get("/healthz")
        assert health.status == 200
        assert (await health.json())["rooms"] == 1


@pytest.mark.parametrize("intruder_on", [0, 1])
async def test_a_third_joiner_on_either_process_is_refused(
    make_client: ClientFactory, intruder_on: int
) -> None:
    apps = await two_apps(make_client)
    first, second = await pair(apps[0], ROOM_A, apps[1])
    third = await join(apps[intruder_on])
    await expect_error(third, "room-full", WSCloseCode.POLICY_VIOLATION)
    assert await receive(first) == {"type": "intruder"}
    assert await receive(second) == {"type": "intruder"}
    await second.send_json({"type": "signal", "payload": "c3RpbGw"})
    assert await receive(first) == {"type": "signal", "payload": "c3RpbGw"}


async def test_only_two_of_many_simultaneous_joiners_get_in(make_client: ClientFactory) -> None:
    apps = [await make_client() for _ in range(3)]
    sockets = await asyncio.gather(*(join(app) for app in apps for _ in range(2)))
    replies = [await receive(ws) for ws in sockets]
    assert sorted(r.get("peers", 0) for r in replies) == [0, 0, 0, 0, 1, 2]
    assert sum(r.get("code") == "room-full" for r in replies) == 4


async def test_leaving_on_one_process_tells_the_other(make_client: ClientFactory) -> None:
    one, two = await two_apps(make_client)
    first, second = await pair(one, ROOM_A, two)
    await first.close()
    assert await receive(second) == {"type": "peer-left"}
    assert await expect_close(second) == WSCloseCode.OK
    for client in (one, two):
        late = await join(client)
        await expect_error(late, "room-full", WSCloseCode.POLICY_VIOLATION)


async def test_a_room_expires_for_both_processes(make_client: ClientFactory) -> None:
    one, two = await two_apps(make_client, room_ttl=0.6)
    first, second = await pair(one, ROOM_A, two)
    await expect_error(first, "room-expired", WSCloseCode.OK)
    await expect_error(second, "room-expired", WSCloseCode.OK)
    late = await join(
        two,
        ROOM_A,
    )
    await expect_error(late, "room-expired", WSCloseCode.OK)


async def test_idle_expiry_counts_messages_on_both_processes(make_client: ClientFactory) -> None:
    one, two = await two_apps(make_client, idle_timeout=0.5, room_ttl=30)
    first, second = await pair(one, ROOM_A, two)
    for _ in range(8):
        await asyncio.sleep(0.1)
        await second.send_json({"type": "ping"})
        assert await receive(second) == {"type": "pong"}
    await first.send_json({"type": "signal", "payload": "YWxpdmU"})
    assert await receive(second) == {"type": "signal", "payload": "YWxpdmU"}
    error = await expect_error(first, "room-expired", WSCloseCode.OK)
    assert "Nothing was sent" in error["message"]
    await expect_error(second, "room-expired", WSCloseCode.OK)


async def test_max_rooms_counts_every_process(make_client: ClientFactory) -> None:
    one, two = await two_apps(make_client, max_rooms=1)
    first = await join(one, ROOM_A)
    await receive(first)
    other = await join(two, ROOM_B)
    await expect_error(other, "server-full", WSCloseCode.TRY_AGAIN_LATER)


async def test_a_waiting_room_survives_the_restart_of_another_process(
    make_client: ClientFactory,
) -> None:
    one, two = await two_apps(make_client)
    waiting = await join(one)
    assert await receive(waiting) == {"type": "joined", "peers": 1}
    await two.server.close()  # shut down and cleaned up, as on SIGTERM
    again = await make_client()
    second = await join(again)
    assert await receive(second) == {"type": "joined", "peers": 2}
    assert (await receive(waiting))["type"] == "paired"
    await second.send_json({"type": "signal", "payload": "YmFjaw"})
    assert await receive(waiting) == {"type": "signal", "payload": "YmFjaw"}


async def test_a_process_going_away_lets_its_peers_partner_keep_its_session(
    make_client: ClientFactory,
) -> None:
    one, two = await two_apps(make_client)
    first, second = await pair(one, ROOM_A, two)
    shutdown = asyncio.create_task(two.server.close())  # as on SIGTERM
    await expect_error(second, "shutting-down", WSCloseCode.GOING_AWAY)
    # Not "peer-left", which would end a session already running peer to peer.
    error = await expect_error(first, "shutting-down", WSCloseCode.GOING_AWAY)
    assert "other person's server" in error["message"]
    await asyncio.wait_for(shutdown, 5)


async def test_a_dead_process_does_not_hold_rooms(make_client: ClientFactory) -> None:
    one, two = await two_apps(make_client)
    first, _ = await pair(one, ROOM_A, two)
    lonely = await join(two, ROOM_B)
    await receive(lonely)
    # Process two dies without a word: its key lapses and nothing it held answers.
    dead = store_of(two)
    assert dead._listener is not None
    dead._stopping = True
    await asyncio.wait([dead._listener])
    await dead.redis.delete(PREFIX + "node:" + dead.node)
    # A joiner of its waiting room gets a fresh room rather than a dead partner.
    fresh = await join(one, ROOM_B)
    assert await receive(fresh) == {"type": "joined", "peers": 1}
    # A signal to its paired peer ends the room.
    await first.send_json({"type": "signal", "payload": "aGVsbG8"})
    assert await receive(first) == {"type": "peer-left"}
    late = await join(one, ROOM_A)
    await expect_error(late, "room-full", WSCloseCode.POLICY_VIOLATION)


async def test_a_closed_room_leaves_only_its_spent_mark(make_client: ClientFactory) -> None:
    one, two = await two_apps(make_client)
    first, second = await pair(one, ROOM_A, two)
    await first.close()
    assert await receive(second) == {"type": "peer-left"}
    await expect_close(second)
    keys = await store_of(one).redis.keys(PREFIX + "*")
    assert sorted(k.split(":")[1] for k in keys) == ["node", "node", "spent"]


async def test_more_calls_at_once_than_redis_connections_wait_their_turn(
    make_client: ClientFactory,
) -> None:
    # A busy process has more Redis calls in flight than its connection pool holds: they
    # wait for a connection. (redis-py's default pool refused them at once with "Too many
    # connections"; the sockets got ``unavailable`` and the server said Redis was down.)
    one, two = await two_apps(make_client, joins_per_minute=10_000)
    rooms = [f"{n:032x}" for n in range(3 * REDIS_CONNECTIONS)]
    # The test client's own session holds 100 connections at most.
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        firsts = [await session.ws_connect(one.make_url("/ws")) for _ in rooms]
        seconds = [await session.ws_connect(two.make_url("/ws")) for _ in rooms]
        for sockets, peers in ((firsts, 1), (seconds, 2)):
            await asyncio.gather(
                *(
                    ws.send_json({"type": "join", "room": r})
                    for ws, r in zip(sockets, rooms, strict=True)
                )
            )
            for ws in sockets:
                assert await receive(ws) == {"type": "joined", "peers": peers}
        for ws in firsts + seconds:
            assert (await receive(ws))["type"] == "paired"
        await asyncio.gather(*(ws.send_json({"type": "signal", "payload": "aGk"}) for ws in firsts))
        for ws in seconds:
            assert await receive(ws) == {"type": "signal", "payload": "aGk"}
        await asyncio.gather(*(ws.close() for ws in firsts + seconds))
    for client in (one, two):
        assert (await client.get("/healthz")).status == 200
        metrics = await (await client.get("/metrics")).text()
        assert 'secket_refusals_total{reason="unavailable"} 0' in metrics


async def test_signals_sent_at_once_arrive_once_each_and_in_order(
    make_client: ClientFactory,
) -> None:
    # The signals of many sockets go to Redis in one pipeline: every one is delivered,
    # once, to the right peer, and each socket's in the order it sent them.
    one, two = await two_apps(make_client, joins_per_minute=10_000, message_burst=100)
    pairs = [await pair(one, f"{n:032x}", two) for n in range(20)]
    for first, second in pairs:
        for n in range(10):
            await first.send_str(f'{{"type":"signal","payload":"c{n}"}}')
            await second.send_str(f'{{"type":"signal","payload":"d{n}"}}')
    for first, second in pairs:
        assert [(await receive(second))["payload"] for _ in range(10)] == [
            f"c{n}" for n in range(10)
        ]
        assert [(await receive(first))["payload"] for _ in range(10)] == [
            f"d{n}" for n in range(10)
        ]
    for client in (one, two):
        text = await (await client.get("/metrics")).text()
        assert "secket_relayed_messages_total 200" in text


async def test_signals_still_pass_after_redis_lost_its_scripts(
    make_client: ClientFactory,
) -> None:
    # A Redis restarted without its data, or SCRIPT FLUSH, answers NOSCRIPT: the batch
    # loads the script again and sends those calls again.
    one, two = await two_apps(make_client)
    first, second = await pair(one, ROOM_A, two)
    await store_of(one).redis.script_flush()
    await first.send_json({"type": "signal", "payload": "YWdhaW4"})
    assert await receive(second) == {"type": "signal", "payload": "YWdhaW4"}
    await second.send_json({"type": "signal", "payload": "YmFjaw"})
    assert await receive(first) == {"type": "signal", "payload": "YmFjaw"}


ECHO_UNLESS_BAD = """
if ARGV[1] == "bad" then return redis.error_reply("bad argument") end
return ARGV[1]
"""


async def test_a_batch_answers_each_call_on_its_own(redis_url: str) -> None:
    redis = Redis.from_url(redis_url, decode_responses=True)
    try:
        batcher = Batcher(redis, redis.register_script(ECHO_UNLESS_BAD))
        words = [f"w{n}" if n % 7 else "bad" for n in range(50)]
        answers = await asyncio.gather(*(batcher((w,)) for w in words), return_exceptions=True)
        for word, answer in zip(words, answers, strict=True):
            if word == "bad":
                assert isinstance(answer, ResponseError)
                assert "bad argument" in str(answer)
            else:
                assert answer == word
        # Then alone, with nothing else to wait for.
        assert await batcher(("alone",)) == "alone"
    finally:
        await redis.aclose()


async def test_a_batch_to_an_unreachable_redis_fails_every_call() -> None:
    redis = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=1)
    try:
        batcher = Batcher(redis, redis.register_script(ECHO_UNLESS_BAD))
        answers = await asyncio.gather(
            *(batcher((f"w{n}",)) for n in range(5)), return_exceptions=True
        )
        assert all(isinstance(answer, RedisConnectionError) for answer in answers)
    finally:
        await redis.aclose()


# --- Redis unreachable --------------------------------------------------------------------


async def test_unreachable_redis_is_a_clear_error_and_healthz_says_so(
    make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="secket_server.redis")
    url = f"redis://127.0.0.1:{free_port()}/0"
    client = await make_client(redis_url=url)
    health = await client.get("/healthz")
    assert health.status == 503
    body = await health.json()
    assert body["status"] == "unavailable"
    assert body["store"].startswith(f"cannot reach Redis at {url}")
    ws = await join(client)
    error = await expect_error(ws, "unavailable", WSCloseCode.TRY_AGAIN_LATER)
    assert "room store" in error["message"]
    metrics = await (await client.get("/metrics")).text()
    assert 'secket_store_up{store="redis"} 0' in metrics
    assert 'secket_refusals_total{reason="unavailable"} 1' in metrics
    logged = [r for r in caplog.records if r.getMessage() == "redis-unreachable"]
    assert logged
    assert logged[0].fields["redis"] == url  # type: ignore[attr-defined]
    assert "/healthz" in logged[0].fields["hint"]  # type: ignore[attr-defined]


async def test_the_password_of_the_redis_url_is_never_shown(make_client: ClientFactory) -> None:
    client = await make_client(redis_url=f"redis://:hunter2@127.0.0.1:{free_port()}/0")
    body = await (await client.get("/healthz")).json()
    assert "hunter2" not in body["store"]


async def test_servers_recover_when_redis_comes_back(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    redis = RedisServer("redis-server", tmp_path).start()
    try:
        one, two = await two_apps(make_client, redis_url=redis.url)
        redis.stop()
        for client in (one, two):
            assert (await client.get("/healthz")).status == 503
        ws = await join(one)
        await expect_error(ws, "unavailable", WSCloseCode.TRY_AGAIN_LATER)
        redis.start()  # same port, empty
        for client in (one, two):
            for _ in range(100):
                if (await client.get("/healthz")).status == 200:
                    break
                await asyncio.sleep(0.1)
            else:
                raise AssertionError("the server did not reconnect to Redis")
        await pair(one, ROOM_B, two)
    finally:
        redis.stop()
