"""One run against one target: the worker processes open, pair and relay the rooms while
this process reads the server's CPU, memory and sockets between the phases."""

from __future__ import annotations

import argparse
import multiprocessing
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .client import WorkerSpec, worker_main
from .proc import cpu_seconds, open_sockets, rss_kib
from .servers import Server, local_server, redis_server


@dataclass(frozen=True)
class Relayed:
    """The messages of the relay phase, summed over the worker processes' replies."""

    sent: int
    received: int
    #: Expected by a receiving socket and never delivered.
    lost: int
    #: Delivered after a later one of the same sender.
    disorder: int
    per_second: float
    p50_ms: float
    p99_ms: float

    @classmethod
    def from_replies(cls, replies: list[dict[str, Any]], seconds: float) -> Relayed:
        received = sum(reply["received"] for reply in replies)
        latencies = sorted(us for reply in replies for us in reply["latencies_us"])
        return cls(
            sent=sum(reply["sent"] for reply in replies),
            received=received,
            lost=sum(reply["expected"] for reply in replies) - received,
            disorder=sum(reply["disorder"] for reply in replies),
            per_second=received / seconds if seconds else 0.0,
            p50_ms=_percentile(latencies, 0.50),
            p99_ms=_percentile(latencies, 0.99),
        )


@dataclass
class Result:
    target: str
    rooms: int
    #: The column in the report: the target, and with Redis the number of processes.
    label: str = ""
    processes: int = 1
    sockets: int = 0
    failures: dict[str, int] = field(default_factory=dict)
    #: The server's own warnings and errors during the run (Secket only), with counts.
    complaints: dict[str, int] = field(default_factory=dict)
    server_sockets: int | None = None
    open_s: float = 0.0
    relay_s: float = 0.0
    relay_cpu_s: float | None = None
    #: What the workers counted over the relay phase.
    relayed: Relayed = field(default_factory=lambda: Relayed.from_replies([], 0.0))
    rss_before_kib: int | None = None
    rss_open_kib: int | None = None
    rss_after_kib: int | None = None
    rss_per_socket_kib: float | None = None
    #: The relay phase did not end within ``--timeout``: undelivered messages count as lost.
    timed_out: bool = False
    #: The server processes shared rooms through Redis; its CPU time and memory.
    redis: bool = False
    helper_cpu_s: float | None = None
    #: CPU time of the load generator's own worker processes over the relay phase.
    client_cpu_s: float | None = None
    helper_rss_kib: int | None = None
    alive: bool = True


def _percentile(values: list[int], fraction: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(fraction * len(values)))] / 1000


def run_rooms(
    target: str, label: str, server: Server, args: argparse.Namespace, rooms: int
) -> Result:
    """Open, pair, relay and close ``rooms`` rooms over ``args.procs`` worker processes."""
    context = multiprocessing.get_context("spawn")
    workers = []
    for index in range(args.procs):
        spec = WorkerSpec(
            target,
            tuple(server.urls),
            tuple(range(index, rooms, args.procs)),
            args.messages,
            args.payload_bytes,
            args.window,
            max(1, args.connect_concurrency // args.procs),
            args.timeout,
        )
        ours, theirs = context.Pipe()
        process = context.Process(target=worker_main, args=(theirs, spec), daemon=True)
        process.start()
        workers.append((process, ours))

    def phase(command: str) -> tuple[list[Any], float]:
        started = time.perf_counter()
        for _, pipe in workers:
            pipe.send(command)
        replies = [pipe.recv() for _, pipe in workers]
        return replies, time.perf_counter() - started

    result = Result(target, rooms, label, len(server.pids), rss_before_kib=rss_kib(server.pids))
    result.redis = server.redis is not None
    finished = False
    try:
        opened, result.open_s = phase("open")
        result.sockets = 2 * sum(reply["rooms"] for reply in opened)
        for reply in opened:
            result.failures.update(reply["failures"])
        result.rss_open_kib = rss_kib(server.pids)
        result.server_sockets = open_sockets(server.pids)
        client_pids = [process.pid for process, _ in workers if process.pid is not None]
        cpu_before = cpu_seconds(server.pids)
        helper_before = cpu_seconds(server.helper_pids)
        client_before = cpu_seconds(client_pids)
        relayed, result.relay_s = phase("relay")
        cpu_after = cpu_seconds(server.pids)
        helper_after = cpu_seconds(server.helper_pids)
        client_after = cpu_seconds(client_pids)
        if client_before is not None and client_after is not None:
            result.client_cpu_s = client_after - client_before
        if cpu_before is not None and cpu_after is not None:
            result.relay_cpu_s = cpu_after - cpu_before
        if server.helper_pids and helper_before is not None and helper_after is not None:
            result.helper_cpu_s = helper_after - helper_before
            result.helper_rss_kib = rss_kib(server.helper_pids)
        result.rss_after_kib = rss_kib(server.pids)
        phase("close")
        finished = True
    finally:
        for process, _ in workers:
            # After "close" a worker ends by itself; after an error or a signal, at once.
            process.join(timeout=30 if finished else 0)
            if process.is_alive():
                process.kill()
    result.timed_out = any(reply["timed_out"] for reply in relayed)
    result.relayed = Relayed.from_replies(relayed, result.relay_s)
    if result.rss_before_kib is not None and result.rss_open_kib is not None and result.sockets:
        result.rss_per_socket_kib = (result.rss_open_kib - result.rss_before_kib) / result.sockets
    result.alive = server.alive()
    return result


def measure(target: str, label: str, server: Server, args: argparse.Namespace) -> Result:
    # A small warm-up first, so that lazy imports and first allocations are not counted
    # as memory per socket.
    run_rooms(target, label, server, args, min(20, args.rooms))
    time.sleep(0.5)
    before = server.complaints()
    result = run_rooms(target, label, server, args, args.rooms)
    result.complaints = dict(server.complaints() - before)
    return result


def measure_redis(args: argparse.Namespace, logs: Path) -> list[Result]:
    """The same load on 1, 2, ... ``secket serve --redis`` processes sharing one Redis."""
    results = []
    with redis_server(logs) as redis:
        for count in args.redis_processes:
            label = f"redis x{count}"
            print(f"secket --redis, {count} process(es): {args.rooms:,} rooms ...", flush=True)
            with local_server("secket", logs, count, redis) as server:
                results.append(measure("secket", label, server, args))
                if not results[-1].alive:
                    print(server.log_tails())
    return results
