"""`json` (one array) and `jsonl` (one finding per line): findings as `Finding.to_dict` gives them."""

from __future__ import annotations

import json
from typing import TextIO

from . import Format

# Findings written at a time: the report of a big archive is not built whole in memory (as dicts, as
# one string and its encoded bytes), nor sent one small write at a time to an unbuffered stream.
_CHUNK = 1000


class JsonFormat(Format):
    name = "json"
    description = "one JSON array of findings"

    def write(self, report, stream: TextIO) -> None:
        findings = report.findings
        if not findings:
            stream.write("[]\n")
            return
        # What json.dumps(findings, indent=2) writes, a chunk at a time: each element on its own
        # lines, indented one level (JSON text holds no raw line break but those of its layout).
        for start in range(0, len(findings), _CHUNK):
            elements = (json.dumps(f.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
                        for f in findings[start:start + _CHUNK])
            stream.write(("[\n  " if start == 0 else ",\n  ") + ",\n  ".join(elements))
        stream.write("\n]\n")


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
        findings = report.findings
        for start in range(0, len(findings), _CHUNK):
            stream.write("".join([json_line(finding.to_dict()) for finding in findings[start:start + _CHUNK]]))
