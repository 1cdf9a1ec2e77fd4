"""``python -m bench.load``: the command line (the package's docstring says what it does)."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from . import __doc__ as overview
from .proc import raise_nofile
from .report import report
from .run import measure, measure_redis
from .servers import TARGETS, Server, local_server


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=(overview or "").split("\n")[0]
    )
    parser.add_argument("--rooms", type=int, default=5000, help="rooms (2 sockets each)")
    parser.add_argument("--urls", nargs="+", help="websocket URLs of running servers")
    parser.add_argument("--server-pid", type=int, action="append", help="pid(s) behind --urls")
    parser.add_argument(
        "--target",
        choices=(*TARGETS, "both", "none"),
        default="both",
        help="which server(s) to load, one after the other (default both); "
        "'none' with --redis-processes runs only those",
    )
    parser.add_argument(
        "--redis-processes",
        type=int,
        nargs="+",
        default=[],
        metavar="N",
        help="then, for each N, N 'secket serve --redis' processes sharing one redis-server "
        "started here on loopback (e.g. 1 2 4); the two peers of a room are on different "
        "processes whenever N > 1",
    )
    parser.add_argument("--messages", type=int, default=20, help="per room, each way")
    parser.add_argument("--payload-bytes", type=int, default=1000)
    parser.add_argument("--window", type=int, default=2, help="messages in flight per direction")
    parser.add_argument("--procs", type=int, default=1, help="client worker processes")
    parser.add_argument("--connect-concurrency", type=int, default=256)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per phase")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if args.payload_bytes < 40:
        parser.error("--payload-bytes must be at least 40 (sequence number and timestamp)")
    if args.urls and args.target not in TARGETS:
        parser.error("--urls needs one --target")
    if args.urls and args.redis_processes:
        parser.error("--redis-processes starts its own servers: leave out --urls")
    if any(count < 1 for count in args.redis_processes):
        parser.error("--redis-processes counts must be at least 1")
    for url in args.urls or ():
        host = url.split("//", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0].strip("[]")
        if host not in ("127.0.0.1", "localhost", "::1"):
            parser.error(f"only loopback servers: {url}")
    return args


def _stop_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(f"stopped by signal {signum}")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # SIGTERM (and SIGINT, which a shell's background job ignores) unwind like an error, so
    # that every server and redis-server started here is stopped on the way out.
    signal.signal(signal.SIGTERM, _stop_on_signal)
    signal.signal(signal.SIGINT, _stop_on_signal)
    limit = raise_nofile()
    if limit < 2 * args.rooms // args.procs + 100:
        print(f"warning: open-file limit {limit} is too low for {2 * args.rooms} sockets")
    targets = {"both": TARGETS, "none": ()}.get(args.target, (args.target,))
    results = []
    with tempfile.TemporaryDirectory(prefix="secket-load-") as logs:
        for target in targets:
            print(f"{target}: {args.rooms:,} rooms ...", flush=True)
            if args.urls:
                server = Server(list(args.urls), list(args.server_pid or ()))
                results.append(measure(target, target, server, args))
                continue
            with local_server(target, Path(logs)) as server:
                results.append(measure(target, target, server, args))
                if not results[-1].alive:
                    print(server.log_tails())
        if args.redis_processes:
            results += measure_redis(args, Path(logs))
    print(report(results, args))
    if args.json:
        args.json.write_text(json.dumps([asdict(result) for result in results], indent=2))
    return 0 if all(r.relayed.lost == 0 and not r.failures and r.alive for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
