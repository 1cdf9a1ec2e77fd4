"""The ``secket`` command's options: its parser, and the server's ``Config`` from them.

Every ``serve`` flag has an environment variable (HOST, PORT, and SECKET_* for the rest);
a flag wins over its variable, which wins over the default: :class:`Env` reads the
variables and collects their bad values as usage errors. ``send`` and ``receive`` take
their own few flags here too; what they do is ``secket.terminal``'s.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .config import DEFAULT_ROOT, Config

_TRUE = frozenset({"1", "true", "yes", "on"})


def _ice_servers(text: str) -> tuple[dict[str, Any], ...]:
    try:
        servers = json.loads(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not JSON: {exc}") from None
    if not isinstance(servers, list) or not all(
        isinstance(server, dict) and "urls" in server for server in servers
    ):
        raise argparse.ArgumentTypeError("expected a JSON list of objects with 'urls'")
    return tuple(servers)


def _split(text: str, separator: str | None) -> list[str]:
    return [item.strip() for item in text.split(separator) if item.strip()]


class Env:
    """Reads defaults from the environment, reporting bad values as usage errors."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self.environ = environ
        self.errors: list[str] = []

    def get(self, name: str, convert: Callable[[str], Any], default: Any) -> Any:
        text = self.environ.get(name)
        if text is None or text == "":
            return default
        try:
            return convert(text)
        except (ValueError, argparse.ArgumentTypeError) as exc:
            self.errors.append(f"{name}={text!r}: {exc}")
            return default

    def option(
        self,
        parser: argparse.ArgumentParser,
        flag: str,
        variable: str,
        convert: Callable[[str], Any],
        default: Any,
        **kwargs: Any,
    ) -> None:
        """``flag``, whose default comes from ``variable``; its help names the variable."""
        kwargs["help"] = f"{kwargs['help']} [{variable}]"
        default = self.get(variable, convert, default)
        parser.add_argument(flag, type=convert, default=default, **kwargs)

    def flag(self, name: str) -> bool:
        return self.environ.get(name, "").strip().lower() in _TRUE


def _add_root(parser: argparse.ArgumentParser, env: Env) -> None:
    env.option(
        parser,
        "--root",
        "SECKET_ROOT",
        Path,
        DEFAULT_ROOT,
        help="directory holding app/, pyscript.toml and node_modules/",
    )


def _add_common(parser: argparse.ArgumentParser, env: Env) -> None:
    _add_root(parser, env)
    env.option(
        parser,
        "--signal-url",
        "SECKET_SIGNAL_URL",
        str,
        None,
        help="wss:// URL of the signaling server if not this origin",
    )
    parser.add_argument(
        "--csp-extra",
        action="append",
        metavar="DIRECTIVE",
        help="extra CSP sources, e.g. \"style-src 'unsafe-inline'\"; repeatable "
        "[SECKET_CSP_EXTRA, ';'-separated]",
    )


def _add_nat_traversal(serve: argparse.ArgumentParser, env: Env) -> None:
    defaults = Config()
    serve.add_argument(
        "--stun-url",
        action="append",
        metavar="URL",
        help="STUN server handed to the browsers, e.g. stun:stun.example.org:3478; repeatable "
        "[SECKET_STUN_URLS, comma-separated]",
    )
    serve.add_argument(
        "--turn-url",
        action="append",
        metavar="URL",
        help="TURN server handed to the browsers with a short-lived credential, e.g. "
        "turn:turn.example.org:3478?transport=udp; repeatable [SECKET_TURN_URLS, comma-separated]",
    )
    serve.add_argument(
        "--turn-secret",
        metavar="SECRET",
        help="the secret shared with the TURN server (coturn static-auth-secret); other users "
        "of this machine can read a command line, so prefer SECKET_TURN_SECRET or "
        "--turn-secret-file. Never logged [SECKET_TURN_SECRET]",
    )
    env.option(
        serve,
        "--turn-secret-file",
        "SECKET_TURN_SECRET_FILE",
        Path,
        None,
        metavar="PATH",
        help="file holding the secret shared with the TURN server (coturn static-auth-secret); "
        "or set SECKET_TURN_SECRET. Never logged",
    )
    env.option(
        serve,
        "--turn-ttl",
        "SECKET_TURN_TTL",
        float,
        defaults.turn_ttl,
        metavar="SECONDS",
        help="lifetime of a TURN credential (default %(default)s)",
    )
    env.option(
        serve,
        "--ice-transport-policy",
        "SECKET_ICE_TRANSPORT_POLICY",
        _policy,
        defaults.ice_transport_policy,
        choices=("all", "relay"),
        help="'relay' makes the browsers connect through TURN only (default %(default)s)",
    )


