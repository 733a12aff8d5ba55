"""The one shape every command hands to a reporter, and the reporter's signature."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Result:
    """What a command answered: ``kind`` picks the reporters, ``value`` is the answer itself.

    ``plan`` → the plan dict, ``validation`` → a ``Report``, ``drift`` → a ``DriftReport``,
    ``status`` → status rows, ``resolve`` → a runtime ``Decision``, ``apply`` → an
    ``ApplyOutcome``. ``extras`` carries what
    a format adds around the value (diagrams, the environment, where the answer came from).
    """

    kind: str
    value: Any
    color: bool = False
    extras: Mapping[str, Any] = field(default_factory=dict)


Reporter = Callable[[Result], str]
