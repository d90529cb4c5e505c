"""What the engine hands around for one article group: its files to lint, and what linting them gave."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Settings
from ..discovery import Target
from ..model import CheckedFile, Finding
from ..reading import InputProblem
from ..rule import RunItem

# A file to lint with its settings: its bytes, or why they could not be read.
UnitFile = tuple[Target, Settings, "bytes | InputProblem"]


@dataclass
class UnitResult:
    """What linting one article group gives; picklable, so workers and the cache can carry it."""

    findings: list[Finding] = field(default_factory=list)
    run_items: list[tuple[str, RunItem]] = field(default_factory=list)  # (rule code, map result)
    input_errors: int = 0
    internal_errors: list[str] = field(default_factory=list)
    files_checked: int = 0
    markdown: list[tuple[str, str, str | None]] = field(default_factory=list)  # (path, text, lang) for suppressions
    documents: list[CheckedFile] = field(default_factory=list)

    @staticmethod
    def well_formed(value) -> bool:
        """Whether a cache entry holds a result like those `lint_unit` makes (its parts' types)."""
        return (
            isinstance(value, UnitResult)
            and all(isinstance(f, Finding) for f in value.findings)
            and all(isinstance(code, str) and isinstance(item, RunItem) for code, item in value.run_items)
            and type(value.input_errors) is int
            and type(value.files_checked) is int
            and all(isinstance(message, str) for message in value.internal_errors)
            and all(isinstance(path, str) and isinstance(text, str) for path, text, _ in value.markdown)
            and all(isinstance(document, CheckedFile) and isinstance(document.encoding, str)
                    and (document.text is None or isinstance(document.text, str)) for document in value.documents)
        )
