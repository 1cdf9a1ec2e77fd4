"""M4 travels as Secret frames of at most 16 KiB, put back together strictly in order."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from secket.core import events as ev
from secket.core import wire
from secket.core.errors import RemoteProtocolError
from secket.core.secret import MAX_SECRET_BYTES
from secket.core.session import SECRET_LENGTHS, Receiver, Sender
from secket.core.states import State

from .test_session import deliver, handshake, pair


async def confirmed_pair() -> tuple[Receiver, Sender]:
    r, s = pair()
    await handshake(r, s)
    await r.confirm()
    await s.confirm()
    return r, s


@pytest.mark.parametrize(
    ("secret_bytes", "frame_sizes"),
    [
        (1, [312]),
        (1023, [1080]),
        (4095, [4152]),
        (16_383, [16_384, 60]),
        (MAX_SECRET_BYTES, [16_384] * 4 + [73]),
    ],
)
async def test_each_bucket_travels_in_frames_of_at_most_16_kib(
    secret_bytes: int, frame_sizes: list[int]
) -> None:
    r, s = await confirmed_pair()
    frames = await s.seal_secret("x" * secret_bytes)
    assert [len(f) for f in frames] == frame_sizes
    parts = [wire.decode(f) for f in frames]
    assert parts == [wire.SecretPart(i, len(frames), _data(f)) for i, f in enumerate(frames)]
    events: list[ev.Event] = []
    for frame in frames:
        assert events == []  # nothing until the last part
        events += (await deliver(r, [frame]))[0]
    # R had confirmed: the last part opens it.
    assert [type(e) for e in events] == [ev.SecretOpened]
    assert isinstance(events[0], ev.SecretOpened)
    assert events[0].text == "x" * secret_bytes


def test_the_parts_split_exactly_one_way() -> None:
    secret = wire.Secret(0, bytes(32), bytes(65_537 + 16))
    frames = wire.encode_secret(secret)
    parts = [wire.decode(f) for f in frames]
    sizes = [16_380] * 4 + [69]
    assert parts == [wire.SecretPart(i, 5, _data(f)) for i, f in enumerate(frames)]
    assert [len(_data(f)) for f in frames] == sizes
    assembler = wire.SecretParts(SECRET_LENGTHS)
    assert [assembler.add(p) for p in parts if isinstance(p, wire.SecretPart)] == [None] * 4 + [
        secret
    ]


def _part(index: int, count: int, data: bytes) -> bytes:
    return wire.encode(wire.SecretPart(index, count, data))


def _data(frame: bytes) -> bytes:
    part = wire.decode(frame)
    assert isinstance(part, wire.SecretPart)
    return part.data


Spoil = Callable[[list[bytes]], list[bytes]]

#: Ways to spoil the five Secret frames of a 64 KiB secret; the receiver refuses each one.
SPOILT: dict[str, Spoil] = {
    "starts-in-the-middle": lambda f: [f[1]],
    "a-part-twice": lambda f: [f[0], f[0]],
    "a-part-skipped": lambda f: [f[0], f[2]],
    "the-count-changes": lambda f: [f[0], _part(1, 4, _data(f[1]))],
    "a-part-not-full": lambda f: [_part(0, 5, _data(f[0])[:-1])],
    "an-empty-last-part": lambda f: [_part(0, 1, b"")],
    "no-parts-at-all": lambda f: [_part(0, 0, _data(f[0]))],
    "more-parts-than-any-secret": lambda f: [_part(i, 6, _data(f[0])) for i in range(6)],
    "a-size-no-bucket-gives": lambda f: [_part(0, 1, bytes(300))],
    "a-verdict-between-parts": lambda f: [f[0], wire.encode(wire.Verdict(True)), f[1]],
    # The layout before parts: u32(seq) = 0 first, read as part 0 of 0.
    "unsplit-m4": lambda f: [b"\x01\x05" + bytes(100)],
    "no-data": lambda f: [b"\x01\x05\x00\x01"],
    "a-frame-over-16-kib": lambda f: [_part(0, 1, bytes(16_381))],
}


@pytest.mark.parametrize("spoil", SPOILT.values(), ids=SPOILT.keys())
async def test_broken_parts_are_a_protocol_error(spoil: Spoil) -> None:
    r, s = await confirmed_pair()
    frames = await s.seal_secret("y" * MAX_SECRET_BYTES)
    events, replies = await deliver(r, spoil(frames))
    assert [type(e) for e in events] == [ev.ProtocolFailed]
    assert isinstance(events[0], ev.ProtocolFailed)
    assert isinstance(events[0].error, RemoteProtocolError)
    assert r.state is State.ERROR
    assert replies == [wire.encode(wire.Bye("remote-protocol"))]
    assert not r.sealed_unopened


async def test_a_goodbye_between_the_parts_ends_the_session_quietly() -> None:
    r, s = await confirmed_pair()
    frames = await s.seal_secret("z" * 20_000)
    events, _ = await deliver(r, [frames[0], s.close("left")])
    assert events == [ev.PeerClosed("left")]
    assert r.state is State.CLOSED
    assert not r.sealed_unopened
