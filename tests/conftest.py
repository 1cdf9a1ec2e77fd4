"""Suite-wide order: the browser tests run last.

pytest-playwright's sync API keeps an event loop running in the main thread from the
first browser test on, and pytest-asyncio cannot start its own loop after that; so every
async test (unit, server) runs before the first browser test.
"""

from __future__ import annotations

import pytest

# Real redis-server and coturn, for the server and browser tests that need them.
from tests.daemons import redis_server, redis_url, turn_server  # noqa: F401


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: "tests/e2e/" in str(item.path))
