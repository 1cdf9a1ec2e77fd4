"""The rules of the secret box: whatever string the browser hands over, an answer, never an
exception."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secket.core.secret import MAX_SECRET_BYTES
from secket.core.secret_text import (
    Blank,
    Empty,
    LoneSurrogate,
    Sendable,
    TooLarge,
    check_secret,
)


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("hunter2", 7),
        ("пароль", 12),
        ("🔑", 4),
        ("  padded secret  ", 17),
        ("\u200bx", 4),
        ("line one\nline two", 17),
        ("é" * (MAX_SECRET_BYTES // 2), MAX_SECRET_BYTES),
    ],
)
def test_sendable_with_its_size_in_utf8(text: str, size: int) -> None:
    assert check_secret(text) == Sendable(size)


def test_empty_says_nothing() -> None:
    assert check_secret("") == Empty()
    assert Empty().message == ""


@pytest.mark.parametrize(
    "text",
    [" ", "   ", "\n", "\t\n \r\n", "\u00a0\u3000", "\u200b", "\u200e\u202e", "\ufe0f", "\x00"],
)
def test_blank_is_refused_with_a_message(text: str) -> None:
    check = check_secret(text)
    assert check == Blank()
    assert check.code == "secret-blank"
    assert "nothing to send" in check.message


@pytest.mark.parametrize(
    ("text", "index", "utf16_offset"),
    [
        ("a\ud83d b", 1, 1),
        ("\ud83d", 0, 0),
        ("abc\ude00", 3, 3),
        # After an astral character (two UTF-16 units), as Firefox delivers a typed emoji.
        ("🙂\ud83d", 1, 2),
        ("🙂🙂x\udfff🙂", 3, 5),
        # A pair split into two code points is no character either.
        ("x\ud83d\ude00", 1, 1),
    ],
)
def test_a_lone_surrogate_is_found_and_named(text: str, index: int, utf16_offset: int) -> None:
    check = check_secret(text)
    assert check == LoneSurrogate(index, utf16_offset)
    assert isinstance(check, LoneSurrogate)
    assert check.code == "secret-surrogate"
    assert f"Character {index + 1} " in check.message
    # The offset is where the browser's own string has it.
    assert len(text[:index].encode("utf-16-le", "surrogatepass")) // 2 == utf16_offset


def test_too_large() -> None:
    check = check_secret("x" * (MAX_SECRET_BYTES + 1))
    assert check == TooLarge(MAX_SECRET_BYTES + 1)
    assert isinstance(check, TooLarge)
    assert check.message == "The secret is 65,537 bytes; at most 65,536 can be sent."
    assert check_secret("🔑" * (MAX_SECRET_BYTES // 4 + 1)) == TooLarge(MAX_SECRET_BYTES + 4)


def test_a_surrogate_is_reported_before_the_size() -> None:
    assert isinstance(check_secret("x" * MAX_SECRET_BYTES * 2 + "\ud800"), LoneSurrogate)


@given(st.text(st.characters(codec=None, exclude_categories=())))
def test_any_string_gets_an_answer(text: str) -> None:
    check = check_secret(text)
    if isinstance(check, Sendable):
        assert check.size == len(text.encode("utf-8")) <= MAX_SECRET_BYTES
        assert text.strip()
    elif isinstance(check, LoneSurrogate):
        assert 0xD800 <= ord(text[check.index]) <= 0xDFFF
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in text[: check.index])
    else:
        assert check.code
