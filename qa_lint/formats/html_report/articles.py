"""What the review page shows: article groups, one column per file, one row per line.

Findings are placed on the line they start on; findings about a whole file
(or a file whose text could not be read) sit in the column's header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ...document import Document
from ...groups import group_key
from ...languages import primary
from ...model import Category, Finding

# Languages written right to left (primary subtags, ISO 639-1 and the 639-3 codes corpora use).
_RTL = {
    "ar", "arb", "arz", "apc", "ary", "fa", "pes", "prs", "he", "iw", "ur", "ps", "pbt", "sd",
    "ckb", "yi", "ydd", "dv", "ug", "ks", "bal", "glk", "mzn", "lrc", "syr", "nqo",
}
_RTL_SCRIPTS = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"}


@lru_cache(maxsize=None)
def is_rtl(lang: str | None) -> bool:
    if not lang:
        return False
    subtags = lang.lower().split("-")
    if any(tag in _RTL_SCRIPTS for tag in subtags[1:]):
        return True
    if any(tag in ("latn", "cyrl") for tag in subtags[1:]):
        return False
    return subtags[0] in _RTL


@dataclass
class Column:
    path: str
    lang: str | None
    lines: list[str] | None  # None: the text could not be read
    is_source: bool = False
    header: list[Finding] = field(default_factory=list)  # about the file as a whole
    by_line: dict[int, list[Finding]] = field(default_factory=dict)  # 1-based line -> findings starting there

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)

    @property
    def findings(self) -> list[Finding]:
        return self.header + [f for line in sorted(self.by_line) for f in self.by_line[line]]


@dataclass
class Group:
    key: str
    columns: list[Column]

    @property
    def rows(self) -> int:
        return max((len(c.lines) for c in self.columns if c.lines is not None), default=0)

    @property
    def findings(self) -> list[Finding]:
        return [f for column in self.columns for f in column.findings]


def split_lines(text: str) -> list[str]:
    """Lines as rules count them (\\r\\n, \\n and \\r end a line; no empty line after the last break)."""
    return [line.text for line in Document(path="", file=None, text=text, lang=None).lines]  # type: ignore[arg-type]


def build(report) -> list[Group]:
    """The report's files as article groups, in path order, each with the source column first."""
    findings_of: dict[str, list[Finding]] = {}
    for finding in report.findings:
        findings_of.setdefault(finding.path, []).append(finding)
    files: dict[str, tuple[str | None, str | None]] = {d.path: (d.lang, d.source_language) for d in report.documents}
    for path, found in findings_of.items():  # files with findings but no text: unreadable, missing
        files.setdefault(path, (found[0].lang, None))
    read = getattr(report, "read_text", None)
    grouped: dict[str, list[str]] = {}
    for path in sorted(files):
        grouped.setdefault(group_key(path) or path, []).append(path)
    groups = []
    for key in sorted(grouped):
        paths = grouped[key]
        source_language = next((files[p][1] for p in paths if files[p][1]), None)
        columns = [_column(p, files[p][0], read(p) if read else None, findings_of.get(p, [])) for p in paths]
        wanted = primary(source_language) if source_language else None
        source = next((c for c in columns if wanted and primary(c.lang) == wanted), columns[0])
        source.is_source = True
        columns.remove(source)
        groups.append(Group(key, [source, *columns]))
    return groups


def _column(path: str, lang: str | None, text: str | None, findings: list[Finding]) -> Column:
    column = Column(path, lang, split_lines(text) if text is not None else None)
    count = len(column.lines) if column.lines is not None else 0
    for finding in findings:
        whole_file = finding.category == Category.FILE and finding.start == finding.end
        if count == 0 or whole_file:
            column.header.append(finding)
        else:
            column.by_line.setdefault(min(finding.start.line, count), []).append(finding)
    return column
