"""Unit tests of the token buckets, with a fake clock."""

from __future__ import annotations

from secket_server.limits import KeyedLimiter, TokenBucket, address_key


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_bucket_allows_a_burst_then_the_rate() -> None:
    clock = FakeClock()
    bucket = TokenBucket(rate=2, burst=3, clock=clock)
    assert [bucket.take() for _ in range(4)] == [True, True, True, False]
    clock.now += 0.5
    assert bucket.take()
    assert not bucket.take()
    clock.now += 100
    assert bucket.full()
    assert [bucket.take() for _ in range(4)] == [True, True, True, False]


def test_keyed_limiter_keeps_keys_apart_and_purges_full_buckets() -> None:
    clock = FakeClock()
    limiter = KeyedLimiter(rate=1, burst=1, clock=clock)
    assert limiter.take("a")
    assert not limiter.take("a")
    assert limiter.take("b")
    clock.now += 1
    limiter.purge()
    assert len(limiter) == 0


def test_keyed_limiter_is_bounded() -> None:
    limiter = KeyedLimiter(rate=1, burst=1, clock=FakeClock(), max_keys=2)
    for key in "abcde":
        limiter.take(key)
    assert len(limiter) == 2


def test_address_key() -> None:
    assert address_key("192.0.2.7") == "192.0.2.7"
    assert address_key("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64"
    assert address_key("2001:db8:1:2:ffff::1") == "2001:db8:1:2::/64"
    assert address_key("::ffff:192.0.2.7") == "192.0.2.7"
    assert address_key(None) == "unknown"
