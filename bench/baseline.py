"""The plain-JavaScript baseline page, served by the benchmark itself (not part of Secket).

``baseline_page/`` holds an HTML page and a script doing the WebCrypto and WebRTC work of
Secket's page without Python (see ``baseline.js``). It is served from its own loopback port
with the caching Secket uses for its page and its own files: the page ``no-store``, the
script revalidated (``no-cache`` with an ETag), and the same kind of strict CSP.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGE_DIR = Path(__file__).with_name("baseline_page")
FILES = {
    "/": ("index.html", "text/html; charset=utf-8", "no-store"),
    "/baseline.js": ("baseline.js", "text/javascript; charset=utf-8", "no-cache"),
}
CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path not in FILES:
            self.send_error(404)
            return
        name, content_type, cache_control = FILES[path]
        body = (PAGE_DIR / name).read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        if cache_control != "no-store" and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self._common(etag, cache_control)
            self.end_headers()
            return
        self.send_response(200)
        self._common(etag, cache_control)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _common(self, etag: str, cache_control: str) -> None:
        self.send_header("Cache-Control", cache_control)
        self.send_header("ETag", etag)
        self.send_header("Content-Security-Policy", CSP)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def baseline_server() -> Iterator[str]:
    """The baseline page on a free loopback port; its URL."""
    with loopback_server(_Handler, "baseline") as url:
        yield url


@contextmanager
def loopback_server(handler: type[BaseHTTPRequestHandler], name: str) -> Iterator[str]:
    """``handler`` served on a free loopback port, in a thread, until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
