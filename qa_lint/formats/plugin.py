"""Registers the built-in output formats."""

from __future__ import annotations

from ..plugins import hookimpl
from .json_formats import JsonFormat, JsonLinesFormat
from .text import ConciseFormat, FullFormat


@hookimpl
def qa_lint_register_formats():
    return [FullFormat, ConciseFormat, JsonFormat, JsonLinesFormat]
