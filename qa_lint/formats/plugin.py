"""Registers the built-in output formats."""

from __future__ import annotations

from ..plugins import hookimpl
from .github import GithubFormat
from .gitlab import GitlabFormat
from .html_report import HtmlFormat
from .json_formats import JsonFormat, JsonLinesFormat
from .junit import JunitFormat
from .reviewdog import RdjsonFormat, RdjsonlFormat
from .sarif import SarifFormat
from .text import ConciseFormat, FullFormat


@hookimpl
def qa_lint_register_formats():
    return [
        FullFormat, ConciseFormat, JsonFormat, JsonLinesFormat,
        SarifFormat, GithubFormat, GitlabFormat, RdjsonFormat, RdjsonlFormat, JunitFormat, HtmlFormat,
    ]
