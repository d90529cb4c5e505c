"""`rdjson` (one document) and `rdjsonl` (one diagnostic per line) for reviewdog.

reviewdog counts columns in UTF-8 bytes; qa-lint counts code points. The start
line's text comes with the finding; another line's (the end of a multi-line
span, an edit elsewhere) is read from the file when its column is past the
first, since a column of 1 is byte 1 on any line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from ..document import Document
from ..model import Finding, Position, Severity
from ..reading import InputProblem, decode
from . import Format
from .json_formats import json_line

_SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}
SOURCE = {"name": "qa-lint"}


def byte_column(line_text: str | None, column: int) -> int:
    """The 1-based UTF-8 byte column of the 1-based code-point `column` in `line_text`."""
    if line_text is None:
        return column  # the line could not be read: code points are the best guess left
    return 1 + len(line_text[: column - 1].encode("utf-8", "surrogatepass"))


class _LineTexts:
    """Lines of the linted files, read only when a position needs one."""

    def __init__(self) -> None:
        self._files: dict[str, list[str] | None] = {}

    def get(self, path: str, number: int) -> str | None:
        if path not in self._files:
            self._files[path] = self._read(path)
        lines = self._files[path]
        return lines[number - 1] if lines is not None and 0 < number <= len(lines) else None

    @staticmethod
    def _read(path: str) -> list[str] | None:
        try:
            text, _, _ = decode(Path(path).read_bytes())
        except (OSError, InputProblem):
            return None
        return [line.text for line in Document(path, Path(path), text, None).lines]


class _Converter:
    def __init__(self) -> None:
        self.lines = _LineTexts()

    def position(self, finding: Finding, where: Position) -> dict:
        if where.column == 1:
            column = 1
        elif where.line == finding.start.line:
            column = byte_column(finding.source_line, where.column)
        else:
            column = byte_column(self.lines.get(finding.path, where.line), where.column)
        return {"line": where.line, "column": column}

    def diagnostic(self, finding: Finding) -> dict:
        result = {
            "message": finding.message,
            "location": {
                "path": finding.path,
                "range": {"start": self.position(finding, finding.start), "end": self.position(finding, finding.end)},
            },
            "severity": _SEVERITIES[finding.severity],
            "source": SOURCE,
            "code": {"value": finding.code},
            "original_output": f"{finding.path}:{finding.start.line}:{finding.start.column}: {finding.code} {finding.message}",
        }
        if finding.fix:
            result["suggestions"] = [
                {
                    "range": {"start": self.position(finding, e.start), "end": self.position(finding, e.end)},
                    "text": e.content,
                }
                for e in finding.fix.edits
            ]
        return result


class RdjsonFormat(Format):
    name = "rdjson"
    description = "reviewdog diagnostic format, one JSON document"

    def write(self, report, stream: TextIO) -> None:
        converter = _Converter()
        document = {
            "source": SOURCE,
            "diagnostics": [converter.diagnostic(f) for f in report.findings],
        }
        stream.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


class RdjsonlFormat(Format):
    name = "rdjsonl"
    description = "reviewdog diagnostic format, one JSON diagnostic per line"

    def write(self, report, stream: TextIO) -> None:
        converter = _Converter()
        stream.write("".join([json_line(converter.diagnostic(finding)) for finding in report.findings]))
