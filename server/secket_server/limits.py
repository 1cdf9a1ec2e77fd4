"""Rate limits: token buckets, per socket and per client address. Pure, clock injected."""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Callable


class TokenBucket:
    """Holds up to ``burst`` tokens, refilled at ``rate`` per second; each take costs one."""

    __slots__ = ("_burst", "_clock", "_rate", "_stamp", "_tokens")

    def __init__(self, *, rate: float, burst: float, clock: Callable[[], float]) -> None:
        self._rate = rate
        self._burst = burst
        self._clock = clock
        self._tokens = burst
        self._stamp = clock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._stamp) * self._rate)
        self._stamp = now

    def take(self) -> bool:
        self._refill()
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True

    def full(self) -> bool:
        self._refill()
        return self._tokens >= self._burst


class KeyedLimiter:
    """One token bucket per key (a client address), with bounded memory."""

    def __init__(
        self, *, rate: float, burst: float, clock: Callable[[], float], max_keys: int = 100_000
    ) -> None:
        self._new_bucket = functools.partial(TokenBucket, rate=rate, burst=burst, clock=clock)
        self._max_keys = max_keys
        self._buckets: dict[str, TokenBucket] = {}

    def __len__(self) -> int:
        return len(self._buckets)

    def take(self, key: str) -> bool:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self._max_keys:
                self.purge()
            while len(self._buckets) >= self._max_keys:
                del self._buckets[next(iter(self._buckets))]
            bucket = self._buckets[key] = self._new_bucket()
        return bucket.take()

    def purge(self) -> None:
        """Forget buckets that are full again: they hold no information."""
        for key in [key for key, bucket in self._buckets.items() if bucket.full()]:
            del self._buckets[key]


def address_key(address: str | None) -> str:
    """The rate-limit key of a client address: IPv4 as is, IPv6 by its /64 network."""
    if not address:
        return "unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)
