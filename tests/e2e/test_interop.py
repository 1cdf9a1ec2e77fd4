"""The browser's HPKE (Python over WebCrypto) agrees with CPython's (over `cryptography`)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from playwright.sync_api import Browser, expect

from secket.core import hpke
from secket.core.session import hpke_aad, hpke_info
from secket.cpython import CPythonCrypto, private_key_from_bytes, public_bytes

from ..unit.test_hpke import ENC, ENCRYPTIONS, INFO, PK_RM, PT, SK_RM
from .conftest import READY_TIMEOUT_MS, LiveServer, Watch, start_server

HERE = Path(__file__).parent / "interop"
T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run CPython crypto beside Playwright's sync API, which owns this thread's loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


ROOT = Path(__file__).parents[2]


def interop_config() -> str:
    """The app's own pyscript.toml plus the test script: the same modules as the product."""
    config = (ROOT / "pyscript.toml").read_text()
    return config + '"/test/interop.py" = "./interop.py"\n'


@pytest.fixture(scope="module")
def case() -> dict[str, bytes]:
    port = CPythonCrypto()
    receiver = X25519PrivateKey.generate()
    sk_r = receiver.private_bytes_raw()
    pk_r = public_bytes(receiver)
    info, aad = hpke_info(b"\x42" * 32), hpke_aad(0)
    plaintext = "from CPython ✓ 🔑".encode()
    enc, ct = run(hpke.seal_base(port, pk_r, info, aad, plaintext))
    _seq, rfc_aad, _nonce, rfc_ct = ENCRYPTIONS[0]
    return {
        "sk_r": sk_r,
        "pk_r": pk_r,
        "info": info,
        "aad": aad,
        "enc": enc,
        "ct": ct,
        "pt": plaintext,
        "browser_pt": "from the browser ✓".encode(),
        "rfc_sk_rm": SK_RM,
        "rfc_pk_rm": PK_RM,
        "rfc_enc": ENC,
        "rfc_info": INFO,
        "rfc_aad": bytes.fromhex(rfc_aad),
        "rfc_ct": bytes.fromhex(rfc_ct),
        "rfc_pt": PT,
    }


@pytest.fixture(scope="module")
def interop_server(case: dict[str, bytes]) -> Iterator[LiveServer]:
    page_input = json.dumps({k: v.hex() for k, v in case.items() if k not in ("pt", "rfc_pt")})

    def routes(app: web.Application) -> None:
        text = {
            "/test/interop.html": ((HERE / "interop.html").read_text(), "text/html"),
            "/test/interop.py": ((HERE / "interop.py").read_text(), "text/plain"),
            "/test/interop.toml": (interop_config(), "text/plain"),
            "/test/input.json": (page_input, "application/json"),
        }
        for path, (body, kind) in text.items():

            async def handler(_request: web.Request, body: str = body, kind: str = kind) -> Any:
                return web.Response(text=body, content_type=kind)

            app.router.add_get(path, handler)

    live = start_server(extra=routes)
    yield live
    live.stop()


def test_browser_and_cpython_hpke_agree(
    browser: Browser, interop_server: LiveServer, case: dict[str, bytes]
) -> None:
    context = browser.new_context()
    page = context.new_page()
    watch = Watch("interop", interop_server.url.rstrip("/"))
    watch.attach(page)
    page.goto(interop_server.url + "test/interop.html")
    out = page.locator("#out")
    expect(out).to_have_attribute("data-state", "done", timeout=READY_TIMEOUT_MS)
    result = json.loads(out.text_content() or "{}")
    context.close()
    assert watch.problems == []

    assert_agrees(result, case)


def assert_agrees(result: dict[str, str], case: dict[str, bytes]) -> None:
    """What the page found (interop.py) agrees with CPython's HPKE, both ways."""
    # The browser opened what CPython sealed, and the RFC 9180 A.1.1 ciphertext (seq 0).
    assert bytes.fromhex(result["opened"]) == case["pt"]
    assert bytes.fromhex(result["rfc_opened"]) == case["rfc_pt"]
    # CPython opens what the browser sealed.
    opened = run(
        hpke.open_base(
            CPythonCrypto(),
            bytes.fromhex(result["sealed_enc"]),
            private_key_from_bytes(case["sk_r"]),
            case["pk_r"],
            case["info"],
            case["aad"],
            bytes.fromhex(result["sealed_ct"]),
        )
    )
    assert opened == case["browser_pt"]
    # The browser's port refuses low-order keys (an all-zero shared secret), as CPython's does,
    # whatever its WebCrypto does on its own (recorded in webcrypto_low_order).
    print("WebCrypto alone, low-order keys:", result["webcrypto_low_order"])
    assert result["low_order"] == ["refused", "refused"]
