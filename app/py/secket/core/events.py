"""What the session tells its caller, as frozen records named as nouns."""

from __future__ import annotations

from dataclasses import field

from .errors import SecketError
from .records import Record
from .sas import Sas


class SasReady(Record):
    """Both sides can now compute and show the short authentication string."""

    sas: Sas


class PeerConfirmed(Record):
    """The other person pressed "They match"."""


class PeerRejected(Record):
    """The other person pressed "They don't match": the session is over."""


class SecretArrived(Record):
    """R: a sealed secret arrived before R confirmed; the session opens it once R does."""


class SecretOpened(Record):
    """R: both people confirmed and the secret opened. ``receipt`` is the frame that tells
    S so: send it once the secret is shown (or written out)."""

    text: str = field(repr=False)
    receipt: bytes = field(repr=False)


class SecretDelivered(Record):
    """S: R opened the secret and it is on R's screen."""


class PeerClosed(Record):
    """The other side said goodbye (after Done, or because it is closing its page)."""

    reason: str


class ProtocolFailed(Record):
    """The peer sent something the protocol does not allow; the session is in ERROR."""

    error: SecketError


Event = (
    SasReady
    | PeerConfirmed
    | PeerRejected
    | SecretArrived
    | SecretOpened
    | SecretDelivered
    | PeerClosed
    | ProtocolFailed
)

#: What one input to a session gives: the events it caused and the frames to send.
Step = tuple[list[Event], list[bytes]]
