"""The json and jsonl formats write a big report a chunk at a time, as json.dumps would write it whole."""

from __future__ import annotations

import io
import json

from qa_lint.formats import json_formats
from qa_lint.model import Category, Finding, Position, Report, Severity


def _report(count: int) -> Report:
    report = Report()
    report.findings = [
        Finding("X001", "x", Category.NAMES, Severity.WARNING, f"line\nbreak «{n}» \u2028 \"q\"", f"fr/{n}.txt",
                Position(1, n + 1), Position(2, 1), "fr", source_line="a")
        for n in range(count)
    ]
    return report


def test_json_in_chunks_is_json_dumps_whole(monkeypatch):
    monkeypatch.setattr(json_formats, "_CHUNK", 3)
    for count in (0, 1, 3, 7):
        report, stream = _report(count), io.StringIO()
        json_formats.JsonFormat(None).write(report, stream)
        expected = json.dumps([f.to_dict() for f in report.findings], ensure_ascii=False, indent=2) + "\n"
        assert stream.getvalue() == expected, count
        lines = io.StringIO()
        json_formats.JsonLinesFormat(None).write(report, lines)
        assert lines.getvalue() == "".join(json_formats.json_line(f.to_dict()) for f in report.findings)
