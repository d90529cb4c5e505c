"""Finishing a run: suppression comments applied, findings sorted and fingerprinted."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..document import Document
from ..model import Finding
from ..rule import Rule
from ..selection import RuleSet
from ..suppression import apply_suppressions


def suppress(
    findings: list[Finding],
    markdown: Iterable[tuple[str, str, str | None]],
    rulesets: dict[str, RuleSet],
    cwd: Path,
    rules: list[Rule],
) -> list[Finding]:
    """The findings the suppression comments of the Markdown files (path, text, lang) leave."""
    documents = [
        (Document(path=path, file=cwd / path, text=text, lang=lang), rulesets[path]) for path, text, lang in markdown
    ]
    return apply_suppressions(findings, documents, rules)


def finalize(findings: list[Finding]) -> list[Finding]:
    """Sort findings and give each a fingerprint that survives unrelated lines moving.

    The fingerprint hashes the code, the path, the reported line with its
    spacing normalised, and the occurrence number of that triple; each line
    is normalised and each triple hashed once, however many findings share it.
    """
    findings = sorted(findings, key=lambda f: f.sort_key)
    seen: Counter[tuple[str, str, str]] = Counter()
    normalised: dict[str, str] = {}
    prefixes: dict[tuple[str, str, str], object] = {}
    result = []
    for finding in findings:
        line = normalised.get(finding.source_line)
        if line is None:
            line = normalised[finding.source_line] = " ".join(finding.source_line.split())
        key = (finding.code, finding.path, line)
        occurrence = seen[key]
        seen[key] += 1
        prefix = prefixes.get(key)
        if prefix is None:
            prefix = prefixes[key] = hashlib.sha256("\0".join((*key, "")).encode("utf-8", "surrogatepass"))
        digest = prefix.copy()
        digest.update(str(occurrence).encode("ascii"))
        result.append(replace(finding, fingerprint=digest.hexdigest()[:16]))
    return result
