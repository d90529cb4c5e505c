"""`json` (one array) and `jsonl` (one finding per line): findings as `Finding.to_dict` gives them."""

from __future__ import annotations

import json
from typing import TextIO

from . import Format


class JsonFormat(Format):
    name = "json"
    description = "one JSON array of findings"

    def write(self, report, stream: TextIO) -> None:
        stream.write(json.dumps([f.to_dict() for f in report.findings], ensure_ascii=False, indent=2) + "\n")


# Line separators JSON may carry raw but line-based readers (str.splitlines) split on.
_LINE_BREAKING = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


# What `json.dumps(value, ensure_ascii=False)` uses, made once rather than for every finding.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def json_line(value) -> str:
    """One JSON document on exactly one line, whatever text the findings quote."""
    line = _ENCODE(value)
    if "\u2028" in line or "\u2029" in line or "\x85" in line:  # rare; translate() is slow on long text
        line = line.translate(_LINE_BREAKING)
    return line + "\n"


class JsonLinesFormat(Format):
    name = "jsonl"
    description = "one JSON object per finding, one per line"

    def write(self, report, stream: TextIO) -> None:
        stream.write("".join([json_line(finding.to_dict()) for finding in report.findings]))
