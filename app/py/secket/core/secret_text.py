"""The rules for the text in the secret box, checked before Send may be pressed.

:func:`check_secret` is the one rule for what a sender may send: the page's byte counter and
Send button show what it says, and the session enforces it (:func:`encode_secret`). It takes
whatever string the browser gives (a paste, an IME, Firefox's
typed emoji arriving as a lone UTF-16 surrogate first) and never raises: it answers
:class:`Sendable` with the size in UTF-8 bytes, or a problem the page shows at the box
while Send stays disabled. Each problem has a stable ``code`` and a sentence for people.
"""

from __future__ import annotations

from .display import Kind, char_kind
from .errors import (
    BlankSecretError,
    BrokenSecretError,
    EmptySecretError,
    SecketError,
    SecretTooLargeError,
)
from .records import Record
from .secret import MAX_SECRET_BYTES

#: Kinds of character that draw nothing a person could read back.
_UNSEEN = frozenset((Kind.BIDI, Kind.INVISIBLE, Kind.CONTROL, Kind.SPACE, Kind.VARIATION, Kind.TAG))


class Sendable(Record):
    """The text may be sent; ``size`` is its length in UTF-8 bytes."""

    size: int


class Empty(Record):
    """Nothing typed yet: Send waits, and there is nothing to say."""

    code = EmptySecretError.code
    message = ""


class Blank(Record):
    """Only spaces, line breaks or invisible characters."""

    code = BlankSecretError.code
    message = (
        "The secret is only spaces, line breaks or invisible characters: there is nothing "
        "to send. Type or paste the secret."
    )


class LoneSurrogate(Record):
    """Half of a UTF-16 surrogate pair without its other half: not a character at all."""

    #: Where it is, in code points (Python) and in UTF-16 units (the box's selection).
    index: int
    utf16_offset: int
    code = BrokenSecretError.code

    @property
    def message(self) -> str:
        return (
            f"Character {self.index + 1} of the secret is broken (half of a character, "
            "as some keyboards and pastes leave it). Delete it and type that character again."
        )


class TooLarge(Record):
    """More than ``limit`` bytes of UTF-8."""

    size: int
    limit: int = MAX_SECRET_BYTES
    code = SecretTooLargeError.code

    @property
    def message(self) -> str:
        return f"The secret is {self.size:,} bytes; at most {self.limit:,} can be sent."


Problem = Empty | Blank | LoneSurrogate | TooLarge
Check = Sendable | Problem


def check_secret(text: str) -> Check:
    """Whether ``text`` can be sent, and if not, why; any ``str`` at all."""
    if not text:
        return Empty()
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        # Only a surrogate code point fails: UTF-8 cannot hold one, not even beside its
        # partner (the browser hands a valid pair over as one code point).
        return _lone_surrogate(text, error.start)
    if size > MAX_SECRET_BYTES:
        return TooLarge(size)
    if all(char.isspace() or char_kind(ord(char)) in _UNSEEN for char in text):
        return Blank()
    return Sendable(size)


def _lone_surrogate(text: str, index: int) -> LoneSurrogate:
    astral = sum(1 for char in text[:index] if ord(char) > 0xFFFF)
    return LoneSurrogate(index, index + astral)


_ERRORS: dict[type[Problem], type[SecketError]] = {
    Empty: EmptySecretError,
    Blank: BlankSecretError,
    LoneSurrogate: BrokenSecretError,
    TooLarge: SecretTooLargeError,
}


def encode_secret(text: str) -> bytes:
    """The secret as it is sealed: UTF-8, refused with its problem's error unless
    ``check_secret`` allows it (the page keeps Send disabled then anyway)."""
    check = check_secret(text)
    if not isinstance(check, Sendable):
        raise _ERRORS[type(check)]()
    return text.encode("utf-8")
