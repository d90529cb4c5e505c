"""`github`: GitHub Actions workflow commands, shown as annotations on the pull request.

    ::error file=fa/a.txt,line=3,col=1,endLine=3,endColumn=9,title=B001 comment-counter::message
"""

from __future__ import annotations

from typing import TextIO

from ..model import Finding, Severity
from . import Format

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The message after `::`: percent signs and line breaks would end or garble the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A `key=value` property: additionally `:` and `,`, which separate properties and the message."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    start, end = finding.start, finding.end
    # Our ends are exclusive: a span ending at the start of a line ends on the line before.
    end_line = end.line - 1 if end.line > start.line and end.column == 1 else end.line
    properties = [("file", finding.path), ("line", start.line)]
    if end_line == start.line:
        # GitHub ignores columns on annotations spanning several lines; give them only on one.
        properties += [("col", start.column), ("endLine", end_line), ("endColumn", max(end.column, start.column))]
    else:
        properties.append(("endLine", end_line))
    properties.append(("title", f"{finding.code} {finding.name}"))
    fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{_COMMANDS[finding.severity]} {fields}::{escape_data(finding.message)}"


class GithubFormat(Format):
    name = "github"
    description = "GitHub Actions annotations (workflow commands)"

    def write(self, report, stream: TextIO) -> None:
        stream.write("".join([annotation(finding) + "\n" for finding in report.findings]))
