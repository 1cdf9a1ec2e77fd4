"""``Record`` behaves as ``@dataclass(frozen=True)`` would, in the tests' Python and in the
page's (Pyodide's 3.14, where a class's annotations are read through ``annotationlib``).

The probe below defines each shape twice, as a Record and as a frozen dataclass, and writes
down what a caller can see of both: the fields, reprs, equality, hashes, ``match``, the
errors of a wrong call or an assignment. Both columns must agree, in both Pythons."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from types import ModuleType

import pytest

from secket import i18n
from secket.core import display, events, link, negotiation, sas, secret_text, session, wire
from secket.core.records import Record
from secket.i18n import languages
from secket.page import effects, inputs

from .pyodide_node import run_in_cpython, run_in_pyodide

PROBE = r'''
from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, dataclass, field
from typing import ClassVar

from secket.core.records import Record


class Plain(Record):
    name: str
    count: int


class Hidden(Record):
    label: str
    secret: bytes = field(repr=False)
    reason: str = ""
    kinds: tuple[str, ...] = ()
    tags: list[str] = field(default_factory=list)
    LIMIT: ClassVar[int] = 3  # not a field


class Child(Hidden):
    extra: bool = False


class Checked(Record):
    count: int

    def __post_init__(self):
        if self.count < 0:
            raise ValueError("negative")


@dataclass(frozen=True)
class PlainD:
    name: str
    count: int


@dataclass(frozen=True)
class HiddenD:
    label: str
    secret: bytes = field(repr=False)
    reason: str = ""
    kinds: tuple[str, ...] = ()
    tags: list[str] = field(default_factory=list)


HiddenD.LIMIT = 3  # a dataclass in exec'd code reads a ClassVar annotation as a field


@dataclass(frozen=True)
class ChildD(HiddenD):
    extra: bool = False


@dataclass(frozen=True)
class CheckedD:
    count: int

    def __post_init__(self):
        if self.count < 0:
            raise ValueError("negative")


def outcome(make):
    try:
        return ["ok", repr(make())]
    except Exception as exc:  # the kind of error a caller gets
        return ["error", type(exc).__name__]


def matched(value):
    match value:
        case Plain(name, count) | PlainD(name, count):
            return ["plain", name, count]
        case Child(label, secret, extra=extra) | ChildD(label, secret, extra=extra):
            return ["child", label, secret.hex(), extra]
        case Hidden(label, secret, reason) | HiddenD(label, secret, reason):
            return ["hidden", label, secret.hex(), reason]
    return None


def assign(value):
    try:
        value.name = "other"
    except FrozenInstanceError:
        return "frozen"
    return "assigned"


def delete(value):
    try:
        del value.label
    except FrozenInstanceError:
        return "frozen"
    return "deleted"


def column(plain, hidden, child, checked):
    a, b = plain("a", 1), hidden("x", b"\x01\x02")
    c = child("y", b"\x03", "why", ("k",), ["t"], True)
    return {
        "repr": [repr(a), repr(b), repr(c)],
        "match_args": [plain.__match_args__, hidden.__match_args__, child.__match_args__],
        "equal": [a == plain("a", 1), a == plain("a", 2), a == plain(name="a", count=1),
                  b == hidden("x", b"\x01\x02", tags=[]), a != ("a", 1)],
        "hash": hash(a) == hash(plain("a", 1)),
        "unhashable": outcome(lambda: hash(b)),  # a list field, as in a dataclass
        "fresh_factory": hidden("x", b"").tags is not hidden("x", b"").tags,
        "defaults": [b.reason, b.kinds, b.tags, c.extra, hidden.LIMIT],
        "match": [matched(a), matched(b), matched(c)],
        "assign": [assign(a), delete(b)],
        "calls": [
            outcome(lambda: plain("a")),
            outcome(lambda: plain("a", 1, 2)),
            outcome(lambda: plain("a", count=1, name="b")),
            outcome(lambda: plain("a", 1, colour="red")),
            outcome(lambda: hidden(label="x", secret=b"")),
            outcome(lambda: child("y", b"", extra=True)),
            outcome(lambda: checked(1)),
            outcome(lambda: checked(-1)),  # __post_init__ runs, once the fields are set
        ],
        "class_attributes": [hasattr(hidden, "tags"), getattr(hidden, "reason", None)],
    }


def normal(text):
    """The class names differ by the D suffix only."""
    return json.loads(json.dumps(text).replace("D(", "(").replace("PlainD", "Plain")
                      .replace("HiddenD", "Hidden").replace("ChildD", "Child")
                      .replace("CheckedD", "Checked"))


def bad_order():
    try:
        class Late(Record):
            first: int = 0
            second: int
    except TypeError:
        return "refused"
    return "made"


def bad_field():
    try:
        class Odd(Record):
            value: int = field(default=0, compare=False)
    except TypeError:
        return "refused"
    return "made"


RESULT = json.dumps({
    "record": normal(column(Plain, Hidden, Child, Checked)),
    "dataclass": normal(column(PlainD, HiddenD, ChildD, CheckedD)),
    "order": bad_order(),
    "unsupported": bad_field(),
})
'''


@pytest.fixture(scope="module")
def here() -> dict[str, object]:
    return dict(json.loads(run_in_cpython(PROBE)))


def test_a_record_shows_what_a_frozen_dataclass_shows(here: dict[str, object]) -> None:
    record, dataclass_ = here["record"], here["dataclass"]
    assert isinstance(record, dict)
    assert isinstance(dataclass_, dict)
    for key, value in dataclass_.items():
        assert record[key] == value, key


def test_a_secret_field_is_left_out_of_the_repr(here: dict[str, object]) -> None:
    record = here["record"]
    assert isinstance(record, dict)
    plain, hidden, child = record["repr"]
    assert plain == "Plain(name='a', count=1)"
    assert hidden == "Hidden(label='x', reason='', kinds=(), tags=[])"
    assert "03" not in child
    assert "secret" not in child
    assert record["assign"] == ["frozen", "frozen"]


def test_a_record_refuses_what_a_dataclass_would(here: dict[str, object]) -> None:
    assert here["order"] == "refused"
    assert here["unsupported"] == "refused"  # not silently unlike a dataclass


def test_the_page_python_makes_the_same_records(here: dict[str, object], tmp_path: Path) -> None:
    version, result = run_in_pyodide(PROBE, tmp_path)
    assert version.startswith("(3, 14)"), version
    assert json.loads(result) == here


def declared(module: ModuleType) -> dict[str, tuple[list[str], list[str]]]:
    """Class name -> (its annotated fields, those marked ``repr=False``), read from the
    module's source, ClassVars left out: what a frozen dataclass would take."""
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    found: dict[str, tuple[list[str], list[str]]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        names, hidden = [], []
        for item in node.body:
            if not isinstance(item, ast.AnnAssign) or not isinstance(item.target, ast.Name):
                continue
            if ast.unparse(item.annotation).startswith("ClassVar"):
                continue
            names.append(item.target.id)
            if isinstance(item.value, ast.Call) and ast.unparse(item.value.func) == "field":
                keywords = {k.arg: ast.unparse(k.value) for k in item.value.keywords}
                if keywords.get("repr") == "False":
                    hidden.append(item.target.id)
        found[node.name] = (names, hidden)
    return found


RECORD_MODULES = [effects, inputs, events, wire, display, secret_text, link, sas, negotiation]
RECORD_MODULES += [session, i18n, languages]


@pytest.mark.parametrize("module", RECORD_MODULES, ids=lambda m: m.__name__)
def test_every_record_takes_and_hides_the_fields_its_source_says(module: ModuleType) -> None:
    classes = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Record)
        and value.__module__ == module.__name__
    ]
    assert classes, module.__name__
    source = declared(module)
    for cls in classes:
        names, hidden = source[cls.__name__]
        assert cls.record_fields == tuple(names), cls.__name__
        assert cls.__match_args__ == tuple(names), cls.__name__
        assert set(cls.record_fields) - set(cls._shown) == set(hidden), cls.__name__
