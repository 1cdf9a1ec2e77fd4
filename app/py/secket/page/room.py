"""One attempt at a hand-over, as the page's state machine keeps it, and what its ending says
about the secret."""

from __future__ import annotations

from ..core.errors import ExtraChannelError, NoPathError, RelayRefusedError
from ..core.link import Link
from ..core.port import CryptoPort
from ..core.roles import Role
from ..core.session import Receiver, Sender, Session
from ..i18n import Msg
from .inputs import SessionStart


class Room:
    """One attempt at a hand-over: from the link (made or opened) to its ending."""

    def __init__(self, link: Link, creator: bool) -> None:
        self.link = link
        self.creator = creator
        #: Create or Join was pressed: the connection is open (or opening).
        self.joined = False
        self.session: Session | None = None
        #: Local ICE candidates gathered: none at all when gathering ends means no path.
        self.candidates = 0
        #: A TURN relay refused this browser: it explains a failure, should one follow.
        self.relay_refused = False

    @property
    def role(self) -> Role:
        return self.link.creator_role if self.creator else self.link.opener_role

    async def start_session(self, port: CryptoPort, negotiation: SessionStart) -> list[bytes]:
        """The data channel opened: the session, bound to the room and to both sides'
        certificates; R speaks first. A second channel is a second session: refused."""
        if self.session is not None:
            raise ExtraChannelError()  # one session per connection: no second code
        binding = negotiation.start_session()
        if self.role is Role.RECEIVER:
            receiver = Receiver(port, binding)
            self.session = receiver
            return [await receiver.start()]
        self.session = Sender(port, binding)
        return []

    def no_path(self) -> NoPathError:
        """Why no connection came about: the relay's refusal explains it, if there was one."""
        return RelayRefusedError() if self.relay_refused else NoPathError()


def mismatch_lead(session: Session) -> Msg:
    """What became of the secret, after a "They don't match" from either person."""
    if session.transferred:
        # S sent it; R has not opened it, or its receipt would have ended this page.
        return Msg("end.mismatch.lead.sent")
    if isinstance(session, Receiver) and session.sealed_unopened:
        return Msg("end.mismatch.lead.unopened")
    return Msg("end.mismatch.lead")
