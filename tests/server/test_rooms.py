"""Unit tests of the pure room matching, with a fake clock."""

from __future__ import annotations

import pytest

from secket_server.protocol import ErrorCode
from secket_server.rooms import (
    Departure,
    Expiry,
    ExpiryReason,
    Paired,
    Refused,
    Relay,
    Rooms,
    RoomState,
    Waiting,
)

A = "a" * 32
B = "b" * 32


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def rooms(clock: FakeClock) -> Rooms:
    return Rooms(ttl=600, idle_timeout=300, max_rooms=3, clock=clock)


def test_first_peer_waits_second_pairs(rooms: Rooms) -> None:
    assert rooms.join(1, A) == Waiting(1)
    assert rooms.state_of(1) is RoomState.WAITING
    assert rooms.join(2, A) == Paired(first=1, second=2)
    assert rooms.state_of(1) is rooms.state_of(2) is RoomState.PAIRED
    assert len(rooms) == 1


def test_relay_goes_to_the_other_peer_both_ways(rooms: Rooms) -> None:
    rooms.join(1, A)
    rooms.join(2, A)
    assert rooms.relay(1) == Relay(to=2)
    assert rooms.relay(2) == Relay(to=1)


def test_relay_before_join_and_while_alone(rooms: Rooms) -> None:
    assert rooms.relay(1) == Refused(1, ErrorCode.NOT_JOINED)
    rooms.join(1, A)
    assert rooms.relay(1) == Refused(1, ErrorCode.NOT_PAIRED)


def test_third_joiner_is_refused_and_both_peers_are_named(rooms: Rooms) -> None:
    rooms.join(1, A)
    rooms.join(2, A)
    assert rooms.join(3, A) == Refused(3, ErrorCode.ROOM_FULL, intruded=(1, 2))
    assert rooms.state_of(3) is None
    assert rooms.relay(1) == Relay(to=2)


def test_second_join_of_the_same_peer(rooms: Rooms) -> None:
    rooms.join(1, A)
    assert rooms.join(1, B) == Refused(1, ErrorCode.ALREADY_JOINED)


def test_waiting_peer_leaves_and_the_room_is_free_again(rooms: Rooms) -> None:
    rooms.join(1, A)
    assert rooms.leave(1) == Departure(1, remaining=None)
    assert len(rooms) == 0
    assert rooms.join(2, A) == Waiting(2)


def test_a_broken_pairing_spends_the_room(rooms: Rooms, clock: FakeClock) -> None:
    rooms.join(1, A)
    rooms.join(2, A)
    assert rooms.leave(2) == Departure(2, remaining=1)
    assert len(rooms) == 0
    assert rooms.state_of(1) is None
    assert rooms.leave(1) is None
    assert rooms.join(3, A) == Refused(3, ErrorCode.ROOM_FULL)
    clock.advance(599)
    assert rooms.join(3, A) == Refused(3, ErrorCode.ROOM_FULL)
    clock.advance(1)
    assert rooms.join(3, A) == Waiting(3)


def test_leave_of_unknown_peer(rooms: Rooms) -> None:
    assert rooms.leave(42) is None


def test_lifetime_expiry(rooms: Rooms, clock: FakeClock) -> None:
    rooms.join(1, A)
    rooms.join(2, A)
    clock.advance(299)
    rooms.touch(1)
    clock.advance(299)
    rooms.touch(2)
    assert rooms.expire() == []
    clock.advance(2)
    assert rooms.expire() == [Expiry((1, 2), ExpiryReason.LIFETIME)]
    assert len(rooms) == 0
    assert rooms.relay(1) == Refused(1, ErrorCode.NOT_JOINED)
    assert rooms.join(3, A) == Refused(3, ErrorCode.ROOM_EXPIRED)


def test_idle_expiry_and_touch(rooms: Rooms, clock: FakeClock) -> None:
    rooms.join(1, A)
    rooms.join(2, B)
    clock.advance(200)
    rooms.touch(1)
    clock.advance(100)
    assert rooms.expire() == [Expiry((2,), ExpiryReason.IDLE)]
    assert rooms.state_of(1) is RoomState.WAITING


def test_relay_counts_as_activity(rooms: Rooms, clock: FakeClock) -> None:
    rooms.join(1, A)
    rooms.join(2, A)
    clock.advance(250)
    rooms.relay(1)
    clock.advance(250)
    assert rooms.expire() == []


def test_expired_room_is_refused_before_the_sweep(rooms: Rooms, clock: FakeClock) -> None:
    rooms.join(1, A)
    clock.advance(600)
    assert rooms.join(2, A) == Refused(2, ErrorCode.ROOM_EXPIRED)
    assert rooms.state_of(2) is None


def test_spent_ids_are_forgotten_after_ttl(rooms: Rooms, clock: FakeClock) -> None:
    rooms.join(1, A)
    clock.advance(600)
    rooms.expire()
    clock.advance(600)
    rooms.expire()
    assert rooms.join(2, A) == Waiting(2)


def test_server_full(rooms: Rooms) -> None:
    for peer, room in enumerate(("1" * 32, "2" * 32, "3" * 32)):
        assert rooms.join(peer, room) == Waiting(peer)
    assert rooms.join(9, "4" * 32) == Refused(9, ErrorCode.SERVER_FULL)
    # Joining an existing room still works when the server is full.
    assert rooms.join(10, "1" * 32) == Paired(first=0, second=10)


def test_spent_ids_are_bounded(rooms: Rooms) -> None:
    for peer, room in enumerate("123456"):
        rooms.join(2 * peer, room * 32)
        rooms.join(2 * peer + 1, room * 32)
        rooms.leave(2 * peer)
    # Only the three newest spent ids are remembered (max_rooms=3).
    assert rooms.join(100, "1" * 32) == Waiting(100)
    assert rooms.join(101, "6" * 32) == Refused(101, ErrorCode.ROOM_FULL)


def test_count_by_state(rooms: Rooms) -> None:
    rooms.join(1, A)
    rooms.join(2, A)
    rooms.join(3, B)
    assert rooms.count(RoomState.PAIRED) == 1
    assert rooms.count(RoomState.WAITING) == 1


def test_an_opener_never_creates_a_room(rooms: Rooms) -> None:
    # The person who opened a link whose creator is gone is told so at once.
    assert rooms.join(1, A, create=False) == Refused(1, ErrorCode.NO_ROOM)
    assert len(rooms) == 0
    assert rooms.join(2, A) == Waiting(2)
    assert rooms.join(3, A, create=False) == Paired(first=2, second=3)