def _policy(text: str) -> str:
    if text not in ("all", "relay"):
        raise ValueError("expected 'all' or 'relay'")
    return text


def _turn_secret(args: argparse.Namespace, environ: Mapping[str, str]) -> str | None:
    """``--turn-secret``, else ``--turn-secret-file``, else SECKET_TURN_SECRET."""
    if args.turn_secret:
        return str(args.turn_secret)
    if args.turn_secret_file is not None:
        try:
            secret = str(args.turn_secret_file.read_text()).strip()
        except OSError as exc:
            raise ValueError(f"cannot read the TURN secret file: {exc}") from None
        if not secret:
            raise ValueError(f"the TURN secret file {args.turn_secret_file} is empty")
        return secret
    return environ.get("SECKET_TURN_SECRET") or None


def parser(env: Env) -> argparse.ArgumentParser:
    defaults = Config()
    parser = argparse.ArgumentParser(
        prog="secket",
        description="Secket: hand a secret from one browser to another, end-to-end encrypted.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the signaling server and serve the app")
    env.option(
        serve,
        "--host",
        "HOST",
        str,
        "127.0.0.1",
        help="address to listen on (default %(default)s)",
    )
    env.option(
        serve,
        "--port",
        "PORT",
        int,
        8000,
        help="port to listen on, 0 for any (default %(default)s)",
    )
    _add_common(serve, env)
    numbers: list[tuple[str, Callable[[str], Any], str]] = [
        ("max_message_bytes", int, "largest accepted frame, bytes"),
        ("room_ttl", float, "room lifetime from creation, seconds"),
        ("idle_timeout", float, "idle room expiry and join deadline, seconds"),
        ("max_rooms", int, "most rooms open at once"),
        ("message_rate", float, "messages per second per socket"),
        ("message_burst", int, "message burst per socket"),
        ("joins_per_minute", int, "joins per client address per minute"),
    ]
    for name, convert, help_text in numbers:
        variable = "SECKET_" + name.upper()
        env.option(
            serve,
            "--" + name.replace("_", "-"),
            variable,
            convert,
            getattr(defaults, name),
            help=f"{help_text} (default %(default)s)",
        )
    env.option(
        serve,
        "--ice-servers",
        "SECKET_ICE_SERVERS",
        _ice_servers,
        (),
        metavar="JSON",
        help="RTCIceServer list given to paired peers",
    )
    _add_nat_traversal(serve, env)
    env.option(
        serve,
        "--redis",
        "SECKET_REDIS_URL",
        str,
        None,
        metavar="URL",
        help="share rooms with other secket processes through this Redis, e.g. "
        "redis://127.0.0.1:6379/0 (default: rooms in this process only)",
    )
    serve.add_argument(
        "--allowed-origin",
        action="append",
        metavar="ORIGIN",
        help="also accept websockets from pages at this origin; repeatable "
        "[SECKET_ALLOWED_ORIGINS, comma-separated]",
    )
    serve.add_argument(
        "--log-ips",
        action="store_true",
        default=env.flag("SECKET_LOG_IPS"),
        help="put client addresses in logs [SECKET_LOG_IPS]",
    )
    serve.add_argument(
        "--trust-forwarded",
        action="store_true",
        default=env.flag("SECKET_TRUST_FORWARDED"),
        help="take the client address from X-Forwarded-For [SECKET_TRUST_FORWARDED]",
    )
    env.option(
        serve,
        "--log-level",
        "SECKET_LOG_LEVEL",
        str,
        "INFO",
        help="(default %(default)s)",
    )

    build = commands.add_parser("build", help="write the static app to a directory")
    build.add_argument("--out", type=Path, required=True, help="output directory")
    _add_common(build, env)

    compress = commands.add_parser(
        "compress",
        help="make the brotli and gzip variants of the static files that `secket serve` sends "
        "(kept in .cache/precompressed/ by content hash; only new content is compressed)",
    )
    _add_root(compress, env)

    _add_terminal(commands)

    runtime = commands.add_parser(
        "runtime",
        help="derive the page's runtime from the pinned packages in build/runtime/ with Node "
        "(a standard library of only what the page imports, as bytecode), unless the one "
        "there is up to date",
    )
    _add_root(runtime, env)
    return parser


