"""Secket's signaling server: pairs two browsers per room and serves the static app."""

from __future__ import annotations

from .app import create_app
from .config import Config

__all__ = ["Config", "create_app"]
