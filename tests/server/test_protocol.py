"""Unit tests of the wire encoding."""

from __future__ import annotations

import json

import pytest

from secket.core.errors import ServerRefusedError
from secket_server import protocol
from secket_server.protocol import (
    CLOSE_CODES,
    ERROR_MESSAGES,
    ErrorCode,
    Join,
    Leave,
    Ping,
    Signal,
)

ROOM = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (json.dumps({"type": "join", "room": ROOM}), Join(ROOM)),
        (json.dumps({"type": "signal", "payload": "AbC-_9=="}), Signal("AbC-_9==")),
        (json.dumps({"type": "leave"}), Leave()),
        (json.dumps({"type": "ping", "extra": [1]}), Ping()),
    ],
)
def test_parse_valid(text: str, message: protocol.ClientMessage) -> None:
    assert protocol.parse_client_message(text) == message


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("not json", ErrorCode.BAD_MESSAGE),
        ("", ErrorCode.BAD_MESSAGE),
        ("[1, 2]", ErrorCode.BAD_MESSAGE),
        ('"join"', ErrorCode.BAD_MESSAGE),
        ("[" * 100_000 + "]" * 100_000, ErrorCode.BAD_MESSAGE),
        ("{}", ErrorCode.BAD_MESSAGE),
        ('{"type": 1}', ErrorCode.BAD_MESSAGE),
        ('{"type": "join"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "join", "room": 5}', ErrorCode.BAD_MESSAGE),
        ('{"type": "join", "room": "ABCDEF0123456789ABCDEF0123456789"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "join", "room": "abc"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "join", "room": "' + ROOM + '\\n"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "signal"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "signal", "payload": {"sdp": "v=0"}}', ErrorCode.BAD_MESSAGE),
        ('{"type": "signal", "payload": ""}', ErrorCode.BAD_MESSAGE),
        ('{"type": "signal", "payload": "a+b/c"}', ErrorCode.BAD_MESSAGE),
        ('{"type": "hello"}', ErrorCode.UNKNOWN_TYPE),
    ],
)
def test_parse_invalid(text: str, code: ErrorCode) -> None:
    with pytest.raises(ServerRefusedError) as caught:
        protocol.parse_client_message(text)
    assert caught.value.code is code


def test_encoders() -> None:
    assert json.loads(protocol.joined(2)) == {"type": "joined", "peers": 2}
    assert json.loads(protocol.paired([{"urls": "stun:x"}])) == {
        "type": "paired",
        "ice_servers": [{"urls": "stun:x"}],
        "ice_transport_policy": "all",
    }
    assert json.loads(protocol.paired([], "relay"))["ice_transport_policy"] == "relay"
    assert json.loads(protocol.signal("abc")) == {"type": "signal", "payload": "abc"}
    assert json.loads(protocol.peer_left()) == {"type": "peer-left"}
    assert json.loads(protocol.intruder()) == {"type": "intruder"}
    assert json.loads(protocol.pong()) == {"type": "pong"}
    assert json.loads(protocol.error(ErrorCode.ROOM_FULL)) == {
        "type": "error",
        "code": "room-full",
        "message": ERROR_MESSAGES[ErrorCode.ROOM_FULL],
    }


def test_every_code_has_a_message_and_a_close_decision() -> None:
    assert set(ERROR_MESSAGES) == set(ErrorCode) == set(CLOSE_CODES)