def _add_terminal(commands: Any) -> None:
    """``secket send`` and ``secket receive``: the peer in a terminal."""
    how = (
        "Without --link it makes a link (on --server, or SECKET_SERVER) and waits for the "
        "other person; with --link it joins theirs. Both people compare the verification "
        "code; type y when it matches (or give --expect-code). Exit codes: 0 done, 2 usage, "
        "3 link, 4 network, 5 codes did not match, 6 protocol, 7 the other person left, "
        "130 interrupted."
    )
    send = commands.add_parser(
        "send",
        help="send a secret from this terminal",
        description="Send a secret, read from --file, from stdin, or typed at a prompt "
        "without echo (at most 64 KiB of UTF-8 text). " + how,
    )
    receive = commands.add_parser(
        "receive",
        help="receive a secret in this terminal",
        description="Receive a secret and write it to stdout, or to --out. " + how,
    )
    for parser in (send, receive):
        parser.add_argument(
            "--server",
            metavar="URL",
            help="the Secket server to make the link on, e.g. https://secket.example "
            "[SECKET_SERVER]; a link brings its own",
        )
        parser.add_argument("--link", metavar="URL", help="join the link the other person gave")
        parser.add_argument(
            "--expect-code",
            metavar="NUMBER",
            help="confirm only if the code's number is exactly this (13 digits, as the other "
            "person read it to you); any other number stops with exit code 5",
        )
    send.add_argument("--file", type=Path, metavar="PATH", help="send this file's text")
    receive.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        help="write the secret to this new file (mode 0600; an existing file is never replaced)",
    )


def config_from(args: argparse.Namespace, environ: Mapping[str, str]) -> Config:
    csp_extra = args.csp_extra or _split(environ.get("SECKET_CSP_EXTRA", ""), ";")
    common: dict[str, Any] = {
        "root": args.root,
        "signal_url": args.signal_url,
        "csp_extra": tuple(csp_extra),
    }
    if args.command == "build":
        return Config(**common)
    origins = args.allowed_origin or _split(environ.get("SECKET_ALLOWED_ORIGINS", ""), ",")
    stun = args.stun_url or _split(environ.get("SECKET_STUN_URLS", ""), ",")
    turn = args.turn_url or _split(environ.get("SECKET_TURN_URLS", ""), ",")
    return Config(
        **common,
        ice_servers=tuple(args.ice_servers),
        stun_urls=tuple(stun),
        turn_urls=tuple(turn),
        turn_secret=_turn_secret(args, environ),
        turn_ttl=args.turn_ttl,
        ice_transport_policy=args.ice_transport_policy,
        redis_url=args.redis,
        max_message_bytes=args.max_message_bytes,
        room_ttl=args.room_ttl,
        idle_timeout=args.idle_timeout,
        max_rooms=args.max_rooms,
        message_rate=args.message_rate,
        message_burst=args.message_burst,
        joins_per_minute=args.joins_per_minute,
        allowed_origins=tuple(origins),
        log_ips=args.log_ips,
        trust_forwarded=args.trust_forwarded,
    )
