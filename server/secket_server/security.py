"""Security headers (one policy for the server and the static bundle) and the Origin check."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from aiohttp import hdrs, web

from .config import Config, signal_origin

#: The default Content-Security-Policy. ``Config.csp_extra`` and the signal URL extend it.
#: ``connect-src blob:``: the page hands Pyodide its standard library as a blob: URL of the
#: bytes it has checked (app/interpreter.mjs), since Pyodide takes the library only by URL.
#: A blob: URL is made by the page itself and reaches no network.
CONTENT_SECURITY_POLICY: Final = (
    "default-src 'none'; "
    "script-src 'self' 'wasm-unsafe-eval'; "
    "connect-src 'self' blob:; "
    "img-src 'self' data: blob:; "
    "media-src 'self' blob: mediastream:; "
    "style-src 'self'; "
    "font-src 'self'; "
    "worker-src 'self' blob:; "
    "manifest-src 'self'; "
    "base-uri 'none'; "
    "form-action 'none'; "
    "frame-ancestors 'none'"
)

#: Sent on every response, next to the Content-Security-Policy.
SECURITY_HEADERS: Final[Mapping[str, str]] = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=()",
}

#: The Server header of every response: the name, no versions.
SERVER: Final = "Secket"

#: Cache-Control of responses that set none themselves (HTML, config, health, metrics).
NO_STORE: Final = "no-store"


def _parse_policy(policy: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), []).extend(words[1:])
    return directives


def content_security_policy(config: Config) -> str:
    """The default policy plus the signal URL's origin and ``config.csp_extra``."""
    directives = _parse_policy(CONTENT_SECURITY_POLICY)
    extra = list(config.csp_extra)
    if config.signal_url is not None:
        extra.append(f"connect-src {signal_origin(config.signal_url)}")
    for name, sources in _parse_policy(";".join(extra)).items():
        current = directives.setdefault(name, [])
        if sources and current == ["'none'"]:
            current.clear()
        current.extend(source for source in sources if source not in current)
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def security_headers(config: Config) -> dict[str, str]:
    """Every security header with its value for this configuration."""
    return {"Content-Security-Policy": content_security_policy(config), **SECURITY_HEADERS}


def add_security_headers(app: web.Application, headers: Mapping[str, str]) -> None:
    """Put ``headers`` on every response of ``app``, including errors and websocket upgrades.

    A response-prepare hook rather than a middleware: a middleware never sees responses
    that a handler prepares itself (websocket, file) nor the error pages aiohttp writes.

    Except on a 304 Not Modified: a cache keeps the headers of the 200 it stored and replaces
    only those a 304 carries (RFC 9111, 4.3.4), so repeating them there changes nothing and
    costs about 500 bytes per file on every warm load (docs/benchmarks.md, "Levers").
    """

    async def on_prepare(request: web.Request, response: web.StreamResponse) -> None:
        if response.status != 304:
            response.headers.update(headers)
        response.headers.setdefault(hdrs.CACHE_CONTROL, NO_STORE)
        # Instead of aiohttp's "Python/3.x aiohttp/3.y": the versions a scan would look for.
        response.headers[hdrs.SERVER] = SERVER

    app.on_response_prepare.append(on_prepare)


def origin_allowed(origin: str | None, host: str | None, allowed: frozenset[str]) -> bool:
    """Whether a websocket from a page at ``origin`` may connect.

    No Origin header (a non-browser client) is allowed; otherwise the origin must name the
    request's own Host, or be in ``allowed`` (normalised with ``normalize_origin``).
    """
    if origin is None:
        return True
    origin = normalize_origin(origin)
    if origin in allowed:
        return True
    scheme, sep, authority = origin.partition("://")
    if not sep or scheme not in ("http", "https") or host is None:
        return False
    return authority == host.lower()


def normalize_origin(origin: str) -> str:
    return origin.strip().rstrip("/").lower()
