"""R's outgoing video: a canvas that draws the SAS colour, emoji and number over R's camera.

Without a camera (denied, absent) it draws the colour and emoji alone. The canvas is
redrawn on a timer rather than requestAnimationFrame, which stops in background tabs.
"""

from __future__ import annotations

from typing import Any

import js
from pyodide.ffi import JsException, create_proxy

from ..core.sas import Sas
from .jsutil import obj

FPS = 12
BORDER = 28


class OverlayVideo:
    def __init__(self, canvas: Any, camera: Any, connecting: str) -> None:
        """Draw on ``canvas``, the camera (once allowed) in the ``camera`` video element;
        ``connecting`` is the caption until the code is known."""
        self._canvas = canvas
        self._connecting = connecting
        self._camera = camera
        self._ctx = canvas.getContext("2d")
        self._sas: Sas | None = None
        self._camera_stream: Any = None
        self._timer: Any = None
        self._tick = create_proxy(self._draw)
        self.stream: Any = None

    def start(self) -> None:
        """Start drawing: the colour and emoji alone until a camera is attached."""
        self._draw()
        self._timer = js.setInterval(self._tick, int(1000 / FPS))
        self.stream = self._canvas.captureStream(FPS)

    async def attach_camera(self) -> bool:
        """Ask for the camera and draw it under the overlay; return whether it is there.

        The person may take their time over the browser's prompt: the canvas is already
        being sent, so the connection goes on meanwhile with the colour and emoji alone.
        """
        if not js.navigator.mediaDevices:
            return False
        try:
            constraints = obj(video=obj(width=640, height=480), audio=False)
            camera_stream = await js.navigator.mediaDevices.getUserMedia(constraints)
        except JsException:
            return False
        if self.stream is None:  # the session ended while the prompt was open
            for track in camera_stream.getTracks():
                track.stop()
            return False
        self._camera_stream = camera_stream
        self._camera.srcObject = camera_stream
        try:
            await self._camera.play()
        except JsException:
            return False
        return True

    def show_sas(self, sas: Sas) -> None:
        self._sas = sas
        self._draw()

    def _draw(self, *_: Any) -> None:
        ctx, width, height = self._ctx, self._canvas.width, self._canvas.height
        if self._camera_stream is not None and self._camera.readyState >= 2:
            ctx.drawImage(self._camera, 0, 0, width, height)
        else:
            ctx.fillStyle = "#1f2a44"
            ctx.fillRect(0, 0, width, height)
        if self._sas is None:
            self._caption(self._connecting, "#ffffff", "rgba(0,0,0,0.55)")
            return
        _name, colour = self._sas.colour
        ctx.lineWidth = BORDER
        ctx.strokeStyle = colour
        ctx.strokeRect(BORDER / 2, BORDER / 2, width - BORDER, height - BORDER)
        ctx.fillStyle = colour
        ctx.fillRect(BORDER, height - 150, width - 2 * BORDER, 150 - BORDER)
        ctx.fillStyle = self._sas.text_colour
        ctx.font = "44px 'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji', sans-serif"
        ctx.textAlign = "center"
        slot = (width - 2 * BORDER) / len(self._sas.emoji)
        for i, (glyph, _word) in enumerate(self._sas.emoji):
            ctx.fillText(glyph, BORDER + slot * (i + 0.5), height - 82)
        # The number, not the colour's name: it reads the same in every language.
        ctx.font = "bold 26px ui-monospace, Menlo, monospace"
        ctx.fillText(self._sas.number, width / 2, height - 42)

    def _caption(self, text: str, ink: str, band: str) -> None:
        ctx, width, height = self._ctx, self._canvas.width, self._canvas.height
        ctx.fillStyle = band
        ctx.fillRect(0, height - 80, width, 80)
        ctx.fillStyle = ink
        ctx.font = "bold 28px system-ui, sans-serif"
        ctx.textAlign = "center"
        ctx.fillText(text, width / 2, height - 30)

    def close(self) -> None:
        if self._timer is not None:
            js.clearInterval(self._timer)
            self._timer = None
        for stream in (self.stream, self._camera_stream):
            if stream is not None:
                for track in stream.getTracks():
                    track.stop()
        self._camera.srcObject = None
        self.stream = self._camera_stream = None
        self._tick.destroy()
