"""The catalogues: every language says everything English says, with the same fields."""

from __future__ import annotations

import importlib
import string
from pathlib import Path

import pytest

from secket.i18n import Msg, render
from secket.i18n.en import MESSAGES as ENGLISH

LANGUAGES = sorted(
    path.stem for path in (Path(__file__).parents[2] / "app/py/secket/i18n").glob("*.py")
)
LANGUAGES.remove("__init__")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_every_key_with_the_same_fields(language: str) -> None:
    catalogue = importlib.import_module(f"secket.i18n.{language}").MESSAGES
    assert set(catalogue) == set(ENGLISH)
    for key, template in ENGLISH.items():
        assert fields(catalogue[key]) == fields(template), (language, key)


def test_fields_are_plain_names() -> None:
    for key, template in ENGLISH.items():
        assert all(name.isidentifier() for name in fields(template)), key


def test_a_message_renders_its_parameters() -> None:
    size = Msg("secret.count", {"size": 70000, "limit": 65536})
    assert render(size, ENGLISH) == "70,000 of 65,536 bytes"
