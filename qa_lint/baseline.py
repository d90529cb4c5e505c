"""Baselines: adopt qa-lint on an archive with many findings, then see only new ones.

`--write-baseline FILE` records the current findings; `--baseline FILE` hides
those it records. An entry matches a finding by rule, file (relative to the
baseline's folder, so it works from any working folder) and a fingerprint of
the reported line's text and its occurrence among identical lines: lines
moving above it do not break the match, an edit to the line itself does.
Entries that match nothing any more are listed, so the baseline can shrink.
Each entry has a `reason`, kept when the baseline is written again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import UsageError
from .files import NotReadable, atomic_output, read_regular_file
from .model import Finding

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Entry:
    path: str  # relative to the baseline's folder, "/" separators
    code: str
    fingerprint: str
    line: int = 0  # where it was when written: for people, not for matching
    message: str = ""
    reason: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.code, self.fingerprint)


def baseline_path(file: Path, base: Path) -> str:
    """`file` relative to the baseline's folder (absolute if it lies elsewhere)."""
    absolute = Path(os.path.abspath(file))
    try:
        return absolute.relative_to(Path(os.path.abspath(base))).as_posix()
    except ValueError:
        return absolute.as_posix()


def entries_for(findings: list[Finding], baseline_file: Path, cwd: Path) -> list[tuple[Finding, Entry]]:
    """Each finding with the baseline entry that would record it."""
    base = baseline_file.parent
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for finding in findings:
        path = baseline_path(cwd / finding.path, cwd / base)
        text = " ".join(finding.source_line.split())
        if finding.start == finding.end and (finding.start.line, finding.start.column) == (1, 1):
            text = "\0" + finding.message  # about the whole file: the first line is not where it is
        occurrence = seen[(path, finding.code, text)]
        seen[(path, finding.code, text)] += 1
        digest = hashlib.sha256(f"{finding.code}\0{text}\0{occurrence}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
        result.append((finding, Entry(path, finding.code, digest, finding.start.line, finding.message)))
    return result


def load(file: Path, shown: Path | None = None) -> list[Entry]:
    shown = shown or file
    try:
        data = json.loads(read_regular_file(file).decode("utf-8"))
    except NotReadable as error:
        raise UsageError(f"--baseline: cannot read {shown}: {error}") from None
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise UsageError(f"--baseline: {shown} is not valid JSON: {error}") from None
    except RecursionError:
        raise UsageError(f"--baseline: {shown} is not a qa-lint baseline: JSON nested too deeply") from None
    if not isinstance(data, dict) or data.get("qa-lint-baseline") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise UsageError(f"--baseline: {shown} is not a qa-lint baseline (write one with --write-baseline)")
    entries = []
    for number, item in enumerate(data["findings"], 1):
        try:
            entries.append(Entry(
                str(item["path"]), str(item["code"]), str(item["fingerprint"]),
                int(item.get("line", 0)), str(item.get("message", "")), str(item.get("reason", "")),
            ))
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):  # 1e999 is a float infinity
            raise UsageError(f"--baseline: {shown}: entry {number} needs path, code and fingerprint (and a whole-number line)") from None
    return entries


def write(file: Path, findings: list[Finding], cwd: Path) -> int:
    """Record `findings` in `file`, keeping the reasons of entries already there; returns the count."""
    absolute = cwd / file
    reasons: dict[tuple[str, str, str], str] = {}
    if absolute.is_file():
        try:
            reasons = {entry.key: entry.reason for entry in load(absolute) if entry.reason}
        except UsageError:
            reasons = {}  # not a baseline (or broken): it is replaced
    entries = [entry for _, entry in entries_for(findings, file, cwd)]
    document = {
        "qa-lint-baseline": FORMAT_VERSION,
        "findings": [
            {
                "path": e.path, "code": e.code, "fingerprint": e.fingerprint, "line": e.line,
                "message": e.message, "reason": reasons.get(e.key, ""),
            }
            for e in sorted(entries, key=lambda e: (e.path, e.line, e.code, e.fingerprint))
        ],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        absolute.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(absolute) as stream:  # a full disk keeps the old baseline whole
            stream.write(text.encode("utf-8"))
    except OSError as error:
        raise UsageError(f"--write-baseline: cannot write {file}: {error.strerror or error}") from None
    return len(entries)


def subtract(
    findings: list[Finding], entries: list[Entry], baseline_file: Path, cwd: Path, linted: list[str],
    rule_ran: Callable[[Path, str], bool] = lambda file, code: True,
) -> tuple[list[Finding], list[Entry]]:
    """(findings the baseline does not record, entries of linted files and rules run that matched no finding)."""
    available = Counter(entry.key for entry in entries)
    kept = []
    for finding, entry in entries_for(findings, baseline_file, cwd):
        if available[entry.key] > 0:
            available[entry.key] -= 1
        else:
            kept.append(finding)
    base = cwd / baseline_file.parent
    roots = [Path(os.path.abspath(cwd / path)) for path in linted]
    stale = []
    for entry in entries:
        file = Path(os.path.abspath(base / entry.path))
        if available[entry.key] > 0 and _under(file, roots) and rule_ran(file, entry.code):
            available[entry.key] -= 1
            stale.append(entry)
    return kept, stale


def _under(file: Path, roots: list[Path]) -> bool:
    return any(file == root or root in file.parents for root in roots)


def describe_stale(stale: list[Entry], baseline_file: Path, limit: int = 20) -> str:
    lines = [
        f"qa-lint: {len(stale)} entr{'y' if len(stale) == 1 else 'ies'} of the baseline {baseline_file} "
        f"match no finding any more (fixed, or the line changed); "
        f"`--write-baseline {baseline_file}` drops them:"
    ]
    for entry in stale[:limit]:
        lines.append(f"  {entry.path}: {entry.code} (was line {entry.line}) {entry.message}")
    if len(stale) > limit:
        lines.append(f"  ... and {len(stale) - limit} more")
    return "\n".join(lines)


def use(report, baseline_file: Path | None, write_file: Path | None, linter, linted: list[str]) -> int | None:
    """Apply `--baseline` and `--write-baseline` to `report`; an exit status when the run ends here."""
    import sys

    cwd = linter.cwd

    if write_file is not None:
        count = write(write_file, report.findings, cwd)
        sys.stderr.write(f"qa-lint: recorded {count} finding{'s' if count != 1 else ''} in the baseline {write_file}\n")
        for message in report.internal_errors:
            sys.stderr.write(f"qa-lint: internal error: {message}\n")
        if report.input_errors:
            sys.stderr.write(f"qa-lint: {report.input_errors} file{'s' if report.input_errors != 1 else ''} could not be checked (F00x findings, recorded too)\n")
        return 2 if report.input_errors or report.internal_errors else 0
    if baseline_file is not None:
        entries = load(cwd / baseline_file, baseline_file)
        report.findings, stale = subtract(report.findings, entries, baseline_file, cwd, linted, _rule_ran(linter))
        if stale:
            sys.stderr.write(describe_stale(stale, baseline_file) + "\n")
    return None


def _rule_ran(linter) -> Callable[[Path, str], bool]:
    """Whether the settings for a file enable a rule: entries of rules not run are not stale."""
    enabled: dict[Path, set[str]] = {}

    def ran(file: Path, code: str) -> bool:
        if file not in enabled:
            enabled[file] = {rule.code for rule in linter.ruleset_for(file).rules}
        return code in enabled[file]

    return ran
