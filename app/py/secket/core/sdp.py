"""What the protocol reads from SDP: the DTLS certificate fingerprints.

The transcript binds one fingerprint per side, of one algorithm, :data:`ALGORITHM`, read
from the SDP *text* as this side sealed it or opened it, never from a description the
browser rewrote (Chromium keeps only the last ``a=fingerprint`` line of a remote
description). A description may carry fingerprints of several algorithms (aiortc sends
sha-256, sha-384 and sha-512), but exactly one value per algorithm, and one of them must be
:data:`ALGORITHM`. Before such a description goes to the WebRTC stack, :func:`for_transport`
keeps only the :data:`ALGORITHM` lines, so that DTLS checks exactly the certificate the
transcript binds: otherwise a peer in the middle could pair a genuine sha-256 line (bound,
not checked) with its own sha-512 line (checked, not bound).
"""

from __future__ import annotations

import re

from .errors import RemoteProtocolError

#: The fingerprint algorithm that counts: every browser offers it, and it is RFC 8122's
#: mandatory one.
ALGORITHM = "sha-256"
#: Bytes of a sha-256 digest, written as 32 colon-separated pairs of hex digits.
DIGEST_LEN = 32

_LINE = re.compile(r"^a=fingerprint:.*$", re.MULTILINE)
_FINGERPRINT = re.compile(r"a=fingerprint:(\S+) ([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2})*)\s*")
_SHAPE = "The connection offer has a malformed DTLS fingerprint."


def fingerprints(sdp: str) -> dict[str, str]:
    """Every fingerprint of a description: ``{algorithm (lower case): HEX:WITH:COLONS}``.

    Repeated identical lines (one per media section) count once; two different values of
    one algorithm, or a line that is not ``a=fingerprint:<algorithm> <hex pairs>``, are a
    ``RemoteProtocolError``.
    """
    found: dict[str, str] = {}
    for line in _LINE.findall(sdp):
        match = _FINGERPRINT.fullmatch(line)
        if match is None:
            raise RemoteProtocolError(_SHAPE)
        algorithm, value = match.group(1).lower(), match.group(2).upper()
        if found.setdefault(algorithm, value) != value:
            raise RemoteProtocolError(
                f"The connection offer has two different {algorithm} DTLS fingerprints."
            )
    return found


def dtls_fingerprint(sdp: str) -> bytes:
    """The fingerprint the transcript binds, normalised as ``b"sha-256 AB:CD:..."``."""
    value = fingerprints(sdp).get(ALGORITHM)
    if value is None:
        raise RemoteProtocolError(f"The connection offer has no {ALGORITHM} DTLS fingerprint.")
    if len(value) != 3 * DIGEST_LEN - 1:
        raise RemoteProtocolError(_SHAPE)
    return f"{ALGORITHM} {value}".encode()


def for_transport(sdp: str) -> str:
    """The description to hand to the WebRTC stack: checked, and with only the
    :data:`ALGORITHM` fingerprint lines, so DTLS checks what the transcript binds."""
    dtls_fingerprint(sdp)
    kept = [
        line
        for line in sdp.splitlines(keepends=True)
        if not _LINE.fullmatch(line.rstrip("\r\n"))
        or line.lower().startswith(f"a=fingerprint:{ALGORITHM} ")
    ]
    return "".join(kept)
