"""What the page says about a secret's text: its faithful screen, its warning, its box.

Pure decisions the state machine (``machine.py``) takes for the secret's screens: the
rendering of ``core.display`` for R's screen and for S's preview (the same drawing), the
warning shown whenever anything in the text is drawn as a marker, and the byte count and
problem of S's secret box (``core.secret_text``), for any string the browser gives.
"""

from __future__ import annotations

from ..core.display import Kind, Rendering, render
from ..core.secret import MAX_SECRET_BYTES
from ..core.secret_text import Blank, LoneSurrogate, Sendable, TooLarge, check_secret
from ..i18n import Msg
from . import effects as fx
from .inputs import Clipboard


def warning(rendering: Rendering, reader: str) -> fx.SecretWarning | None:
    """The warning beside a rendering with markers, worded for its ``reader`` ("receiver"
    reads a secret, "sender" the preview of hers); None when nothing is marked."""
    kinds = [kind for kind in Kind if kind in rendering.kinds]
    if not kinds:
        return None
    found = tuple(Msg(f"kind.{kind.value}") for kind in kinds)
    return fx.SecretWarning(Msg(f"warning.marked.{reader}"), found, rendering.data_kinds)


def sendable(text: str) -> bool:
    """Whether S's box holds a text Send takes (what ``draft`` says, without drawing it)."""
    return isinstance(check_secret(text), Sendable)


def draft(text: str) -> fx.ShowDraft:
    """S's box holds ``text``: what the page shows under it."""
    check = check_secret(text)
    problem: fx.BoxProblem | None = None
    if isinstance(check, Blank):
        problem = fx.BoxProblem(check.code, Msg(f"error.{check.code}"))
    elif isinstance(check, LoneSurrogate):
        where = {"position": check.index + 1}
        problem = fx.BoxProblem(check.code, Msg("secret.problem.surrogate", where))
    elif isinstance(check, TooLarge):
        # Said once, in the problem's live region; the count beside it changes at every key.
        problem = fx.BoxProblem(check.code, Msg(f"error.{check.code}"))
    size = len(text.encode("utf-8", "surrogatepass"))
    count = Msg("secret.count", {"size": size, "limit": MAX_SECRET_BYTES})
    if not text:
        return fx.ShowDraft(count, None, False, None, None)
    rendering = render(text)
    preview = warning(rendering, "sender")
    return fx.ShowDraft(count, problem, isinstance(check, Sendable), rendering, preview)


class Held:
    """R's secret, from the moment it opened until Done (or Start over), and whether Copy
    put it on the clipboard: the one place the page keeps it."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.copied = False

    def opened(self, text: str) -> fx.ShowSecret:
        self.text, self.copied = text, False
        rendering = render(text)
        return fx.ShowSecret(rendering, warning(rendering, "receiver"))

    def copy(self) -> list[fx.Effect]:
        if self.text is None:
            return []
        self.copied = True
        return [fx.CopySecret(self.text)]

    def done(self) -> tuple[Msg, list[fx.Effect]]:
        """Done's sentence, and the clipboard's clean-up if the secret was copied; the page
        forgets the secret. Until the clipboard is read back (or if it cannot be), a copied
        secret may still be there, and the sentence says so rather than claim it is gone."""
        text, self.text = self.text, None
        if not self.copied or text is None:
            return Msg("end.done.lead"), []
        return Msg("end.done.lead.clipboard"), [fx.ClearClipboard(text)]

    def checked(self, found: Clipboard) -> Msg | None:
        """Done's sentence once the clipboard was looked at; None if nothing changed."""
        copied, self.copied = self.copied, False
        if not copied or found is Clipboard.UNKNOWN:
            return None
        return Msg(
            "end.done.lead.clipboard-cleared" if found is Clipboard.CLEARED else "end.done.lead"
        )

    def wipe(self) -> None:
        """An ending took the secret off the screen."""
        self.text = None

    def forget(self) -> None:
        """Start over: nothing of the last secret counts any more."""
        self.text, self.copied = None, False
