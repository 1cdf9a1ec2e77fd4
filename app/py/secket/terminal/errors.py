"""What can go wrong in the terminal, as one line for the person and an exit code for scripts.

Each error class's docstring is the sentence the person reads (as in ``core/errors.py``);
:func:`exit_code` puts every error, the core's included, in one class with a distinct exit
code, so a script can tell a bad link from a lost network from codes that did not match.
"""

from __future__ import annotations

from enum import IntEnum

from ..core.errors import (
    LocalProtocolError,
    MalformedLinkError,
    RemoteProtocolError,
    SecketError,
    SecretTooLargeError,
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


class UsageError(SecketError):
    """This command cannot run as given."""

    code = "usage"


class NoServerError(UsageError):
    """No Secket server is set: give --server URL, or set SECKET_SERVER to its address."""

    code = "no-server"


class NoTerminalError(UsageError):
    """There is no terminal to confirm the code on: run this in a terminal, or give
    --expect-code with the number the other person's screen shows."""

    code = "no-terminal"


class LinkUnusableError(SecketError):
    """This link cannot be used any more. Ask for a new link."""

    code = "link"


class UnreachableError(SecketError):
    """Cannot reach the Secket server. Check the address and your connection."""

    code = "unreachable"


class ServerRefusedError(SecketError):
    """The Secket server refused this request."""

    code = "server"


class NoPathError(SecketError):
    """No network path to the other person could be found. A firewall may block direct
    connections; the operator of the Secket server can add a TURN relay."""

    code = "no-path"


class ServerProtocolError(RemoteProtocolError):
    """The Secket server broke the signaling protocol. Nothing was sent. Start over."""

    code = "server-protocol"


class ExtraChannelError(RemoteProtocolError):
    """The other side tried to open a second connection, which Secket never does: someone
    may be in the middle. Start over with a new link."""

    code = "extra-channel"


class MismatchError(SecketError):
    """The codes did not match. Someone may be in the middle of this connection: start over
    with a new link, and if you can, send it over a different channel."""

    code = "mismatch"


class PeerLeftError(SecketError):
    """The other person left before the end. Start over with a new link."""

    code = "peer-left"


class OutputError(SecketError):
    """The secret could not be written out."""

    code = "output"


class StoppedError(SecketError):
    """Interrupted. Nothing was kept."""

    code = "interrupted"


_CLASSES: tuple[tuple[type[SecketError], Exit], ...] = (
    (SecretTooLargeError, Exit.USAGE),
    (UsageError, Exit.USAGE),
    (MalformedLinkError, Exit.LINK),
    (LinkUnusableError, Exit.LINK),
    (UnreachableError, Exit.NETWORK),
    (ServerRefusedError, Exit.NETWORK),
    (NoPathError, Exit.NETWORK),
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
