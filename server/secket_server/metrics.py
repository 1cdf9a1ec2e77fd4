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
    refusals: Counter[ErrorCode] = field(default_factory=Counter)


def _metric(name: str, kind: str, help_text: str, samples: list[tuple[str, float]]) -> str:
    lines = [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
    lines += [f"{name}{labels} {value:g}" for labels, value in samples]
    return "\n".join(lines)


def render(metrics: Metrics, *, open_sockets: int, waiting_rooms: int, paired_rooms: int) -> str:
    refusals = [(f'{{reason="{code.value}"}}', float(metrics.refusals[code])) for code in ErrorCode]
    blocks = [
        _metric(
            "secket_open_sockets", "gauge", "Open websocket connections.", [("", open_sockets)]
        ),
        _metric(
            "secket_rooms",
            "gauge",
            "Open rooms, by state.",
            [('{state="waiting"}', waiting_rooms), ('{state="paired"}', paired_rooms)],
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
            "Signal messages relayed between peers.",
            [("", metrics.relayed_messages)],
        ),
        _metric(
            "secket_refusals_total", "counter", "Errors sent to clients, by error code.", refusals
        ),
    ]
    return "\n".join(blocks) + "\n"
