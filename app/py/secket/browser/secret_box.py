"""The sender's secret box: its field, byte count, problem, preview and Send button.

Part of the page's DOM work (``dom.py`` holds one and calls it), kept apart because it
keeps state of its own: the problem on screen, which a live region says again only when it
changes. The field is enabled only once the sender confirmed the code (``UnlockSend``);
whatever string the browser gives goes to the page's machine, which checks it.
"""

from __future__ import annotations

import js

from ..page import effects as fx
from ..page.screen import draft
from .dom_text import PageText
from .faithful import draw
from .jsutil import element as _el
from .jsutil import is_null


class SecretBox:
    def __init__(self, words: PageText) -> None:
        self._words = words
        #: The box's problem on screen: written again only when it changes.
        self._problem: fx.BoxProblem | None = None

    def show(self, shown: fx.ShowDraft) -> None:
        """The count, the problem, the preview and whether Send is enabled for the text."""
        self._words.put("secret-count", shown.count)
        problem, field = _el("secret-problem"), _el("secret-input")
        unchanged, self._problem = shown.problem == self._problem, shown.problem
        if shown.problem is None:
            self._words.clear("secret-problem")
            problem.removeAttribute("data-code")
            field.removeAttribute("aria-invalid")
        elif not unchanged:
            # A live region: said when it appears or changes (another code, another
            # character), not again at every key that leaves it as it was.
            self._words.put("secret-problem", shown.problem.text)
            problem.dataset.code = shown.problem.code
            field.setAttribute("aria-invalid", "true")
        problem.hidden = shown.problem is None
        draw(_el("secret-preview"), shown.preview)
        self._words.warn("preview-warning", shown.warning)
        _el("preview").hidden = shown.preview is None
        _el("send-secret").disabled = not shown.sendable

    def text(self) -> str | None:
        """What Send sends: the field's text, None while the field is locked."""
        field = _el("secret-input")
        return None if field.disabled else str(field.value)

    def unlock(self) -> None:
        field = _el("secret-input")
        field.disabled = False
        field.focus()

    def has_focus(self) -> bool:
        active = js.document.activeElement
        return not is_null(active) and str(active.id) in ("secret-input", "send-secret")

    def lock(self) -> None:
        """Emptied and disabled: no count, problem or preview of what was there."""
        field = _el("secret-input")
        field.value = ""
        field.disabled = True
        _el("send-secret").disabled = True
        self.show(draft(""))
