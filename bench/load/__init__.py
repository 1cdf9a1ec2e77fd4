"""Signaling load: open N rooms (2N websockets), pair them, relay M messages each way.

    .venv/bin/python -m bench.load --rooms 5000                      # Secket and PeerServer
    .venv/bin/python -m bench.load --target none --rooms 1000 --redis-processes 1 2 4  # Redis
    .venv/bin/python -m bench.load --rooms 200 --target secket \\
        --urls ws://127.0.0.1:8000/ws --server-pid 1234              # a server you started

Without ``--urls`` each server is started here on a free loopback port and stopped at the
end: ``secket serve`` with its per-socket and per-address limits raised (every socket comes
from 127.0.0.1), and the PeerJS server (npm ``peer``, pinned in bench/peerserver/) with its
concurrent-client limit raised. Peer 1 of room i connects to URL i, peer 2 to URL i+1.
``--redis-processes 1 2 4`` then starts Debian's redis-server on a free loopback port (in
a temporary directory, saving nothing) and, for each count, that many ``secket serve
--redis`` processes, spreading the rooms over them that way: with two or more processes
the two peers of every room are on different processes, so every message crosses Redis.

The client runs in ``--procs`` worker processes, rooms dealt round-robin, each worker one
asyncio loop and one aiohttp ClientSession. Each direction of a room keeps at most
``--window`` messages in flight; every payload carries its sequence number and the
CLOCK_MONOTONIC time it was sent, so the receiver measures latency and loss.
Server memory is VmRSS from /proc/<pid>/status before and after the sockets are opened;
Server, Redis and load-generator CPU is utime + stime from /proc/<pid>/stat over the relay
phase, in % of one core.
Every phase is bounded by ``--timeout``; everything started here is stopped at the end.

The package: ``client`` is the load generator (worker processes, the two wire protocols),
``servers`` starts what is loaded, ``proc`` reads a process's CPU, memory and sockets,
``run`` drives one run over the workers, ``report`` prints it, ``__main__`` is the command.
"""
