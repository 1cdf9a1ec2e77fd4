"""Suite-wide fixtures and order.

The browser tests run last: pytest-playwright's sync API keeps an event loop running in the
main thread from the first browser test on, and pytest-asyncio cannot start its own loop
after that; so every async test (unit, server) runs before the first browser test.

Real redis-server and coturn (``tests/daemons.py``), for the server and browser tests that
need them, each on a free loopback port for the session, and an X display (Xvfb) for the
WebKit tests. Without the binary a test is skipped with the reason, except under CI (``CI``
set), where it fails: ``scripts/system-deps.sh`` installs those packages there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from hypothesis import settings

from tests.daemons import (
    MissingBinary,
    RedisServer,
    TurnServer,
    find_binary,
    start_turnserver,
    start_xvfb,
)
from tests.daemons import stop as stop_process

# Property tests check what the code does, never how fast: Hypothesis's default 200 ms per
# example fails them on a loaded 2-core machine (a DeadlineExceeded with nothing wrong).
settings.register_profile("secket", deadline=None)
settings.load_profile("secket")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: "tests/e2e/" in str(item.path))


def need(find: Callable[[], str]) -> str:
    """What ``find`` finds; skip (or, under CI, fail) when its package is not installed."""
    try:
        return find()
    except MissingBinary as missing:
        if os.environ.get("CI"):
            pytest.fail(str(missing))
        pytest.skip(str(missing))


def need_binary(name: str, package: str) -> str:
    """The binary's path; skip (or, under CI, fail) when the package is not installed."""
    return need(lambda: find_binary(name, package))


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(
        need_binary("redis-server", "redis-server"), tmp_path_factory.mktemp("redis")
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session's Redis, emptied for this test."""
    if redis_server.process is None or redis_server.process.poll() is not None:
        redis_server.start()
    redis_server.flush()
    return redis_server.url


@pytest.fixture(scope="session")
def turn_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TurnServer]:
    server = start_turnserver(
        need_binary("turnserver", "coturn"), tmp_path_factory.mktemp("coturn")
    )
    yield server
    stop_process(server.process)


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    """``DISPLAY`` of an Xvfb server of the session's own."""
    process, display = start_xvfb(need_binary("Xvfb", "xvfb"))
    yield display
    stop_process(process)
