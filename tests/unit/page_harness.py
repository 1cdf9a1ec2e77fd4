"""Two pages' state machines run against each other in memory, with real sessions and crypto.

What ``browser/`` would carry (the server's pairing, the data channel) is played here: a
``Person`` records every effect its page asks for, and ``flush`` carries data-channel frames
between the two pages until neither has any left to send.
"""

from __future__ import annotations

from typing import TypeVar

from secket.core.negotiation import Negotiation
from secket.core.records import Record
from secket.core.roles import Role
from secket.core.wire import encode_signal
from secket.cpython import CPythonCrypto
from secket.i18n import Msg, render
from secket.i18n.en import MESSAGES
from secket.i18n.languages import LANGUAGES, catalogue
from secket.page import effects as fx
from secket.page import inputs as put
from secket.page.effects import PageState
from secket.page.machine import Page

SDP_R = "v=0\r\na=fingerprint:sha-256 " + ":".join(["AA"] * 32) + "\r\n"
SDP_S = "v=0\r\na=fingerprint:sha-256 " + ":".join(["BB"] * 32) + "\r\n"

E = TypeVar("E", bound=fx.Effect)


def negotiated(person: Person, local_sdp: str, remote_sdp: str) -> Negotiation:
    """What ``browser/connection.py`` keeps for ``person``: its SDP as sealed, the other's as
    opened (R offers, S answers)."""
    opened = person.last(fx.OpenConnection)
    negotiation = Negotiation(opened.role, bytes.fromhex(opened.link.room_id))
    kind = "answer" if opened.role is Role.RECEIVER else "offer"
    if opened.role is Role.RECEIVER:
        negotiation.sealed(local_sdp)
    negotiation.receive(encode_signal(kind, {"sdp": remote_sdp}))
    if opened.role is Role.SENDER:
        negotiation.sealed(local_sdp)
    return negotiation


def shown_text(effect: object) -> list[str]:
    """Every message an effect carries, rendered in English; rendered in every other
    language too, so that a missing key or a template that cannot take the parameters the
    page gives it fails here."""
    if not isinstance(effect, Record):
        return []
    values = [getattr(effect, name) for name in effect.record_fields]
    messages = [value for value in values if isinstance(value, Msg)]
    for language in LANGUAGES:
        for message in messages:
            render(message, catalogue(language.code))
    return [render(message, MESSAGES) for message in messages]


class Person:
    def __init__(self, name: str) -> None:
        self.name = name
        self.page = Page(CPythonCrypto())
        self.effects: list[fx.Effect] = []
        self.outbox: list[bytes] = []

    def __repr__(self) -> str:
        return f"Person({self.name!r}, {self.page.state})"

    async def do(self, *events: put.Input) -> list[fx.Effect]:
        out: list[fx.Effect] = []
        for event in events:
            effects = await self.page.handle(event)
            for effect in effects:
                shown_text(effect)
                if isinstance(effect, fx.SendFrames):
                    self.outbox.extend(effect.frames)
            out += effects
        self.effects += out
        return out

    @property
    def state(self) -> PageState:
        return self.page.state

    def all(self, kind: type[E]) -> list[E]:
        return [e for e in self.effects if isinstance(e, kind)]

    def last(self, kind: type[E]) -> E:
        found = self.all(kind)
        assert found, f"{self.name} never showed a {kind.__name__}"
        return found[-1]

    def ending(self) -> tuple[PageState, str, str]:
        end = self.last(fx.ShowEnding)
        return end.state, end.title.key, end.lead.key

    def error_code(self) -> str:
        code = self.last(fx.ShowEnding).code
        assert code is not None, f"{self.name} ended without an error"
        return code

    def error_text(self) -> Msg:
        """The one sentence of the error ending (shown in the error box, with its code)."""
        ending = self.last(fx.ShowEnding)
        assert ending.code is not None, f"{self.name} ended without an error"
        return ending.lead

    def notes(self) -> list[str]:
        return [e.text.key for e in self.all(fx.ShowNote)]

    def secret_on_screen(self) -> str | None:
        """The secret shown and not wiped since (an ending or a reset wipes it)."""
        text = None
        for effect in self.effects:
            if isinstance(effect, fx.ShowSecret):
                text = effect.rendering.original()
            elif isinstance(effect, fx.ShowEnding | fx.ResetPage):
                text = None
        return text


async def flush(*people: Person) -> None:
    """Carry data-channel frames between two people until neither has any to send."""
    a, b = people
    while a.outbox or b.outbox:
        for sender, receiver in ((a, b), (b, a)):
            frames, sender.outbox = sender.outbox, []
            for frame in frames:
                await receiver.do(put.FrameArrived(frame))


async def linked(creator_role: Role = Role.RECEIVER) -> tuple[Person, Person]:
    """The creator made a link and the opener pressed Join; returns (creator, opener)."""
    creator, opener = Person("creator"), Person("opener")
    await creator.do(put.Loaded(""), put.Create(creator_role))
    link = creator.last(fx.OpenConnection).link
    await opener.do(put.Loaded(link.fragment), put.Join())
    await creator.do(put.Joined(1))
    await opener.do(put.Joined(2))
    return creator, opener


async def verifying(creator_role: Role = Role.RECEIVER) -> tuple[Person, Person]:
    """Both pages show the code; returns (receiver, sender)."""
    creator, opener = await linked(creator_role)
    r, s = (creator, opener) if creator_role is Role.RECEIVER else (opener, creator)
    for person in (r, s):
        await person.do(put.Paired((), False))
    await r.do(put.ChannelOpened(negotiated(r, SDP_R, SDP_S)))
    await s.do(put.ChannelOpened(negotiated(s, SDP_S, SDP_R)))
    await flush(r, s)
    assert r.state is s.state is PageState.VERIFYING
    return r, s


async def confirm(person: Person, other: Person) -> None:
    await person.do(put.Match())
    await flush(person, other)


async def send(s: Person, r: Person, text: str) -> None:
    await s.do(put.Send(text))
    await flush(s, r)
