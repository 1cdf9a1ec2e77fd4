"""``Record``: the base of the frozen dataclasses that say what happened or what to do.

Frames, session events, the page's inputs and effects are many small classes. Deriving
from ``Record`` makes each a frozen dataclass (with ``eq``, ``repr`` and ``match`` support),
with no decorator to repeat on every one; type checkers read it through PEP 681's
``dataclass_transform``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, dataclass_transform


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class Record:
    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(frozen=True)(cls)
