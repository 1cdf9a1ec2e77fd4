"""Errors of the Secket protocol core.

``SecketError`` is the root. ``LocalProtocolError`` means this side misused the API (a bug
on our side); ``RemoteProtocolError`` means the peer (or whoever sits between) sent
something the protocol does not allow. Each subclass's docstring is written for the person
who sees it, and ``code`` is the stable machine-readable name used in the UI and in tests.
"""

from __future__ import annotations


class SecketError(Exception):
    """Something went wrong."""

    code = "error"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or (self.__doc__ or self.code).strip())

    @property
    def message(self) -> str:
        return str(self.args[0])


class LocalProtocolError(SecketError):
    """This page tried to do something the protocol does not allow at this point."""

    code = "local-protocol"


class RemoteProtocolError(SecketError):
    """The other side sent something the protocol does not allow."""

    code = "remote-protocol"


class MalformedLinkError(SecketError):
    """This link is not a complete Secket link. Ask for the whole link again."""

    code = "bad-link"


class DecryptError(RemoteProtocolError):
    """A message could not be decrypted: it was altered or not made for this session."""

    code = "decrypt"


class SignalingTamperedError(RemoteProtocolError):
    """The connection set-up was tampered with: a message did not come from the person
    holding the link. Nothing was sent. Start over with a new link."""

    code = "signal-tampered"


class CommitMismatchError(RemoteProtocolError):
    """The other side's key does not match what it committed to. Nothing was sent."""

    code = "commit-mismatch"


class SecretTooLargeError(LocalProtocolError):
    """The secret is too large: at most 64 KiB can be sent."""

    code = "too-large"
