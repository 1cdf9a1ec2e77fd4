"""The terminal peer's state machine, two of them paired in memory.

A small in-memory world stands in for the server (it pairs the joins and relays signals)
and for WebRTC (descriptions carry only a fingerprint; the channel opens once R has the
answer): what the flows decide (what to show, when to confirm, exit codes) is tested here;
tests/e2e/test_terminal.py runs the real command against real pages.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from secket.core import wire
from secket.core.errors import OutputError
from secket.core.roles import Role
from secket.core.sas import Sas
from secket.core.states import State
from secket.cpython import CPythonCrypto
from secket.terminal.decide import Decision
from secket.terminal.errors import Exit
from secket.terminal.events import (
    Action,
    AddCandidate,
    Answer,
    AskMatch,
    ChannelOpen,
    ConnectionLost,
    Deliver,
    Describe,
    Failed,
    Finish,
    Frame,
    Input,
    Interrupted,
    LocalDescription,
    OpenPeer,
    Say,
    ServerClosed,
    ServerMessage,
    ShowCode,
    ShowLink,
    Start,
    ToPeer,
    ToServer,
)
from secket.terminal.flow import Flow, Options

from .test_sdp import SHA256, sdp

ORIGIN = "https://secket.example"
SECRET = "ssh-ed25519 AAAA… 🔑\n" * 3
FP_S = ":".join(["AB"] * 32)


def seeded(seed: str) -> CPythonCrypto:
    """Repeatable randomness: the same seed gives the same link, keys, nonces and code."""
    counter = itertools.count()

    def random_bytes(n: int) -> bytes:
        out = b""
        while len(out) < n:
            out += hashlib.sha256(f"{seed}/{next(counter)}".encode()).digest()
        return out[:n]

    return CPythonCrypto(random_bytes)


@dataclass
class Person:
    flow: Flow
    actions: list[Action] = field(default_factory=list)
    #: What to answer when asked whether the codes match (None: leave the question open).
    answer: Decision | None = Decision.MATCH

    def of(self, kind: type) -> list[object]:
        return [a for a in self.actions if isinstance(a, kind)]

    @property
    def finish(self) -> Finish:
        (finish,) = self.of(Finish)
        assert isinstance(finish, Finish)
        return finish

    @property
    def sas(self) -> Sas:
        (code,) = self.of(ShowCode)
        assert isinstance(code, ShowCode)
        return code.sas


@dataclass
class World:
    """The server and WebRTC between two flows; ``run`` delivers until nothing moves."""

    creator: Person
    opener: Person | None = None
    queue: deque[tuple[Person, Input]] = field(default_factory=deque)
    joined: list[Person] = field(default_factory=list)
    #: Called before each input is delivered; a test may interfere there.
    before: Callable[[Person, Input], None] | None = None
    #: The path WebRTC reports for the data channel ("direct", "relayed", "unknown").
    path: str = "unknown"

    def other(self, person: Person) -> Person:
        assert self.opener is not None
        return self.opener if person is self.creator else self.creator

    async def run(self, limit: int = 200) -> None:
        for _ in range(limit):
            if not self.queue:
                return
            person, event = self.queue.popleft()
            if self.before is not None:
                self.before(person, event)
            actions = await person.flow.handle(event)
            person.actions += actions
            for action in actions:
                self._carry_out(person, action)
        raise AssertionError("the flows never settled")

    def post(self, person: Person, event: Input) -> None:
        self.queue.append((person, event))

    def _carry_out(self, person: Person, action: Action) -> None:
        if isinstance(action, ToServer):
            self._server(person, action.message)
        elif isinstance(action, ToPeer):
            self.post(self.other(person), Frame(action.frame))
        elif isinstance(action, OpenPeer) and action.offer:
            self.post(person, LocalDescription(sdp(f"sha-256 {SHA256}")))
        elif isinstance(action, Describe) and action.description.kind == "offer":
            self.post(person, LocalDescription(sdp(f"sha-256 {FP_S}")))
        elif isinstance(action, Describe):
            # R has the answer: DTLS, SCTP, the channel.
            self.post(person, ChannelOpen(path=self.path))
            self.post(self.other(person), ChannelOpen(path=self.path))
        elif isinstance(action, AskMatch) and person.answer is not None:
            self.post(person, Answer(person.answer))

    def _server(self, person: Person, message: dict[str, object]) -> None:
        if message["type"] == "join":
            self.joined.append(person)
            self.post(person, ServerMessage({"type": "joined", "peers": len(self.joined)}))
            if len(self.joined) == 2:
                for each in self.joined:
                    self.post(each, ServerMessage({"type": "paired", "ice_servers": []}))
        elif message["type"] == "signal":
            self.post(self.other(person), ServerMessage(message))


def creator(role: Role, seed: str = "c", **options: object) -> Person:
    secret = SECRET if role is Role.SENDER else None
    return Person(Flow(seeded(seed), Options(role, None, ORIGIN, secret=secret, **options)))


def opener_of(made: Person, seed: str = "o", **options: object) -> Person:
    link = made.flow.link
    role = link.opener_role
    secret = SECRET if role is Role.SENDER else None
    return Person(Flow(seeded(seed), Options(role, link, ORIGIN, secret=secret, **options)))


async def connect(world: World, opener: Person) -> None:
    world.post(world.creator, Start())
    await world.run()
    world.opener = opener
    world.post(opener, Start())
    await world.run()


@pytest.mark.parametrize("creator_role", [Role.RECEIVER, Role.SENDER])
async def test_the_secret_arrives_exactly_and_both_exit_0(creator_role: Role) -> None:
    world = World(creator(creator_role))
    opener = opener_of(world.creator)
    await connect(world, opener)
    receiver, sender = (
        (world.creator, opener) if creator_role is Role.RECEIVER else (opener, world.creator)
    )
    assert receiver.sas == sender.sas
    assert [a.text for a in receiver.of(Deliver)] == [SECRET]
    assert (receiver.finish.code, sender.finish.code) == (Exit.OK, Exit.OK)
    assert sender.finish.line.startswith("Delivered")
    # Only the creator shows the link, made for the role the opener takes.
    (link,) = world.creator.of(ShowLink)
    assert link == ShowLink(f"{ORIGIN}/{world.creator.flow.link.fragment}", creator_role)
    assert opener.of(ShowLink) == []


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("direct", "Connected directly, encrypted end to end."),
        ("relayed", "Connected through a relay server, encrypted end to end."),
        ("unknown", "Connected."),
    ],
)
async def test_each_side_says_which_way_it_is_connected(path: str, said: str) -> None:
    world = World(creator(Role.RECEIVER), path=path)
    opener = opener_of(world.creator)
    await connect(world, opener)
    for person in (world.creator, opener):
        assert Say(f"{said} Working out the verification code…") in person.actions


async def test_a_secret_that_arrives_before_the_receiver_confirms_waits_for_it() -> None:
    world = World(creator(Role.RECEIVER))
    world.creator.answer = None  # R has not answered yet
    await connect(world, opener_of(world.creator))
    assert Say("The secret has arrived. It opens once you confirm the codes match.") in (
        world.creator.actions
    )
    assert world.creator.of(Deliver) == []
    world.post(world.creator, Answer(Decision.MATCH))
    await world.run()
    assert [a.text for a in world.creator.of(Deliver)] == [SECRET]


async def code_of_a_run(seed_c: str, seed_o: str) -> str:
    world = World(creator(Role.RECEIVER, seed_c))
    await connect(world, opener_of(world.creator, seed_o))
    return world.creator.sas.number


async def test_expect_code_confirms_only_the_exact_number() -> None:
    number = await code_of_a_run("same", "seeds")  # the same seeds give the same code
    world = World(creator(Role.RECEIVER, "same", expected_code=number.replace(" ", "")))
    opener = opener_of(world.creator, "seeds")
    await connect(world, opener)
    assert world.creator.of(AskMatch) == []  # no question asked
    assert world.creator.finish.code is opener.finish.code is Exit.OK


async def test_another_expected_code_rejects_and_both_stop_with_5() -> None:
    number = await code_of_a_run("same", "seeds")
    wrong = f"{(int(number.replace(' ', '')) + 1) % 10**13:013d}"
    world = World(creator(Role.RECEIVER, "same", expected_code=wrong))
    opener = opener_of(world.creator, "seeds")
    await connect(world, opener)
    assert ToPeer(wire.encode(wire.Verdict(False))) in world.creator.actions
    assert world.creator.finish.code is opener.finish.code is Exit.VERIFICATION
    assert "other person says the codes don't match" in opener.finish.line
    assert "Your secret had" not in opener.finish.line  # nothing had been sent
    assert opener.of(Deliver) == world.creator.of(Deliver) == []


async def test_the_sender_typing_n_stops_both_and_nothing_is_sent() -> None:
    world = World(creator(Role.SENDER))
    world.creator.answer = Decision.MISMATCH
    opener = opener_of(world.creator)
    await connect(world, opener)
    assert world.creator.finish.code is opener.finish.code is Exit.VERIFICATION
    assert "Nothing was sent" in world.creator.finish.line
    frames = [wire.decode(a.frame) for a in world.creator.of(ToPeer)]
    assert not any(isinstance(frame, wire.SecretPart) for frame in frames)


async def test_the_receiver_typing_n_drops_a_secret_that_already_came() -> None:
    # S does not wait for R: its secret may be there, sealed, when R says no.
    world = World(creator(Role.SENDER))
    opener = opener_of(world.creator)
    opener.answer = None
    await connect(world, opener)
    assert opener.flow.session is not None
    assert opener.flow.session.state is State.SEALED
    world.post(opener, Answer(Decision.MISMATCH))
    await world.run()
    assert world.creator.finish.code is opener.finish.code is Exit.VERIFICATION
    assert "thrown away unopened" in opener.finish.line
    assert "Your secret had already gone out" in world.creator.finish.line
    assert opener.of(Deliver) == []


@pytest.mark.parametrize(
    ("code", "exit_code"),
    [
        ("room-full", Exit.LINK),
        ("no-room", Exit.LINK),
        ("room-expired", Exit.LINK),
        ("rate-limited", Exit.NETWORK),
        ("server-full", Exit.NETWORK),
    ],
)
async def test_server_refusals_before_the_session(code: str, exit_code: Exit) -> None:
    person = creator(Role.RECEIVER)
    await person.flow.handle(Start())
    error = {"type": "error", "code": code, "message": "No."}
    actions = await person.flow.handle(ServerMessage(error))
    assert actions == [Finish(exit_code, actions[-1].line)]
    assert actions[-1].line.endswith(f"[{code}]")
    assert await person.flow.handle(ServerMessage({"type": "joined", "peers": 1})) == []


async def test_the_server_going_away_matters_only_before_the_session() -> None:
    person = creator(Role.RECEIVER)
    (finish,) = await person.flow.handle(ServerClosed())
    assert isinstance(finish, Finish)
    assert finish.code is Exit.NETWORK

    world = World(creator(Role.RECEIVER))
    world.creator.answer = None
    await connect(world, opener_of(world.creator))
    for event in (ServerClosed(), ServerMessage({"type": "error", "code": "room-expired"})):
        assert await world.creator.flow.handle(event) == []


async def after_the_code(creator_role: Role = Role.RECEIVER) -> tuple[World, Person]:
    """Both see the code; nobody has answered."""
    world = World(creator(creator_role))
    opener = opener_of(world.creator)
    world.creator.answer = opener.answer = None
    await connect(world, opener)
    return world, opener


async def test_signaling_after_the_session_started_is_not_even_opened() -> None:
    world, _ = await after_the_code()
    garbage = ServerMessage({"type": "signal", "payload": "not-a-sealed-payload"})
    assert await world.creator.flow.handle(garbage) == []
    assert world.creator.flow.negotiation.started


async def test_a_tampered_signal_before_the_session_is_a_protocol_error() -> None:
    person = creator(Role.SENDER)
    world = World(person)
    world.post(person, Start())
    await world.run()
    await person.flow.handle(ServerMessage({"type": "paired", "ice_servers": []}))
    (finish,) = await person.flow.handle(ServerMessage({"type": "signal", "payload": "AAAA"}))
    assert finish == Finish(Exit.PROTOCOL, finish.line)
    assert "[signal-tampered]" in finish.line


async def test_a_second_channel_ends_the_session_as_a_protocol_error() -> None:
    _world, opener = await after_the_code()
    actions = await opener.flow.handle(ChannelOpen(extra=True))
    assert actions[0] == ToPeer(wire.encode(wire.Bye("left")))
    assert actions[-1] == Finish(Exit.PROTOCOL, actions[-1].line)
    assert "[extra-channel]" in actions[-1].line


async def test_losing_the_connection_before_and_after_the_session() -> None:
    person = creator(Role.RECEIVER)
    (finish,) = await person.flow.handle(ConnectionLost())
    assert finish == Finish(Exit.NETWORK, finish.line)
    _world, opener = await after_the_code()
    actions = await opener.flow.handle(ConnectionLost())
    assert actions[-1] == Finish(Exit.PEER_LEFT, actions[-1].line)


async def test_the_other_person_leaving_ends_with_7() -> None:
    world, opener = await after_the_code()
    actions = await opener.flow.handle(ServerMessage({"type": "peer-left"}))
    assert actions[-1] == Finish(Exit.PEER_LEFT, actions[-1].line)
    bye = wire.encode(wire.Bye("left"))
    actions = await world.creator.flow.handle(Frame(bye))
    assert actions[-1] == Finish(Exit.PEER_LEFT, actions[-1].line)


async def test_ctrl_c_says_goodbye_and_exits_130() -> None:
    _world, opener = await after_the_code(Role.SENDER)
    actions = await opener.flow.handle(Interrupted())
    assert actions[0] == ToPeer(wire.encode(wire.Bye("left")))
    assert actions[-1] == Finish(
        Exit.INTERRUPTED, "secket: Interrupted. Nothing was kept. [interrupted]"
    )
    assert await opener.flow.handle(Answer(Decision.MATCH)) == []  # nothing after the end


async def test_an_intruder_is_a_warning_only() -> None:
    world, _ = await after_the_code()
    (say,) = await world.creator.flow.handle(ServerMessage({"type": "intruder"}))
    assert isinstance(say, Say)
    assert "someone else just tried to open this link" in say.text
    assert world.creator.of(Finish) == []


async def test_a_secret_that_cannot_be_written_fails_after_the_finish() -> None:
    world = World(creator(Role.RECEIVER))
    await connect(world, opener_of(world.creator))
    assert world.creator.finish.code is Exit.OK
    (finish,) = await world.creator.flow.handle(Failed(OutputError("Disk full.")))
    assert finish == Finish(Exit.FAILED, "secket: Disk full. [output]")


async def test_the_end_of_candidates_follows_each_description() -> None:
    world = World(creator(Role.RECEIVER))
    seen: list[Input] = []
    world.before = lambda person, event: seen.append(event)
    await connect(world, opener_of(world.creator))
    candidates = [
        a for p in (world.creator, world.opener) for a in p.actions if isinstance(a, AddCandidate)
    ]
    assert candidates == [AddCandidate(None), AddCandidate(None)]
