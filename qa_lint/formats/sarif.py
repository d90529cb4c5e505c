"""`sarif`: SARIF 2.1.0 as GitHub code scanning reads it.

Columns are Unicode code points, as everywhere in qa-lint, and the run says so
(`columnKind`), so Persian, Vietnamese and emoji lines are placed right.
"""

from __future__ import annotations

import json
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..model import Finding, Severity
from . import Format

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference; absolute paths (outside the working folder) as file URIs."""
    uri = quote(path.encode("utf-8", "surrogateescape"), safe="/")  # a non-UTF-8 name keeps its bytes: %E9
    return "file://" + uri if path.startswith("/") else uri


def region(start, end) -> dict:
    # SARIF ends are exclusive like ours; an empty span stays empty.
    return {
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    }


class SarifFormat(Format):
    name = "sarif"
    description = "SARIF 2.1.0 (GitHub code scanning)"

    def write(self, report, stream: TextIO) -> None:
        stream.write(json.dumps(self.document(report), ensure_ascii=False, indent=2) + "\n")

    def document(self, report) -> dict:
        codes = sorted({f.code for f in report.findings})
        index = {code: position for position, code in enumerate(codes)}
        run = {
            "tool": {
                "driver": {
                    "name": "qa-lint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": [self._rule(code, report) for code in codes],
                }
            },
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not report.internal_errors}],
            "results": [self._result(f, index[f.code]) for f in report.findings],
        }
        return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}

    def _rule(self, code: str, report) -> dict:
        rule = self.registry.rules.get(code)
        if rule is None:  # a finding from a rule no longer registered: describe it from the finding
            finding = next(f for f in report.findings if f.code == code)
            return {"id": code, "name": finding.name, "properties": {"category": finding.category.value}}
        what = " ".join(rule.what.split()) or rule.summary
        why = " ".join(rule.why.split())
        return {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary or rule.name},
            "fullDescription": {"text": what},
            "help": {
                "text": f"{what}\n\nWhy: {why}" if why else what,
                "markdown": f"## What it does\n{rule.what}\n\n## Why is this bad?\n{rule.why}",
            },
            "defaultConfiguration": {"level": _LEVELS[rule.severity]},
            "properties": {"category": rule.category.value, "tags": [rule.category.value], "origin": rule.origin},
        }

    def _result(self, finding: Finding, rule_index: int) -> dict:
        location = {"uri": artifact_uri(finding.path)}
        result = {
            "ruleId": finding.code,
            "ruleIndex": rule_index,
            "level": _LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {"physicalLocation": {"artifactLocation": location, "region": region(finding.start, finding.end)}}
            ],
            "partialFingerprints": {"qaLintFingerprint/v1": finding.fingerprint},
        }
        if finding.lang:
            result["properties"] = {"lang": finding.lang}
        if finding.fix:
            result["fixes"] = [
                {
                    "description": {"text": finding.fix.message},
                    "properties": {"applicability": finding.fix.applicability.value},
                    "artifactChanges": [
                        {
                            "artifactLocation": dict(location),
                            "replacements": [
                                {"deletedRegion": region(e.start, e.end), "insertedContent": {"text": e.content}}
                                for e in finding.fix.edits
                            ],
                        }
                    ],
                }
            ]
        return result
