"""What one socket's handler asks of another socket: a notice, and its JSON between processes.

A notice goes to a socket of this process directly (``Hub.deliver``); to a socket of
another process it travels over that process's Redis channel as
``{"conn": <socket id>, "kind": "<kind>", ...}``. The Redis store's relay script writes
``signal`` notices itself, in the same shape. Pure functions only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import orjson

from .protocol import ErrorCode


class NoticeKind(StrEnum):
    #: The room is paired: send ``paired``, with ICE servers made by the socket's process.
    PAIRED = "paired"
    #: A third socket tried to join: send ``intruder``.
    INTRUDER = "intruder"
    #: A signal from the other peer: send it on, verbatim.
    SIGNAL = "signal"
    #: The other peer left: send ``peer-left`` and close.
    PEER_LEFT = "peer-left"
    #: The room ended (expired, the other peer's server went away): send the error and close.
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Notice:
    kind: NoticeKind
    #: The signal's payload (SIGNAL).
    payload: str = ""
    #: The error's code and sentence (ERROR); None is the code's usual sentence.
    code: ErrorCode | None = None
    message: str | None = None


PAIRED = Notice(NoticeKind.PAIRED)
INTRUDER = Notice(NoticeKind.INTRUDER)
PEER_LEFT = Notice(NoticeKind.PEER_LEFT)


def signal(payload: str) -> Notice:
    return Notice(NoticeKind.SIGNAL, payload=payload)


def error(code: ErrorCode, message: str | None = None) -> Notice:
    return Notice(NoticeKind.ERROR, code=code, message=message)


def encode(conn: int, notice: Notice) -> str:
    data: dict[str, object] = {"conn": conn, "kind": notice.kind.value}
    if notice.kind is NoticeKind.SIGNAL:
        data["payload"] = notice.payload
    if notice.code is not None:
        data["code"] = notice.code.value
    if notice.message is not None:
        data["message"] = notice.message
    return orjson.dumps(data).decode()


def decode(text: str) -> tuple[int, Notice]:
    """The socket id and notice of an encoded notice; ValueError if it is not one."""
    data = orjson.loads(text)
    if not isinstance(data, dict):
        raise ValueError("a notice is a JSON object")
    conn, kind = data.get("conn"), NoticeKind(str(data.get("kind")))
    if not isinstance(conn, int) or isinstance(conn, bool):
        raise ValueError("a notice names its socket by number")
    payload, code, message = data.get("payload", ""), data.get("code"), data.get("message")
    if not isinstance(payload, str) or not isinstance(message, str | None):
        raise ValueError("a notice's payload and message are strings")
    if kind is NoticeKind.ERROR and code is None:
        raise ValueError("an error notice has a code")
    return conn, Notice(kind, payload, None if code is None else ErrorCode(code), message)
