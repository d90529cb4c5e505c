"""`html`: one self-contained review page for an editor (no network, no external files).

An overview per article group and language (counts by family and severity,
small charts), then each article's source and translations side by side,
line by line, every finding marked where it sits with its message and its
fix as a diff, filters by family, severity and language, right-to-left
languages laid out right to left. Text from files is untrusted: everything is
escaped, and the page's content security policy runs no script but its own.
"""

from __future__ import annotations

from typing import TextIO

from .. import Format


class HtmlFormat(Format):
    name = "html"
    description = "a self-contained HTML review page: articles side by side, findings marked, filters"

    def write(self, report, stream: TextIO) -> None:
        from .articles import build
        from .page import render

        render(build(report), report.files_checked, stream.write)
