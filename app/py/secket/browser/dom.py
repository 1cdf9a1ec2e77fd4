"""All DOM work of the page. Nodes are built with textContent only, never innerHTML.

The person's actions become items posted to the flow's queue, so that there is one data
path from a click to the bytes on the channel (see ``flow.py``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import js
from pyodide.ffi import JsException, create_proxy

from ..core.roles import Role
from ..core.sas import Sas
from ..core.session import MAX_SECRET_BYTES

Post = Callable[[tuple[Any, ...]], None]

SCREENS = ("home", "share", "join", "verify", "send", "received", "end")
QR_QUIET_ZONE = 4


def _el(element_id: str) -> Any:
    return js.document.getElementById(element_id)


class Ui:
    def __init__(self, post: Post) -> None:
        self._post = post
        self._proxies: list[Any] = []
        self._tasks: set[asyncio.Future[None]] = set()
        self.send_unlocked = False
        self._bind("create-receive", "click", lambda e: post(("ui", "create", Role.RECEIVER)))
        self._bind("create-send", "click", lambda e: post(("ui", "create", Role.SENDER)))
        self._bind("join", "click", lambda e: post(("ui", "join")))
        self._bind("sas-match", "click", lambda e: post(("ui", "match")))
        self._bind("sas-mismatch", "click", lambda e: post(("ui", "mismatch")))
        self._bind("send-secret", "click", lambda e: self._send())
        self._bind("done", "click", lambda e: post(("ui", "done")))
        self._bind("start-over", "click", lambda e: post(("ui", "start-over")))
        self._bind("copy-link", "click", lambda e: self._copy(_el("room-link").value, "copy-link"))
        self._bind(
            "copy-secret",
            "click",
            lambda e: self._copy(_el("received-secret").textContent, "copy-secret"),
        )
        self._bind("secret-input", "input", lambda e: self._count())
        self._bind("room-link", "focus", lambda e: _el("room-link").select())

    def _bind(self, element_id: str, event: str, handler: Callable[[Any], None]) -> None:
        proxy = create_proxy(handler)
        self._proxies.append(proxy)
        _el(element_id).addEventListener(event, proxy)

    # States and screens ---------------------------------------------------------------
    def state(self, state: str, text: str) -> None:
        status = _el("status")
        status.dataset.state = state
        status.textContent = text

    def show(self, *screens: str) -> None:
        for name in SCREENS:
            _el(f"screen-{name}").hidden = name not in screens

    def ready(self) -> None:
        _el("progress").hidden = True
        for element_id in ("create-receive", "create-send", "join"):
            _el(element_id).disabled = False
        js.window.dispatchEvent(js.Event.new("secket:ready"))

    def error(self, message: str, code: str) -> None:
        box = _el("error")
        box.textContent = message
        box.dataset.code = code
        box.hidden = False

    def clear_error(self) -> None:
        _el("error").hidden = True
        _el("warning").hidden = True

    def warning(self, message: str) -> None:
        box = _el("warning")
        box.textContent = message
        box.hidden = False

    def detail(self, text: str) -> None:
        _el("detail").textContent = text

    def path(self, path: str) -> None:
        """Which way the bytes go: "direct", "relayed" (through a TURN server) or "unknown"."""
        detail = _el("detail")
        detail.dataset.path = path
        how = "through a relay server" if path == "relayed" else path
        detail.textContent = f"Connection: {how}, encrypted end to end."

    def end(self, state: str, title: str, lead: str) -> None:
        self.wipe_secret()
        self.forget_link()  # a spent link holds the room's secret: it leaves the page too
        self.lock_send()
        self.state(state, title)
        _el("end-title").textContent = title
        _el("end-lead").textContent = lead
        self.show("end")

    # Creator and opener ---------------------------------------------------------------
    def share(self, url: str, creator: Role) -> None:
        receiving = creator is Role.RECEIVER
        _el("share-lead").textContent = (
            "Send this link to the person who has the secret. When they open it and press "
            "Join, you will compare a code, then they can send."
            if receiving
            else "Send this link to the person who should get the secret. When they open it "
            "and press Join, you will compare a code, then you can send."
        )
        _el("room-link").value = url
        self._draw_qr(url)
        self.show("share")

    def _draw_qr(self, url: str) -> None:
        from qrcodegen import QrCode  # shipped with the app: see pyscript.toml

        code = QrCode.encode_text(url, QrCode.Ecc.MEDIUM)
        canvas = _el("qr-code")
        modules = code.get_size() + 2 * QR_QUIET_ZONE
        scale = max(1, int(canvas.width) // modules)
        canvas.width = canvas.height = modules * scale
        ctx = canvas.getContext("2d")
        ctx.fillStyle = "#ffffff"
        ctx.fillRect(0, 0, canvas.width, canvas.height)
        ctx.fillStyle = "#000000"
        for y in range(code.get_size()):
            for x in range(code.get_size()):
                if code.get_module(x, y):
                    ctx.fillRect(
                        (x + QR_QUIET_ZONE) * scale, (y + QR_QUIET_ZONE) * scale, scale, scale
                    )
        canvas.dataset.link = url

    def forget_link(self) -> None:
        _el("room-link").value = ""
        qr = _el("qr-code")
        qr.getContext("2d").clearRect(0, 0, qr.width, qr.height)
        qr.removeAttribute("data-link")
        _el("copy-link").textContent = "Copy link"

    def join(self, opener: Role) -> None:
        if opener is Role.SENDER:
            _el("join-title").textContent = "Someone is waiting for a secret from you"
            _el("join-lead").textContent = (
                "The person who sent you this link wants you to hand them a secret. After you "
                "both confirm the code, you type it here and it goes straight to their browser, "
                "encrypted to a key only their browser holds."
            )
        else:
            _el("join-title").textContent = "Someone wants to hand you a secret"
            _el("join-lead").textContent = (
                "The person who sent you this link has a secret for you. Your browser makes a "
                "key that never leaves it; the secret is encrypted to that key."
            )
        self.show("join")

    # Verification ---------------------------------------------------------------------
    def sas(self, sas: Sas, role: Role) -> None:
        name, colour = sas.colour
        swatch = _el("sas-colour")
        swatch.style.background = colour
        swatch.style.color = sas.text_colour
        swatch.dataset.colour = colour
        _el("sas-colour-name").textContent = name
        emoji = _el("sas-emoji")
        emoji.replaceChildren()
        for glyph, word in sas.emoji:
            item = js.document.createElement("li")
            for cls, text in (("glyph", glyph), ("word", word)):
                span = js.document.createElement("span")
                span.className = cls
                span.textContent = text
                item.append(span)
            emoji.append(item)
        emoji.dataset.sas = sas.hex
        _el("sas-number").textContent = sas.number
        _el("remote-figure").hidden = role is not Role.SENDER
        _el("local-figure").hidden = role is not Role.RECEIVER
        _el("sas-match").disabled = False
        _el("sas-mismatch").disabled = False
        self.show("verify", "send") if role is Role.SENDER else self.show("verify")

    def confirmed(self) -> None:
        _el("sas-match").disabled = True

    def peer_note(self, text: str) -> None:
        note = _el("peer-note")
        note.textContent = text
        note.hidden = False

    def video(self, element_id: str, stream: Any) -> None:
        _el(element_id).srcObject = stream

    def camera(self, on: bool) -> None:
        """Say under R's own video whether the sender sees R's camera or the overlay alone."""
        _el("local-caption").textContent = (
            "What the sender sees of you."
            if on
            else "What the sender sees of you: the colour and emoji, no camera."
        )

    # Sending --------------------------------------------------------------------------
    def unlock_send(self) -> None:
        self.send_unlocked = True
        field = _el("secret-input")
        field.disabled = False
        field.focus()
        self._count()

    def _count(self) -> int:
        size = len(str(_el("secret-input").value).encode("utf-8"))
        too_big = size > MAX_SECRET_BYTES
        _el("secret-count").textContent = f"{size:,} of {MAX_SECRET_BYTES:,} bytes" + (
            ": too large to send" if too_big else ""
        )
        _el("send-secret").disabled = not (self.send_unlocked and 0 < size <= MAX_SECRET_BYTES)
        return size

    def _send(self) -> None:
        if not self.send_unlocked or not 0 < self._count() <= MAX_SECRET_BYTES:
            return
        field = _el("secret-input")
        text = str(field.value)
        self.lock_send()
        self._post(("ui", "send", text))

    def lock_send(self) -> None:
        self.send_unlocked = False
        field = _el("secret-input")
        field.value = ""
        field.disabled = True
        _el("send-secret").disabled = True

    # Receiving ------------------------------------------------------------------------
    def secret(self, text: str) -> None:
        _el("received-secret").textContent = text
        self.show("received")

    def wipe_secret(self) -> None:
        _el("received-secret").textContent = ""

    def _copy(self, text: str, button_id: str) -> None:
        task = asyncio.ensure_future(self._copy_async(text, _el(button_id)))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _copy_async(self, text: str, button: Any) -> None:
        try:
            await js.navigator.clipboard.writeText(text)
            button.textContent = "Copied"
        except (JsException, AttributeError):
            # No clipboard (an insecure context, or permission refused): the person selects.
            button.textContent = "Copy failed: select it and copy"

    def reset(self) -> None:
        self.clear_error()
        self.wipe_secret()
        self.lock_send()
        _el("peer-note").hidden = True
        self.forget_link()
        _el("copy-secret").textContent = "Copy"
        for element_id in ("remote-video", "local-video"):
            _el(element_id).srcObject = None
        self.camera(True)
        self.detail("")
        _el("detail").removeAttribute("data-path")
