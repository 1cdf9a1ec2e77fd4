"""Counters and their Prometheus text rendering. Counts only: never a room id."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .protocol import ErrorCode

#: Content-Type of the Prometheus text exposition format.
PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


@dataclass(slots=True)
class Metrics:
    sockets_opened: int = 0
    pairings: int = 0
    relayed_messages: int = 0
    turn_credentials: int = 0
    refusals: Counter[ErrorCode] = field(default_factory=Counter)


def _metric(name: str, kind: str, help_text: str, samples: list[tuple[str, float]]) -> str:
    lines = [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
    lines += [f"{name}{labels} {value:g}" for labels, value in samples]
    return "\n".join(lines)


def render(
    metrics: Metrics,
    *,
    open_sockets: int,
    rooms: tuple[int, int] | None,
    store: str,
    store_up: bool,
) -> str:
    """The Prometheus text. ``rooms`` is (waiting, paired), None when the store cannot say;
    with Redis it counts the rooms of every process."""
    refusals = [(f'{{reason="{code.value}"}}', float(metrics.refusals[code])) for code in ErrorCode]
    blocks = [
        _metric(
            "secket_open_sockets", "gauge", "Open websocket connections.", [("", open_sockets)]
        ),
        _metric(
            "secket_rooms",
            "gauge",
            "Open rooms, by state (with Redis: of all processes).",
            []
            if rooms is None
            else [('{state="waiting"}', rooms[0]), ('{state="paired"}', rooms[1])],
        ),
        _metric(
            "secket_store_up",
            "gauge",
            "Whether the room store answers (1) or not (0), by kind.",
            [(f'{{store="{store}"}}', 1 if store_up else 0)],
        ),
        _metric(
            "secket_sockets_opened_total",
            "counter",
            "Websocket connections accepted.",
            [("", metrics.sockets_opened)],
        ),
        _metric("secket_pairings_total", "counter", "Rooms paired.", [("", metrics.pairings)]),
        _metric(
            "secket_relayed_messages_total",
            "counter",
            "Signal messages relayed to this process's sockets.",
            [("", metrics.relayed_messages)],
        ),
        _metric(
            "secket_turn_credentials_total",
            "counter",
            "TURN credentials handed out.",
            [("", metrics.turn_credentials)],
        ),
        _metric(
            "secket_refusals_total", "counter", "Errors sent to clients, by error code.", refusals
        ),
    ]
    return "\n".join(blocks) + "\n"
