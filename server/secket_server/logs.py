"""Structured logs: one JSON object per line. Never room ids, payloads or SDP.

Events are logged as ``log_event(logger, "paired", conn=3, partner=2)``: the message is the
event name and the fields travel in the record's ``fields`` attribute, so tests can read
them from ``caplog`` and the formatter can write them as JSON.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from .config import CONFIG_KEY

logger = logging.getLogger("secket_server")


def log_event(log: logging.Logger, event: str, level: int = logging.INFO, **fields: Any) -> None:
    log.log(level, event, extra={"fields": fields})


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update(fields)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_logging(level: str = "INFO") -> None:
    """Send every log record to stderr as JSON lines (called by the CLI only)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())


class AccessLogger(AbstractAccessLogger):
    """aiohttp access log as an ``http`` event; the client address only if configured."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        fields: dict[str, Any] = {
            "method": request.method,
            "path": request.path,
            "status": response.status,
            "ms": round(time * 1000, 1),
        }
        config = request.app.get(CONFIG_KEY) if isinstance(request, web.Request) else None
        if config is not None and config.log_ips:
            fields["ip"] = request.remote
        log_event(self.logger, "http", **fields)
