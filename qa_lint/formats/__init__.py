"""Output formats. Each is a `Format` subclass registered through `qa_lint_register_formats`."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TextIO

if TYPE_CHECKING:
    from ..engine import Report
    from ..registry import Registry


class Format:
    name: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def __init__(self, registry: Registry, color: bool = False) -> None:
        self.registry = registry
        self.color = color

    def write(self, report: Report, stream: TextIO) -> None:
        raise NotImplementedError
