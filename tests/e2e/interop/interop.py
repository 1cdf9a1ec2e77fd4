"""Runs in the browser (test page only): Secket's HPKE over WebCrypto against CPython's."""

import asyncio
import base64
import json

import js
from pyodide.ffi import to_js

from secket.browser.jsutil import obj, to_bytes, u8
from secket.browser.webcrypto import WebCrypto
from secket.core import hpke
from secket.core.errors import DecryptError

#: X25519 public keys of low order (u = 0 and u = 1): the shared secret is all zeros.
LOW_ORDER = (bytes(32), (1).to_bytes(32, "little"))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


async def import_private(sk, pk):
    # Test-only: the product never imports private keys; here the key comes from CPython.
    jwk = {"kty": "OKP", "crv": "X25519", "d": b64url(sk), "x": b64url(pk)}
    return await js.crypto.subtle.importKey(
        "jwk",
        to_js(jwk, dict_converter=js.Object.fromEntries),
        to_js({"name": "X25519"}, dict_converter=js.Object.fromEntries),
        False,
        to_js(["deriveBits"]),
    )


async def webcrypto_alone(private_key, point):
    """What this browser's WebCrypto itself does with a low-order key (for the record)."""
    subtle = js.crypto.subtle
    try:
        public = await subtle.importKey("raw", u8(point), obj(name="X25519"), True, to_js([]))
        bits = await subtle.deriveBits(obj(name="X25519", public=public), private_key, 256)
    except Exception as exc:
        return f"refused: {type(exc).__name__}"
    return to_bytes(bits).hex()


async def main():
    data = json.loads(await (await js.fetch("/test/input.json")).text())
    h = {k: bytes.fromhex(v) for k, v in data.items()}
    port = WebCrypto()
    out = {}
    sk_r = await import_private(h["sk_r"], h["pk_r"])
    out["opened"] = (
        await hpke.open_base(port, h["enc"], sk_r, h["pk_r"], h["info"], h["aad"], h["ct"])
    ).hex()
    enc, ct = await hpke.seal_base(port, h["pk_r"], h["info"], h["aad"], h["browser_pt"])
    out["sealed_enc"], out["sealed_ct"] = enc.hex(), ct.hex()
    rfc_sk = await import_private(h["rfc_sk_rm"], h["rfc_pk_rm"])
    out["rfc_opened"] = (
        await hpke.open_base(
            port, h["rfc_enc"], rfc_sk, h["rfc_pk_rm"], h["rfc_info"], h["rfc_aad"], h["rfc_ct"]
        )
    ).hex()
    out["low_order"], out["webcrypto_low_order"] = [], []
    for point in LOW_ORDER:
        try:
            await port.x25519_derive(sk_r, point)
            out["low_order"].append("accepted")
        except DecryptError:
            out["low_order"].append("refused")
        out["webcrypto_low_order"].append(await webcrypto_alone(sk_r, point))
    node = js.document.getElementById("out")
    node.textContent = json.dumps(out)
    node.dataset.state = "done"


def report(task):
    if not task.cancelled() and task.exception() is not None:
        node = js.document.getElementById("out")
        node.textContent = repr(task.exception())
        node.dataset.state = "failed"


task = asyncio.ensure_future(main())
task.add_done_callback(report)
