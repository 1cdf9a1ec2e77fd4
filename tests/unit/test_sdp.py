"""The DTLS fingerprints the transcript binds, read from the SDP text (core/sdp.py)."""

from __future__ import annotations

import pytest

from secket.core.errors import RemoteProtocolError
from secket.core.sdp import dtls_fingerprint, fingerprints, for_transport

SHA256 = ":".join(["5C"] * 32)
SHA384 = ":".join(["6D"] * 48)
SHA512 = ":".join(["7E"] * 64)


def sdp(*fingerprint_lines: str, sections: int = 2) -> str:
    """A description with the given fingerprint lines repeated in each media section."""
    lines = ["v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0"]
    for mid in range(sections):
        lines += [f"m=application {9 + mid} UDP/DTLS/SCTP webrtc-datachannel", f"a=mid:{mid}"]
        lines += [f"a=fingerprint:{line}" for line in fingerprint_lines]
        lines += ["a=setup:actpass", "a=sctp-port:5000"]
    return "\r\n".join(lines) + "\r\n"


def test_a_browser_description_gives_its_one_sha256_line() -> None:
    # Chromium and Firefox repeat one sha-256 line in every media section.
    assert dtls_fingerprint(sdp(f"sha-256 {SHA256}")) == f"sha-256 {SHA256}".encode()


def test_algorithm_and_hex_are_normalised() -> None:
    text = sdp(f"SHA-256 {SHA256.lower()}")
    assert dtls_fingerprint(text) == f"sha-256 {SHA256}".encode()


def test_aiortc_three_algorithms_count_by_their_sha256() -> None:
    text = sdp(f"sha-256 {SHA256}", f"sha-384 {SHA384}", f"sha-512 {SHA512}")
    assert fingerprints(text) == {"sha-256": SHA256, "sha-384": SHA384, "sha-512": SHA512}
    assert dtls_fingerprint(text) == f"sha-256 {SHA256}".encode()


def test_for_transport_keeps_only_the_bound_algorithm() -> None:
    text = sdp(f"sha-256 {SHA256}", f"sha-384 {SHA384}", f"sha-512 {SHA512}")
    kept = for_transport(text)
    assert "sha-384" not in kept
    assert "sha-512" not in kept
    assert kept.count(f"a=fingerprint:sha-256 {SHA256}\r\n") == 2
    # Everything else is untouched, line endings included.
    assert kept == sdp(f"sha-256 {SHA256}")


@pytest.mark.parametrize(
    ("lines", "says"),
    [
        ((f"sha-256 {SHA256}", f"sha-256 {SHA256.replace('5C', '5D', 1)}"), "two different"),
        ((f"sha-256 {SHA256}", f"sha-512 {SHA512}", f"sha-512 {SHA384}:00"), "two different"),
        ((f"sha-512 {SHA512}",), "no sha-256"),
        ((), "no sha-256"),
        ((f"sha-256 {SHA256[:-3]}",), "malformed"),  # 31 bytes
        (("sha-256 5C:8",), "malformed"),
        (("sha-256",), "malformed"),
        ((f"sha-256  {SHA256}",), "malformed"),
    ],
)
def test_anything_else_is_refused(lines: tuple[str, ...], says: str) -> None:
    with pytest.raises(RemoteProtocolError, match=says):
        dtls_fingerprint(sdp(*lines))
    with pytest.raises(RemoteProtocolError):
        for_transport(sdp(*lines))


def test_two_different_sha256_lines_in_different_sections_are_refused() -> None:
    other = ":".join(["AA"] * 32)
    text = (
        sdp(f"sha-256 {SHA256}")
        + f"m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=fingerprint:sha-256 {other}\r\n"
    )
    with pytest.raises(RemoteProtocolError, match="two different sha-256"):
        dtls_fingerprint(text)
