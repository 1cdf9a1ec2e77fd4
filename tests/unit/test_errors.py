"""One error tree: every error under SecketError, a code each, all listed in the docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import secket.core.errors as errors_module
import secket_server.protocol  # noqa: F401  (its errors are the core's, imported here too)
from secket.core.errors import (
    MalformedLinkError,
    SecketError,
    ServerCode,
    ServerRefusedError,
    UnreachableError,
    refusal,
)
from secket.i18n import render
from secket.i18n.en import MESSAGES

ROOT = Path(__file__).parents[2]
#: Codes set outside Python: app/boot.js's "Secket could not start".
SET_BY_BOOT_JS = {"not-started"}


def every_error() -> list[type[SecketError]]:
    found: list[type[SecketError]] = []
    todo: list[type[SecketError]] = [SecketError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_error_is_defined_in_core_errors() -> None:
    assert {cls.__module__ for cls in every_error()} == {errors_module.__name__}


def test_no_two_errors_share_a_code() -> None:
    codes = [cls.code for cls in every_error()]
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)


def test_each_server_code_is_the_code_of_one_refusal() -> None:
    refusals = ServerRefusedError.__subclasses__()
    assert sorted(cls.code for cls in refusals) == sorted(ServerCode)
    for code in ServerCode:
        assert type(refusal(code)).code == code
    assert type(refusal("from-a-newer-server")) is ServerRefusedError


def test_every_error_and_reason_has_an_english_sentence() -> None:
    for cls in every_error():
        assert f"error.{cls.code}" in MESSAGES, cls
        for reason in cls.reasons:
            assert f"error.{cls.code}.{reason}" in MESSAGES, (cls, reason)


def test_an_error_says_its_sentence_and_keeps_its_raisers_own_as_a_detail() -> None:
    plain = UnreachableError(reason="lost")
    assert plain.message == render(plain.text, MESSAGES) == MESSAGES["error.unreachable.lost"]
    assert plain.detail is None
    precise = MalformedLinkError("pasted into the wrong field", reason="damaged")
    assert precise.message == precise.detail == "pasted into the wrong field"
    assert precise.text.key == "error.bad-link.damaged"
    with pytest.raises(ValueError, match="no reason"):
        MalformedLinkError(reason="not-a-reason")


def test_a_refusal_keeps_the_servers_sentence_only_where_it_says_more() -> None:
    assert refusal("rate-limited", MESSAGES["error.rate-limited"]).detail is None
    assert refusal("rate-limited", "Too many joins.").detail == "Too many joins."


def test_the_automation_doc_lists_every_code() -> None:
    text = (ROOT / "docs" / "automation.md").read_text()
    section = text.split("### `data-code` values", 1)[1].split("\n### ", 1)[0]
    listed = re.findall(r"^\| `([a-z-]+)` \|", section, re.MULTILINE)[1:]  # after the head
    assert len(listed) == len(set(listed))
    assert set(listed) == {cls.code for cls in every_error()} | SET_BY_BOOT_JS
    assert all(code in (ROOT / "app" / "boot.js").read_text() for code in SET_BY_BOOT_JS)
