"""TURN credentials: the TURN REST formula, one credential per join, and a real coturn
(``use-auth-secret``) that grants them and refuses wrong and expired ones."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from typing import Any

import pytest
from server_helpers import ClientFactory, join, receive
from tests.daemons import TurnServer
from tests.turn_client import allocate

from secket_server.config import Config
from secket_server.turn import ice_servers, make_credential, turn_password

TURN = ("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349")


def test_password_matches_an_independent_computation() -> None:
    # echo -n "1700000000:abc" | openssl dgst -sha1 -hmac "s3cret" -binary | base64
    assert turn_password("s3cret", "1700000000:abc") == "7fjbb9kXxh7Rto8MZNnWJnSP8uE="


def test_credential_is_expiry_colon_id_with_the_hmac_of_it() -> None:
    credential = make_credential("s3cret", ttl=300, now=1_700_000_000.7, user_id="abc")
    assert credential.username == "1700000300:abc"
    assert credential.expires == 1_700_000_300
    digest = hmac.new(b"s3cret", b"1700000300:abc", hashlib.sha1).digest()
    assert credential.credential == base64.b64encode(digest).decode()


def test_ice_servers_stun_then_turn_then_static() -> None:
    config = Config(
        stun_urls=("stun:stun.example.org:3478",),
        turn_urls=TURN,
        turn_secret="s3cret",
        turn_ttl=60,
        ice_servers=({"urls": "stun:other.example.org"},),
    )
    servers = ice_servers(config, now=1000.0, user_id="xyz")
    assert servers == [
        {"urls": ["stun:stun.example.org:3478"]},
        {
            "urls": list(TURN),
            "username": "1060:xyz",
            "credential": turn_password("s3cret", "1060:xyz"),
        },
        {"urls": "stun:other.example.org"},
    ]
    assert ice_servers(Config(), now=1000.0, user_id="xyz") == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"turn_urls": TURN}, "secret"),
        ({"turn_urls": ("stun:x",), "turn_secret": "s"}, "turn:"),
        ({"stun_urls": ("turn:x",)}, "stun:"),
        ({"ice_transport_policy": "relay"}, "needs a TURN server"),
        ({"ice_transport_policy": "sometimes"}, "'all' or 'relay'"),
        ({"turn_urls": TURN, "turn_secret": "s", "turn_ttl": 0}, "turn_ttl"),
    ],
)
def test_config_refuses_unusable_nat_settings(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Config(**fields)


def test_relay_policy_accepts_a_static_turn_server() -> None:
    static = ({"urls": ["turn:t.example.org"], "username": "u", "credential": "p"},)
    assert Config(ice_servers=static, ice_transport_policy="relay").has_turn


def test_the_secret_is_not_in_the_config_repr() -> None:
    config = Config(turn_urls=TURN, turn_secret="do-not-print-me", redis_url="redis://:pw@h/0")
    assert "do-not-print-me" not in repr(config)
    assert "pw" not in repr(config)


async def test_each_peer_gets_its_own_fresh_credential(make_client: ClientFactory) -> None:
    client = await make_client(turn_urls=TURN, turn_secret="s3cret", turn_ttl=120)
    before = int(time.time())
    first = await join(client)
    await receive(first)
    second = await join(client)
    await receive(second)
    frames = [await receive(first), await receive(second)]
    after = int(time.time())
    turns = [frame["ice_servers"][0] for frame in frames]
    assert all(frame["ice_transport_policy"] == "all" for frame in frames)
    assert turns[0]["username"] != turns[1]["username"]
    for server in turns:
        assert server["urls"] == list(TURN)
        expiry, user_id = server["username"].split(":")
        assert before + 120 <= int(expiry) <= after + 120
        assert len(user_id) >= 16
        assert server["credential"] == turn_password("s3cret", server["username"])
    metrics = await (await client.get("/metrics")).text()
    assert "secket_turn_credentials_total 2" in metrics


async def test_relay_policy_is_handed_to_both_peers(make_client: ClientFactory) -> None:
    client = await make_client(turn_urls=TURN, turn_secret="s", ice_transport_policy="relay")
    first = await join(client)
    await receive(first)
    second = await join(client)
    await receive(second)
    for ws in (first, second):
        assert (await receive(ws))["ice_transport_policy"] == "relay"


async def test_no_ice_server_reaches_the_page_config(make_client: ClientFactory) -> None:
    client = await make_client(turn_urls=TURN, turn_secret="s3cret", stun_urls=("stun:s",))
    assert await (await client.get("/config.json")).json() == {"signal_url": None}


# --- a real coturn ------------------------------------------------------------------------


def test_coturn_grants_a_fresh_credential(turn_server: TurnServer) -> None:
    credential = make_credential(turn_server.secret, ttl=300, now=time.time(), user_id="ok")
    assert allocate(turn_server.port, credential.username, credential.credential) == 0


def test_coturn_refuses_a_credential_made_with_another_secret(turn_server: TurnServer) -> None:
    credential = make_credential("not-the-secret", ttl=300, now=time.time(), user_id="bad")
    assert allocate(turn_server.port, credential.username, credential.credential) == 401


def test_coturn_refuses_an_expired_credential(turn_server: TurnServer) -> None:
    credential = make_credential(turn_server.secret, ttl=300, now=time.time() - 301, user_id="old")
    assert allocate(turn_server.port, credential.username, credential.credential) == 401
