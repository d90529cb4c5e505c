"""`json` (one array) and `jsonl` (one finding per line): findings as `Finding.to_dict` gives them."""

from __future__ import annotations

import json
from typing import TextIO

from . import Format


class JsonFormat(Format):
    name = "json"
    description = "one JSON array of findings"

    def write(self, report, stream: TextIO) -> None:
        json.dump([f.to_dict() for f in report.findings], stream, ensure_ascii=False, indent=2)
        stream.write("\n")


class JsonLinesFormat(Format):
    name = "jsonl"
    description = "one JSON object per finding, one per line"

    def write(self, report, stream: TextIO) -> None:
        for finding in report.findings:
            stream.write(json.dumps(finding.to_dict(), ensure_ascii=False) + "\n")
