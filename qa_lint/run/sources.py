"""Reading files into documents: bytes from disk (or given), decoded, with their language."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..config import Settings
from ..detect import detect_language
from ..discovery import Target, relative_to_root
from ..document import Document
from ..languages import language_from_path
from ..model import Report
from ..reading import InputProblem, decode, read_bytes, too_large
from ..selection import path_matches
from .rules import file_problem

if TYPE_CHECKING:
    from .plan import FileJob


class Sources:
    """Where a file's bytes come from: `given` (standard input, fixes not yet written), else the disk.

    With `remember`, bytes read from disk are kept in `given`, so a fix works on what was linted.
    """

    def __init__(self) -> None:
        self.given: dict[Path, bytes] = {}  # by absolute path
        self.remember = False
        self.limit_given = False  # hold given bytes to `max-file-size` too (in-memory linting)

    def read(self, job: FileJob) -> bytes | InputProblem:
        data = self.given.get(job.target.file)
        if data is not None:
            if self.limit_given and len(data) > job.settings.max_file_size:
                return too_large(len(data), job.settings.max_file_size)
            return data
        try:
            data = read_bytes(job.target.file, job.settings.max_file_size)
        except InputProblem as problem:
            return problem
        if self.remember:
            self.given[job.target.file] = data
        return data

    def text_reader(self, jobs: list[FileJob]) -> Callable[[str], str | None]:
        """A checked file's text by its display path, read again on demand (for formats that show it)."""
        by_path = {job.target.display: job for job in jobs}

        def read_text(path: str) -> str | None:
            job = by_path.get(path)
            data = None if job is None else self.read(job)
            if not isinstance(data, bytes):
                return None
            try:
                return decode(data, job.settings.encoding)[0]
            except InputProblem:
                return None

        return read_text


def to_document(job: FileJob, data: bytes, report: Report) -> Document | None:
    """The document `data` decodes to, or None with the problem reported as a `file` finding."""
    target, settings = job.target, job.settings
    try:
        text, encoding, bom = decode(data, settings.encoding)
    except InputProblem as problem:
        file_problem(report, target.display, settings.lang, problem, job.ruleset)
        return None
    lang = resolve_language(target, settings, text)
    return Document(
        path=target.display, file=target.file, text=text, lang=lang, encoding=encoding, bom=bom,
        options=dict(settings.rule_options),
    )


def resolve_language(target: Target, settings: Settings, text: str) -> str | None:
    """--lang, then the config's language-map, then the path, then the text itself."""
    return named_language(target, settings) or detect_language(text)


def named_language(target: Target, settings: Settings) -> str | None:
    """The language --lang, the config's language-map or the path names, known before reading the file."""
    if settings.lang:
        return settings.lang
    relative = target.relative or relative_to_root(target.file, settings)
    for glob, tag in settings.language_map:
        if path_matches(glob, relative):
            return tag
    return language_from_path(target.display)
