"""The one thing the protocol reads from SDP: the DTLS certificate fingerprint."""

from __future__ import annotations

import re

from .errors import RemoteProtocolError

_FINGERPRINT = re.compile(r"^a=fingerprint:(\S+)\s+([0-9A-Fa-f:]+)\s*$", re.MULTILINE)


def dtls_fingerprint(sdp: str) -> bytes:
    """The DTLS fingerprint of a session description, normalised as b"sha-256 AB:CD:...".

    A description with none, or with two different ones, is refused: the transcript must
    bind exactly the certificate the DTLS handshake will check.
    """
    found = {(alg.lower(), value.upper()) for alg, value in _FINGERPRINT.findall(sdp)}
    if len(found) != 1:
        raise RemoteProtocolError("The connection offer has no single DTLS fingerprint.")
    alg, value = found.pop()
    return f"{alg} {value}".encode()
