"""The load benchmark's report: one column per run, and Secket beside PeerServer."""

from __future__ import annotations

import argparse

from .run import Result


def _fmt(value: float | int | None, digits: int = 0) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}"


def _ratio(numerator: float | None, denominator: float | None) -> str:
    if numerator is None or not denominator:
        return "n/a"
    return f"{numerator / denominator:.2f}x"


def report(results: list[Result], args: argparse.Namespace) -> str:
    rows: list[tuple[str, ...]] = [("", *(result.label for result in results))]

    def row(label: str, values: list[str]) -> None:
        rows.append((label, *values))

    row("server processes", [_fmt(r.processes) for r in results])
    row("sockets open and paired", [_fmt(r.sockets) for r in results])
    row("sockets held by the server process(es)", [_fmt(r.server_sockets) for r in results])
    row("time to open + pair all (s)", [_fmt(r.open_s, 2) for r in results])
    row("relayed messages", [_fmt(r.relayed.received) for r in results])
    row("relayed messages per second", [_fmt(r.relayed.per_second) for r in results])
    row("server CPU busy while relaying (%)", [_fmt(_busy(r, r.relay_cpu_s), 0) for r in results])
    row("server CPU per relayed message (us)", [_fmt(_cpu_per_message(r), 1) for r in results])
    row("load generator CPU busy (%)", [_fmt(_busy(r, r.client_cpu_s), 0) for r in results])
    row("relay latency p50 (ms)", [_fmt(r.relayed.p50_ms, 2) for r in results])
    row("relay latency p99 (ms)", [_fmt(r.relayed.p99_ms, 2) for r in results])
    row("messages lost", [_fmt(r.relayed.lost) for r in results])
    row("messages out of order", [_fmt(r.relayed.disorder) for r in results])
    row("relay phase timed out", ["YES" if r.timed_out else "no" for r in results])
    row("server RSS before (MiB)", [_fmt(_mib(r.rss_before_kib), 1) for r in results])
    row("server RSS, sockets open (MiB)", [_fmt(_mib(r.rss_open_kib), 1) for r in results])
    row("server RSS after relay (MiB)", [_fmt(_mib(r.rss_after_kib), 1) for r in results])
    row("server RSS per open socket (KiB)", [_fmt(r.rss_per_socket_kib, 2) for r in results])
    if any(r.helper_cpu_s is not None for r in results):
        row("Redis CPU busy (%)", [_fmt(_busy(r, r.helper_cpu_s), 0) for r in results])
        row("Redis RSS after relay (MiB)", [_fmt(_mib(r.helper_rss_kib), 1) for r in results])
    row("server still running", ["yes" if r.alive else "NO" for r in results])
    widths = [max(len(line[column]) for line in rows) for column in range(len(rows[0]))]
    lines = [
        f"{args.rooms:,} rooms, {args.messages} messages each way per room, "
        f"{args.payload_bytes}-byte payloads, window {args.window}, "
        f"{args.procs} client process(es)",
    ]
    for line in rows:
        cells = [line[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells))
    for result in results:
        for reason, count in result.failures.items():
            lines.append(f"{result.label}: {count} room(s) failed: {reason}")
        for complaint, count in result.complaints.items():
            lines.append(f"{result.label}: the server logged {count} x {complaint}")
    by_name = {result.label: result for result in results}
    secket, peer = by_name.get("secket"), by_name.get("peerserver")
    if secket and peer:
        lines += _against_peerserver(secket, peer)
    if secket:
        held = secket.server_sockets
        lines.append(
            f"Sockets held by one Secket process: {_fmt(held)} "
            f"({_fmt(secket.sockets)} client sockets paired)"
        )
    shared = [result for result in results if result.redis]
    if shared:
        base = shared[0].relayed.per_second if shared[0].processes == 1 else None
        lines.append(
            "Secket with Redis, relayed msgs/s: "
            + "; ".join(_processes(r, None if r is shared[0] else base) for r in shared)
        )
    return "\n".join(lines)


def _processes(result: Result, base: float | None) -> str:
    rate = result.relayed.per_second
    versus = f" ({_ratio(rate, base)} of 1)" if base else ""
    return f"{result.processes} process(es) {_fmt(rate)}{versus}"


def _against_peerserver(secket: Result, peer: Result) -> list[str]:
    """Secket's relay rate and memory per socket over PeerServer's, and their CPU per message."""
    # RSS grows by less than the noise of a garbage collection with a few sockets open:
    # a growth of zero or less measures nothing.
    secket_kib, peer_kib = secket.rss_per_socket_kib, peer.rss_per_socket_kib
    memory = (
        secket_kib / peer_kib if secket_kib and peer_kib and min(secket_kib, peer_kib) > 0 else None
    )
    return [
        "Secket / PeerServer: relayed msgs/s "
        f"{_ratio(secket.relayed.per_second, peer.relayed.per_second)}, memory per open socket "
        f"{'n/a' if memory is None else f'{memory:.2f}x'}; server CPU per relayed message "
        f"{_fmt(_cpu_per_message(secket), 1)} us against {_fmt(_cpu_per_message(peer), 1)} us "
        f"(load generator busy {_fmt(_busy(secket, secket.client_cpu_s), 0)} % and "
        f"{_fmt(_busy(peer, peer.client_cpu_s), 0)} %)"
    ]


def _busy(result: Result, cpu_s: float | None) -> float | None:
    """``cpu_s`` over the relay phase, in % of one core."""
    if cpu_s is None or not result.relay_s:
        return None
    return 100 * cpu_s / result.relay_s


def _cpu_per_message(result: Result) -> float | None:
    if result.relay_cpu_s is None or not result.relayed.received:
        return None
    return 1e6 * result.relay_cpu_s / result.relayed.received


def _mib(kib: int | None) -> float | None:
    return None if kib is None else kib / 1024
