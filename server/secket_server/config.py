"""Server configuration: one frozen dataclass, built by the CLI or by tests."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from aiohttp import web
from yarl import URL

IceTransportPolicy = Literal["all", "relay"]

#: The repository checkout this package lives in (editable install): app/, node_modules/, ...
DEFAULT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Everything ``create_app`` needs; every field has a safe default."""

    #: Directory holding app/, pyscript.toml and node_modules/.
    root: Path = DEFAULT_ROOT
    #: Websocket URL the page should use; None means same origin ``/ws``.
    signal_url: str | None = None
    #: RTCIceServer dicts handed to both peers in ``paired``, as given (after STUN and TURN).
    ice_servers: tuple[Mapping[str, Any], ...] = ()
    #: STUN server URLs (``stun:host:port``) handed to both peers.
    stun_urls: tuple[str, ...] = ()
    #: TURN server URLs (``turn:host:port?transport=udp``, ``turns:...``); each paired peer
    #: gets a credential of its own for them, made with ``turn_secret``.
    turn_urls: tuple[str, ...] = ()
    #: The secret shared with the TURN server (coturn ``static-auth-secret``). Never logged.
    turn_secret: str | None = field(default=None, repr=False)
    #: How long a TURN credential is valid from the moment it is handed out, seconds.
    turn_ttl: float = 300.0
    #: "relay" makes the browsers use TURN only (``iceTransportPolicy``).
    ice_transport_policy: IceTransportPolicy = "all"
    #: Redis URL shared by several server processes; None keeps rooms in this process.
    redis_url: str | None = field(default=None, repr=False)
    #: Largest text frame accepted from a client, in bytes.
    max_message_bytes: int = 16 * 1024
    #: A room lives at most this long from its creation, in seconds.
    room_ttl: float = 600.0
    #: A room in which nobody sent anything for this long expires; also the join deadline.
    idle_timeout: float = 300.0
    #: Total number of open rooms.
    max_rooms: int = 100_000
    #: Per-socket token bucket: refill rate (messages per second) and burst size.
    message_rate: float = 20.0
    message_burst: int = 60
    #: Joins per client address per minute.
    joins_per_minute: int = 30
    #: Origins allowed besides the request's own Host (e.g. a CDN serving the bundle).
    allowed_origins: tuple[str, ...] = ()
    #: Extra CSP sources, each "directive source...", merged into the default policy.
    csp_extra: tuple[str, ...] = ()
    #: Put client IP addresses in logs.
    log_ips: bool = False
    #: Take the client address from the last X-Forwarded-For entry (behind a reverse proxy).
    trust_forwarded: bool = False
    #: Websocket protocol-level ping interval, seconds (detects dead connections).
    heartbeat: float = 30.0
    #: How often expired rooms are swept, seconds.
    sweep_interval: float = 1.0
    #: Monotonic clock in seconds; injectable for tests.
    clock: Callable[[], float] = field(default=time.monotonic, repr=False, compare=False)
    #: Wall clock (Unix time) for TURN credential expiry; injectable for tests.
    wall_clock: Callable[[], float] = field(default=time.time, repr=False, compare=False)

    def __post_init__(self) -> None:
        positive = {
            "max_message_bytes": self.max_message_bytes,
            "room_ttl": self.room_ttl,
            "idle_timeout": self.idle_timeout,
            "max_rooms": self.max_rooms,
            "message_rate": self.message_rate,
            "message_burst": self.message_burst,
            "joins_per_minute": self.joins_per_minute,
            "sweep_interval": self.sweep_interval,
            "turn_ttl": self.turn_ttl,
        }
        for name, value in positive.items():
            if value <= 0:
                raise ValueError(f"{name} must be positive, got {value!r}")
        if self.signal_url is not None:
            signal_origin(self.signal_url)
        for server in self.ice_servers:
            if not isinstance(server, Mapping) or "urls" not in server:
                raise ValueError("each ICE server must be an object with 'urls'")
        self._check_nat_traversal()
        if self.redis_url is not None:
            redis_address(self.redis_url)

    def _check_nat_traversal(self) -> None:
        for url in self.stun_urls:
            if not url.startswith(("stun:", "stuns:")):
                raise ValueError(f"a STUN URL starts with stun: or stuns:, got {url!r}")
        for url in self.turn_urls:
            if not url.startswith(("turn:", "turns:")):
                raise ValueError(f"a TURN URL starts with turn: or turns:, got {url!r}")
        if self.turn_urls and not self.turn_secret:
            raise ValueError("TURN URLs need the secret shared with the TURN server")
        if self.ice_transport_policy not in ("all", "relay"):
            raise ValueError(
                f"ICE transport policy is 'all' or 'relay', got {self.ice_transport_policy!r}"
            )
        if self.ice_transport_policy == "relay" and not self.has_turn:
            raise ValueError("the 'relay' ICE transport policy needs a TURN server")

    @property
    def has_turn(self) -> bool:
        """Whether the peers get at least one TURN server."""
        urls: list[str] = list(self.turn_urls)
        for server in self.ice_servers:
            listed = server["urls"]
            urls += [listed] if isinstance(listed, str) else list(listed)
        return any(url.startswith(("turn:", "turns:")) for url in urls)


CONFIG_KEY = web.AppKey("config", Config)


def signal_origin(url: str) -> str:
    """The origin (``wss://host[:port]``) of a signaling URL, for CSP ``connect-src``."""
    parsed = URL(url)
    if parsed.scheme not in ("ws", "wss") or not parsed.host:
        raise ValueError(f"signal URL must be ws:// or wss:// with a host, got {url!r}")
    return str(parsed.origin())


def redis_address(url: str) -> str:
    """A Redis URL without its password, fit for logs; ValueError if it is no Redis URL."""
    parsed = URL(url)
    if parsed.scheme not in ("redis", "rediss", "unix"):
        raise ValueError(f"Redis URL must be redis://, rediss:// or unix://, got {parsed.scheme!r}")
    return str(parsed.with_user(None) if parsed.user or parsed.password else parsed)
