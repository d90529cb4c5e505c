"""`gitlab`: a GitLab Code Quality report, shown in the merge-request widget.

GitLab drops findings whose fingerprint repeats, so each finding's is made
unique within the report (the findings' own fingerprints are already, except
for findings about a whole file).
"""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

from ..model import Severity
from . import Format

# GitLab's scale: info, minor, major, critical, blocker.
_SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


class GitlabFormat(Format):
    name = "gitlab"
    description = "GitLab Code Quality report (JSON)"

    def write(self, report, stream: TextIO) -> None:
        issues, seen = [], set()
        for finding in report.findings:
            fingerprint = hashlib.sha256(f"{finding.path}\0{finding.code}\0{finding.fingerprint}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
            salt = 0
            while fingerprint in seen:  # two findings on one line with the same text: keep both
                salt += 1
                fingerprint = hashlib.sha256(f"{fingerprint}\0{salt}".encode()).hexdigest()[:32]
            seen.add(fingerprint)
            end_line = finding.end.line - 1 if finding.end.line > finding.start.line and finding.end.column == 1 else finding.end.line
            issues.append({
                "type": "issue",
                "description": f"{finding.code} {finding.message}",
                "check_name": finding.code,
                "categories": ["Style"],
                "fingerprint": fingerprint,
                "severity": _SEVERITIES[finding.severity],
                "location": {
                    "path": finding.path,
                    "lines": {"begin": finding.start.line, "end": end_line},
                },
            })
        stream.write(json.dumps(issues, ensure_ascii=False, indent=2) + "\n")
