"""Reports kept beside the run manifest: the text a built-in format wrote for a run, served again.

A run that was served from or stored in the manifest (`manifest.py`) may keep the report one of
the formats `cli/check.py` names wrote for it, keyed by that run's manifest key and by how it was
rendered (format, colour, `COLUMNS`). An unchanged re-run in the same rendering writes the text
again with the counts its exit status and messages need, unpickling and formatting no finding.
Entries live in the result cache's folder, checked like its others; a wrong one is a miss.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..model import Report
from .cache import ResultCache


@dataclass
class RenderedRun:
    """A whole run's report as one format wrote it, with what the command's exit needs."""

    text: str
    files_checked: int
    input_errors: int
    internal_errors: list[str]
    findings: int
    failing: int  # findings at or above the fail-on level where each was found

    @staticmethod
    def well_formed(value) -> bool:
        return (
            isinstance(value, RenderedRun)
            and isinstance(value.text, str)
            and all(type(getattr(value, name)) is int for name in ("files_checked", "input_errors", "findings", "failing"))
            and isinstance(value.internal_errors, list)
            and all(isinstance(message, str) for message in value.internal_errors)
        )


class KeptReports:
    """The rendered reports of runs, in the result cache's folder and under its fingerprint."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self._cache = ResultCache(folder, fingerprint, RenderedRun.well_formed)

    @staticmethod
    def _key(run: str, render: tuple) -> str:
        text = f"rendered\0{run}\0{render!r}"
        return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()

    def get(self, run: str, render: tuple) -> RenderedRun | None:
        return self._cache.get(self._key(run, render))

    def put(self, run: str, render: tuple, text: str, report: Report) -> None:
        self._cache.put(self._key(run, render), RenderedRun(
            text, report.files_checked, report.input_errors, list(report.internal_errors),
            len(report.findings), len(report.failing()),
        ))
