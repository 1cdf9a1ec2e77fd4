"""All DOM work of the page. Nodes are built with textContent only, never innerHTML.

``Ui.apply`` draws what the page's state machine asks for (``secket.page.effects``), every
sentence rendered from a message key in the page's language by ``dom_text.PageText``, which
keeps every message on screen so that ``UseLanguage`` says it all again in another language
with no reload. When a new screen appears the focus moves to it (``FOCUS``). The person's
actions become inputs posted to the flow's queue, so that there is one data path from a
click to the bytes on the channel (see ``flow.py``). The address bar is read (and its secret
removed) here too.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, assert_never

import js
from pyodide.ffi import create_proxy

from ..core.roles import Role
from ..core.sas import Sas
from ..i18n import Msg
from ..i18n.sas_words import words
from ..page import effects as fx
from ..page import inputs as put
from ..page.screen import draft
from . import clipboard
from .code_view import draw_code, draw_words
from .dom_text import PageText, preferred_languages
from .faithful import draw
from .jsutil import element as _el
from .jsutil import is_null
from .qr import draw_qr
from .secret_box import SecretBox
from .share import can_share, settle, start_sharing

SCREENS = ("home", "share", "join", "verify", "send", "received", "end")
#: Where the focus goes when a screen appears: its heading (``tabindex="-1"``), or what there
#: is to read first. The sender's "send" screen appears with "verify"; its field takes the
#: focus when it unlocks.
FOCUS = {
    "home": "home-title",
    "share": "share-title",
    "join": "join-title",
    "verify": "verify-title",
    "received": "received-secret",
    "end": "end-title",
}


class Ui:
    def __init__(self, post: put.Post) -> None:
        self._post = post
        self._words = PageText()
        #: The code on screen, drawn again with the words of a new language.
        self._code: Sas | None = None
        #: The screen shown last; None until Python shows its first.
        self._screen: str | None = None
        self._box = SecretBox(self._words)
        #: The link on the share screen, and the key of the text shared with it.
        self._shared: tuple[str, str] | None = None
        self._proxies: list[Any] = []
        self._tasks: set[asyncio.Future[None]] = set()
        #: The ``beforeunload`` listener, while leaving the page must ask first.
        self._guard: Any = None
        self._bind("create-receive", "click", lambda e: post(put.Create(Role.RECEIVER)))
        self._bind("create-send", "click", lambda e: post(put.Create(Role.SENDER)))
        self._bind("join", "click", lambda e: post(put.Join()))
        self._bind("sas-match", "click", lambda e: post(put.Match()))
        self._bind("sas-mismatch", "click", lambda e: post(put.Mismatch()))
        self._bind("send-secret", "click", lambda e: self._send())
        self._bind("done", "click", lambda e: post(put.Done()))
        self._bind("start-over", "click", lambda e: post(put.StartOver()))
        self._bind("copy-link", "click", lambda e: self._copy(_el("room-link").value, "copy-link"))
        self._bind("copy-secret", "click", lambda e: post(put.Copy()))
        self._bind("share-link", "click", lambda e: self._share_link())
        # Whatever string the browser gives (a lone surrogate too): the page's machine checks it.
        self._bind(
            "secret-input", "input", lambda e: post(put.Draft(str(_el("secret-input").value)))
        )
        self._bind("room-link", "focus", lambda e: _el("room-link").select())
        self._bind("language", "change", lambda e: post(put.PickLanguage(_el("language").value)))

    def _bind(self, element_id: str, event: str, handler: Callable[[Any], None]) -> None:
        proxy = create_proxy(handler)
        self._proxies.append(proxy)
        _el(element_id).addEventListener(event, proxy)

    def text(self, message: Msg) -> str:
        return self._words.text(message)

    def _say(self, element_id: str, key: str, **params: object) -> None:
        self._words.put(element_id, Msg(key, params))

    # The address bar and the page's elements --------------------------------------------
    def languages(self) -> tuple[str, ...]:
        return preferred_languages()

    def take_fragment(self) -> str:
        """The link's secret leaves the address bar (and the history) before anything else
        happens, even on a browser that turns out not to be supported."""
        fragment = str(js.location.hash)
        if len(fragment) > 1:
            js.history.replaceState(None, "", str(js.location.pathname))
        return fragment

    def video_elements(self) -> tuple[Any, Any]:
        """R's overlay canvas and the (hidden) video element its camera plays in."""
        return _el("overlay-canvas"), _el("camera")

    # What the state machine asks for ----------------------------------------------------
    def apply(self, effect: fx.UiEffect) -> None:
        match effect:
            case fx.PageReady():
                self._ready()
            case fx.UseLanguage(code=code):
                self._words.use(code)
                if self._code is not None:
                    draw_words(self._code, words(self._words.language.code))
            case fx.ShowStatus(state=state, text=text):
                self._status(state, text)
            case fx.ShowHome():
                self._show("home")
            case fx.ShowJoin(opener=opener):
                self._join(opener)
            case fx.ShowShare(link=link, creator=creator):
                self._share(link.url(str(js.location.origin)), creator)
            case fx.ShowSas(sas=sas, role=role):
                self._sas(sas, role)
            case fx.ShowSecret(rendering=rendering, warning=warning):
                draw(_el("received-secret"), rendering)
                self._words.warn("secret-warning", warning)
                self._show("received")
            case fx.ShowDraft():
                self._box.show(effect)
            case fx.LockSend():
                self._lock_send()
            case fx.CopySecret(text=text):
                self._copy(text, "copy-secret")
            case fx.ClearClipboard(text=text):
                self._in_background(self._clear_clipboard(text))
            case fx.ShowEnding(state=state, title=title, lead=lead, code=code):
                self._end(state, title, lead, code)
            case fx.ShowWarning(text=text):
                self._reveal("warning", text)
            case fx.ShowNote(text=text):
                self._reveal("peer-note", text)
            case fx.ShowDetail(text=text):
                self._words.put("detail", text)
            case fx.ForgetPath():
                self._words.clear("path")
                _el("path").removeAttribute("data-path")
            case fx.GuardLeaving(on=on):
                self._guard_leaving(on)
            case fx.ShowRemoteVideo(stream=stream):
                _el("remote-video").srcObject = stream
            case fx.ShowCamera(on=on):
                self._say("local-caption", "camera.on" if on else "camera.off")
            case fx.MarkConfirmed():
                _el("sas-match").disabled = True
                self._focus("verify-title")  # not lost with the button it was on
            case fx.UnlockSend():
                self._box.unlock()
            case fx.ResetPage():
                self._reset()
            case _:
                assert_never(effect)

    def _ready(self) -> None:
        self._box.show(draft(""))  # the byte count, in the page's language from now on
        _el("progress").hidden = True
        for element_id in ("create-receive", "create-send", "join"):
            _el(element_id).disabled = False
        js.window.dispatchEvent(js.Event.new("secket:ready"))

    def _status(self, state: fx.PageState, text: Msg) -> None:
        _el("status").dataset.state = state.value
        self._words.put("status", text)

    def _show(self, *screens: str) -> None:
        for name in SCREENS:
            _el(f"screen-{name}").hidden = name not in screens
        shown, self._screen = self._screen, screens[0]
        if shown != screens[0]:
            _el("peer-note").hidden = True  # a note speaks of the screen it came with
            # The first screen takes the focus only from nobody: the person may already be
            # on the language picker.
            self._focus(FOCUS[screens[0]], unless_taken=shown is None)

    def _focus(self, element_id: str, unless_taken: bool = False) -> None:
        active = js.document.activeElement
        if unless_taken and not is_null(active) and str(active.tagName) not in ("BODY", "HTML"):
            return
        _el(element_id).focus()

    def _reveal(self, element_id: str, text: Msg) -> None:
        self._words.put(element_id, text)
        _el(element_id).hidden = False

    def _end(self, state: fx.PageState, title: Msg, lead: Msg, code: str | None) -> None:
        self._wipe_secret()
        self._forget_link()  # a spent link holds the room's secret: it leaves the page too
        self._lock_send()
        self._status(state, title)
        self._words.put("end-title", title)
        # One sentence: an error's in the error box, with its code; any other in the lead.
        box, sentence = _el("error"), _el("end-lead")
        shown, empty = ("end-lead", "error") if code is None else ("error", "end-lead")
        self._words.put(shown, lead)
        self._words.clear(empty)
        if code is None:
            box.removeAttribute("data-code")
        else:
            box.dataset.code = code
        box.hidden, sentence.hidden = code is None, code is not None
        self._show("end")

    def show_path(self, path: str) -> None:
        """Which way the bytes go: "direct", "relayed" (through a TURN server) or "unknown"."""
        _el("path").dataset.path = path
        self._say("path", f"detail.path.{path}")

    def show_local_video(self, stream: Any) -> None:
        _el("local-video").srcObject = stream

    # Creator and opener -----------------------------------------------------------------
    def _share(self, url: str, creator: Role) -> None:
        role = creator.name.lower()
        self._say("share-lead", f"share.lead.{role}")
        _el("room-link").value = url
        canvas = _el("qr-code")
        draw_qr(canvas, url)
        canvas.dataset.link = url
        self._shared = (url, f"share.text.{role}")
        _el("share-link").hidden = not can_share(url)
        self._show("share")

    def _share_link(self) -> None:
        """Hand the link to the system's share sheet. Called in the click's handler, where
        the browser allows it; cancelled or refused, nothing changes."""
        if self._shared is None:
            return
        url, key = self._shared
        sharing = start_sharing(url, self.text(Msg(key)))
        if sharing is not None:
            self._in_background(settle(sharing))

    def _join(self, opener: Role) -> None:
        role = opener.name.lower()
        self._say("join-title", f"join.title.{role}")
        self._say("join-lead", f"join.lead.{role}")
        self._show("join")

    # Verification -----------------------------------------------------------------------
    def _sas(self, sas: Sas, role: Role) -> None:
        self._code = sas
        self._say("sas-colour-name", f"colour.{sas.colour[0].lower()}")
        draw_code(sas, words(self._words.language.code))
        _el("remote-figure").hidden = role is not Role.SENDER
        _el("local-figure").hidden = role is not Role.RECEIVER
        _el("sas-match").disabled = False
        _el("sas-mismatch").disabled = False
        self._show("verify", "send") if role is Role.SENDER else self._show("verify")

    # Sending ----------------------------------------------------------------------------
    def _send(self) -> None:
        text = self._box.text()
        if text is not None:
            self._post(put.Send(text))

    def _lock_send(self) -> None:
        if self._box.has_focus():
            self._focus("verify-title")  # not lost with the field or the button it was on
        self._box.lock()

    # The clipboard, and leaving the page ------------------------------------------------
    def _copy(self, text: str, button_id: str) -> None:
        self._in_background(self._copy_async(text, button_id))

    async def _copy_async(self, text: str, button_id: str) -> None:
        # Refused (an insecure context, no permission): the person selects and copies.
        self._say(button_id, "copy.done" if await clipboard.write(text) else "copy.failed")

    async def _clear_clipboard(self, text: str) -> None:
        self._post(put.ClipboardChecked(await clipboard.clear_if_holding(text)))

    def _guard_leaving(self, on: bool) -> None:
        if on and self._guard is None:
            self._guard = create_proxy(_ask_before_leaving)
            js.window.addEventListener("beforeunload", self._guard)
        elif not on and self._guard is not None:
            js.window.removeEventListener("beforeunload", self._guard)
            self._guard.destroy()
            self._guard = None

    def _in_background(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _wipe_secret(self) -> None:
        draw(_el("received-secret"), None)
        self._words.warn("secret-warning", None)

    def _reset(self) -> None:
        for element_id in ("error", "warning", "peer-note"):
            _el(element_id).hidden = True
            self._words.clear(element_id)
        _el("error").removeAttribute("data-code")
        self._wipe_secret()
        self._code = None
        self._lock_send()
        self._forget_link()
        self._say("copy-secret", "copy.secret")
        for element_id in ("remote-video", "local-video"):
            _el(element_id).srcObject = None
        self._say("local-caption", "camera.on")
        self._words.clear("detail")
        self.apply(fx.ForgetPath())

    def _forget_link(self) -> None:
        _el("room-link").value = ""
        qr = _el("qr-code")
        qr.getContext("2d").clearRect(0, 0, qr.width, qr.height)
        qr.removeAttribute("data-link")
        self._shared = None
        _el("share-link").hidden = True
        self._say("copy-link", "copy.link")


def _ask_before_leaving(event: Any) -> None:
    """``beforeunload``: the browser asks the person whether to leave (its own words)."""
    event.preventDefault()
    event.returnValue = "leave"  # browsers before the preventDefault() rule ask on this
