"""The link as a QR code, drawn on a canvas (with ``qrcodegen``, shipped with the app)."""

from __future__ import annotations

from typing import Any

from qrcodegen import QrCode

QUIET_ZONE = 4


def draw_qr(canvas: Any, text: str) -> None:
    code = QrCode.encode_text(text, QrCode.Ecc.MEDIUM)
    size = code.get_size()
    modules = size + 2 * QUIET_ZONE
    scale = max(1, int(canvas.width) // modules)
    canvas.width = canvas.height = modules * scale
    ctx = canvas.getContext("2d")
    ctx.fillStyle = "#ffffff"
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.fillStyle = "#000000"
    for y in range(size):
        for x in range(size):
            if code.get_module(x, y):
                ctx.fillRect((x + QUIET_ZONE) * scale, (y + QUIET_ZONE) * scale, scale, scale)
