"""Output formats. Each is a `Format` subclass registered through `qa_lint_register_formats`.

A format builds its text and writes it in one call: with unbuffered standard
output (`PYTHONUNBUFFERED=1`, common in CI) each small write is a system call,
and `json.dump` alone makes some 70 per finding.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, Protocol, TextIO

if TYPE_CHECKING:
    from ..model import Report
    from ..rule import Rule


class Rules(Protocol):
    """What a format needs of the registry (its rules by code): formats never import the linter."""

    @property
    def rules(self) -> Mapping[str, Rule]: ...


class Format:
    name: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def __init__(self, registry: Rules, color: bool = False) -> None:
        self.registry = registry
        self.color = color

    def write(self, report: Report, stream: TextIO) -> None:
        raise NotImplementedError
