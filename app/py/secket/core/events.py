"""What the session tells its caller, as frozen dataclasses named as nouns."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import SecketError
from .sas import Sas


@dataclass(frozen=True)
class SasReady:
    """Both sides can now compute and show the short authentication string."""

    sas: Sas


@dataclass(frozen=True)
class PeerConfirmed:
    """The other person pressed "They match"."""


@dataclass(frozen=True)
class PeerRejected:
    """The other person pressed "They don't match": the session is over."""


@dataclass(frozen=True)
class SecretArrived:
    """R: a sealed secret arrived. It is opened once R has confirmed the SAS."""


@dataclass(frozen=True)
class SecretDelivered:
    """S: R opened the secret and it is on R's screen."""


@dataclass(frozen=True)
class PeerClosed:
    """The other side said goodbye (after Done, or because it is closing its page)."""

    reason: str


@dataclass(frozen=True)
class ProtocolFailed:
    """The peer sent something the protocol does not allow; the session is in ERROR."""

    error: SecketError


Event = (
    SasReady
    | PeerConfirmed
    | PeerRejected
    | SecretArrived
    | SecretDelivered
    | PeerClosed
    | ProtocolFailed
)
