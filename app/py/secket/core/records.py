"""``Record``: the base of the frozen value classes that say what happened or what to do.

Frames, session events, the page's inputs and effects are many small classes. Deriving
from ``Record`` makes each a frozen value class with what ``@dataclass(frozen=True)`` would
give it: ``__init__`` taking the annotated fields in order (defaults and ``field(repr=False,
default_factory=...)`` as dataclasses take them), ``__repr__`` leaving out the fields marked
``repr=False`` (the ones that hold a secret), ``__eq__``, ``__hash__``, ``__match_args__``,
a ``__post_init__`` called once the fields are set, and ``FrozenInstanceError`` on
assignment. Type checkers read it through PEP 681's
``dataclass_transform``.

It is not ``dataclasses.dataclass`` because of the page's start: a dataclass compiles its
methods from source text when its class is made, about 0.8 ms a class in the browser's
Python, and the page defines some 100 records before its first button works (0.2-0.3 s on
a phone's CPU; docs/benchmarks.md). These methods are written once, here, and shared.
"""

from __future__ import annotations

import sys
from dataclasses import MISSING, Field, FrozenInstanceError, field
from typing import Any, ClassVar, dataclass_transform

if sys.version_info >= (3, 14):
    from annotationlib import Format, get_annotations

    def _annotations(cls: type) -> dict[str, Any]:
        return dict(get_annotations(cls, format=Format.FORWARDREF))

else:  # a class's own annotations; strings under `from __future__ import annotations`
    from inspect import get_annotations

    def _annotations(cls: type) -> dict[str, Any]:
        return dict(get_annotations(cls))


class _Factory:
    """A field's ``default_factory``, kept apart from plain defaults."""

    __slots__ = ("make",)

    def __init__(self, make: Any) -> None:
        self.make = make


def _is_class_var(annotation: object) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return annotation is ClassVar or getattr(annotation, "__origin__", None) is ClassVar


def _field_default(cls: type, name: str, value: Field[Any]) -> object:
    """What a ``field(...)`` leaves as the default, refusing what Record does not do."""
    unsupported = not value.init or not value.compare or value.hash is not None
    if unsupported or value.kw_only not in (MISSING, False) or value.metadata:
        raise TypeError(
            f"{cls.__name__}.{name}: Record fields take only repr, default and default_factory"
        )
    if value.default_factory is not MISSING:
        return _Factory(value.default_factory)
    return value.default


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class Record:
    #: The fields, in ``__init__``'s order (a subclass's after its base's).
    record_fields: ClassVar[tuple[str, ...]] = ()
    #: The fields ``__repr__`` shows.
    _shown: ClassVar[tuple[str, ...]] = ()
    #: Field name -> its default (a ``_Factory`` for a ``default_factory``).
    _defaults: ClassVar[dict[str, object]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = list(cls.record_fields)
        hidden = set(names) - set(cls._shown)
        defaults = dict(cls._defaults)
        for name, annotation in _annotations(cls).items():
            if _is_class_var(annotation):
                continue
            value = cls.__dict__.get(name, MISSING)
            shown = True
            if isinstance(value, Field):
                shown = value.repr
                value = _field_default(cls, name, value)
                if value is MISSING or isinstance(value, _Factory):
                    delattr(cls, name)  # as dataclasses do: no class attribute to fall back on
                else:
                    setattr(cls, name, value)
            if name not in names:
                names.append(name)
            (hidden.discard if shown else hidden.add)(name)
            if value is not MISSING:
                defaults[name] = value
            elif name in defaults:
                del defaults[name]
        seen_default = ""
        for name in names:
            if name in defaults:
                seen_default = name
            elif seen_default:
                raise TypeError(
                    f"non-default argument {name!r} follows default argument {seen_default!r}"
                )
        cls.record_fields = tuple(names)
        cls._shown = tuple(name for name in names if name not in hidden)
        cls._defaults = defaults
        type.__setattr__(cls, "__match_args__", cls.record_fields)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        names = cls.record_fields
        if len(args) > len(names):
            raise TypeError(
                f"{cls.__qualname__}() takes {len(names)} positional arguments"
                f" but {len(args)} were given"
            )
        values = dict(zip(names, args, strict=False))
        for name, value in kwargs.items():
            if name not in names:
                raise TypeError(f"{cls.__qualname__}() got an unexpected keyword argument {name!r}")
            if name in values:
                raise TypeError(f"{cls.__qualname__}() got multiple values for argument {name!r}")
            values[name] = value
        missing = [name for name in names if name not in values and name not in cls._defaults]
        if missing:
            raise TypeError(
                f"{cls.__qualname__}() missing {len(missing)} required argument(s): "
                + ", ".join(map(repr, missing))
            )
        for name in names:
            if name in values:
                value = values[name]
            else:
                value = cls._defaults[name]
                if isinstance(value, _Factory):
                    value = value.make()
            object.__setattr__(self, name, value)
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.record_fields)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
