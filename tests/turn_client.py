"""A minimal TURN client (RFC 5766 Allocate over UDP, RFC 5389 long-term credentials), to
ask a real coturn whether it accepts a credential the way a browser would use it."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import socket
import struct

MAGIC = 0x2112A442
ALLOCATE = 0x0003
ALLOCATE_SUCCESS = 0x0103
ALLOCATE_ERROR = 0x0113
REFRESH = 0x0004
USERNAME, MESSAGE_INTEGRITY, ERROR_CODE = 0x0006, 0x0008, 0x0009
REALM, NONCE, LIFETIME, REQUESTED_TRANSPORT = 0x0014, 0x0015, 0x000D, 0x0019
UDP = 17


def _attribute(kind: int, value: bytes) -> bytes:
    return struct.pack("!HH", kind, len(value)) + value + b"\0" * (-len(value) % 4)


def _message(kind: int, transaction: bytes, attributes: bytes) -> bytes:
    return struct.pack("!HHI", kind, len(attributes), MAGIC) + transaction + attributes


def _with_integrity(kind: int, transaction: bytes, attributes: bytes, key: bytes) -> bytes:
    # The HMAC covers the message up to MESSAGE-INTEGRITY, its length field counting it.
    head = _message(kind, transaction, attributes)
    head = head[:2] + struct.pack("!H", len(attributes) + 24) + head[4:]
    mac = hmac.new(key, head, hashlib.sha1).digest()
    return head + _attribute(MESSAGE_INTEGRITY, mac)


def _parse(data: bytes) -> tuple[int, dict[int, bytes]]:
    kind, length = struct.unpack("!HH", data[:4])
    attributes: dict[int, bytes] = {}
    offset = 20
    while offset < 20 + length:
        attribute, size = struct.unpack("!HH", data[offset : offset + 4])
        attributes.setdefault(attribute, data[offset + 4 : offset + 4 + size])
        offset += 4 + size + (-size % 4)
    return kind, attributes


def _error_code(attributes: dict[int, bytes]) -> int:
    value = attributes[ERROR_CODE]
    return value[2] * 100 + value[3]


def _exchange(udp: socket.socket, address: tuple[str, int], message: bytes) -> bytes:
    udp.sendto(message, address)
    return udp.recv(4096)


def allocate(port: int, username: str, password: str, host: str = "127.0.0.1") -> int:
    """Allocate a UDP relay with this credential: 0 when the TURN server grants it, else the
    STUN error code it answers (401 for a credential it refuses). The allocation is freed."""
    address = (host, port)
    transport = _attribute(REQUESTED_TRANSPORT, bytes([UDP, 0, 0, 0]))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.settimeout(3)
        kind, attributes = _parse(
            _exchange(udp, address, _message(ALLOCATE, secrets.token_bytes(12), transport))
        )
        assert kind == ALLOCATE_ERROR, "expected an error response"
        assert _error_code(attributes) == 401, "expected a 401 challenge"
        realm, nonce = attributes[REALM], attributes[NONCE]
        # MD5: the long-term credential key RFC 5389 specifies.
        key = hashlib.md5(username.encode() + b":" + realm + b":" + password.encode()).digest()
        credentials = (
            transport
            + _attribute(USERNAME, username.encode())
            + _attribute(REALM, realm)
            + _attribute(NONCE, nonce)
        )
        request = _with_integrity(ALLOCATE, secrets.token_bytes(12), credentials, key)
        kind, attributes = _parse(_exchange(udp, address, request))
        if kind != ALLOCATE_SUCCESS:
            return _error_code(attributes)
        release = credentials[len(transport) :] + _attribute(LIFETIME, b"\0\0\0\0")
        _exchange(udp, address, _with_integrity(REFRESH, secrets.token_bytes(12), release, key))
        return 0
