"""Fixtures for the server tests: a fake checkout to serve, and clients of a real app."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from server_helpers import ClientFactory, write_fake_root

from secket_server.app import create_app
from secket_server.config import Config


@pytest.fixture
def fake_root(tmp_path: Path) -> Path:
    return write_fake_root(tmp_path / "checkout")


@pytest.fixture
def make_client(
    aiohttp_client: Callable[..., Awaitable[TestClient[Any, Any]]], fake_root: Path
) -> ClientFactory:
    """``await make_client(room_ttl=1)``: a client of a fresh app with those config fields."""

    async def make(**fields: Any) -> TestClient[Any, Any]:
        fields.setdefault("root", fake_root)
        return await aiohttp_client(create_app(Config(**fields)))

    return make


@pytest.fixture
async def client(make_client: ClientFactory) -> TestClient[Any, Any]:
    return await make_client()
