"""What can go wrong in the terminal, as one line for the person and an exit code for scripts.

The errors are those of ``core/errors.py`` (the terminal's own among them); :func:`exit_code`
puts each in one class with a distinct exit code, so a script can tell a bad link from a
lost network from codes that did not match.
"""

from __future__ import annotations

from enum import IntEnum

from ..core.errors import (
    BlankSecretError,
    BrokenSecretError,
    EmptySecretError,
    LocalProtocolError,
    MalformedLinkError,
    MismatchError,
    NoPathError,
    NoRoomError,
    PeerLeftError,
    RemoteProtocolError,
    RoomExpiredError,
    RoomFullError,
    SecketError,
    SecretTooLargeError,
    ServerRefusedError,
    StoppedError,
    UnreachableError,
    UsageError,
)


class Exit(IntEnum):
    """``secket send`` and ``secket receive`` exit with one of these."""

    #: The secret was delivered (send) or received and written (receive).
    OK = 0
    #: Something unexpected: a bug, or a local failure such as a full disk.
    FAILED = 1
    #: The command line or its input: a missing server, a secret too large, an existing --out.
    USAGE = 2
    #: The link: malformed, expired, or already used by two people.
    LINK = 3
    #: The network: the server cannot be reached or refused, or no path to the other person.
    NETWORK = 4
    #: The codes did not match (either person said so, or --expect-code differed).
    VERIFICATION = 5
    #: The other side or the server broke the protocol (tampered signaling, bad frames).
    PROTOCOL = 6
    #: The other person left, or the connection to them was lost, before the end.
    PEER_LEFT = 7
    #: Ctrl-C (or SIGTERM): everything was closed, nothing was kept.
    INTERRUPTED = 130


_CLASSES: tuple[tuple[type[SecketError] | tuple[type[SecketError], ...], Exit], ...] = (
    ((SecretTooLargeError, EmptySecretError, BlankSecretError, BrokenSecretError), Exit.USAGE),
    (UsageError, Exit.USAGE),
    ((MalformedLinkError, RoomFullError, NoRoomError, RoomExpiredError), Exit.LINK),
    ((UnreachableError, ServerRefusedError, NoPathError), Exit.NETWORK),
    (MismatchError, Exit.VERIFICATION),
    (RemoteProtocolError, Exit.PROTOCOL),
    (PeerLeftError, Exit.PEER_LEFT),
    (StoppedError, Exit.INTERRUPTED),
    (LocalProtocolError, Exit.FAILED),
)


def exit_code(error: SecketError) -> Exit:
    for kind, code in _CLASSES:
        if isinstance(error, kind):
            return code
    return Exit.FAILED


def error_line(error: SecketError) -> str:
    """One line for stderr: the sentence, then the stable code in brackets."""
    return f"secket: {' '.join(error.message.split())} [{error.code}]"
