"""The typed objects every part of qa-lint speaks: severities, categories, findings, fixes, reports.

Positions inside the engine are code-point offsets into a document's text; they
become 1-based line/column pairs (end exclusive) only when a finding is made, so
rules never count lines themselves.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, fields
from typing import Any, Callable, ClassVar, TypeVar

T = TypeVar("T")


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle a frozen slots dataclass as (class, field values).

    Its generated `__setstate__` looks up the class's fields for every object
    it restores: three times slower, and a cached result holds thousands of
    positions.
    """
    names = tuple(f.name for f in fields(cls))

    def __reduce__(self):
        return cls, tuple(getattr(self, name) for name in names)

    cls.__reduce__ = __reduce__
    return cls


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so `--fail-on` can compare."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except (KeyError, AttributeError):
            raise ValueError(
                f"unknown severity {value!r} (expected one of: error, warning, info)"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


_CATEGORY_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")


class Category(str):
    """A rule family; also accepted by `--select` / `--ignore`.

    The built-in families are constants (`Category.NAMES` ...). A plugin's rule may
    declare a family of its own, `category = Category("dates")`: any lowercase name.
    One object stands for each name, so categories compare by `==` or `is` alike
    and unpickle without a new string.
    """

    __slots__ = ()
    _interned: ClassVar[dict[str, Category]] = {}
    NAMES: ClassVar[Category]
    BOILERPLATE: ClassVar[Category]
    SCRIPT: ClassVar[Category]
    CAPTION: ClassVar[Category]
    LANGUAGE: ClassVar[Category]
    TYPOGRAPHY: ClassVar[Category]
    NUMBERS: ClassVar[Category]
    FILE: ClassVar[Category]
    #: The built-in families, in the order reports list them.
    BUILTIN: ClassVar[tuple[Category, ...]]
    _BUILTIN_NAMES: ClassVar[frozenset[str]]

    def __new__(cls, name: str) -> Category:
        known = cls._interned.get(name)
        if known is not None:
            return known
        if not isinstance(name, str) or not _CATEGORY_NAME.match(name):
            raise ValueError(f"{name!r} is not a valid Category (a lowercase name such as 'dates')")
        made = cls._interned[name] = super().__new__(cls, name)
        return made

    @classmethod
    def builtin(cls, name: str) -> Category:
        """The built-in family `name` (rule packs name one of these)."""
        if name not in cls._BUILTIN_NAMES:
            raise ValueError(f"{name!r} is not a valid Category")
        return cls(name)

    @classmethod
    def in_order(cls, names) -> list[Category]:
        """`names` as categories, built-in families first in their order, then the others alphabetically."""
        wanted = {cls(n) for n in names}
        return [c for c in cls.BUILTIN if c in wanted] + sorted(wanted - set(cls.BUILTIN))

    @property
    def value(self) -> str:
        return str.__str__(self)

    def __str__(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"Category({str.__str__(self)!r})"

    def __reduce__(self):
        return Category, (str.__str__(self),)


Category.NAMES = Category("names")
Category.BOILERPLATE = Category("boilerplate")
Category.SCRIPT = Category("script")
Category.CAPTION = Category("caption")
Category.LANGUAGE = Category("language")
Category.TYPOGRAPHY = Category("typography")
Category.NUMBERS = Category("numbers")
Category.FILE = Category("file")
Category.BUILTIN = (
    Category.NAMES,
    Category.BOILERPLATE,
    Category.SCRIPT,
    Category.CAPTION,
    Category.LANGUAGE,
    Category.TYPOGRAPHY,
    Category.NUMBERS,
    Category.FILE,
)
Category._BUILTIN_NAMES = frozenset(Category.BUILTIN)


class Applicability(str, enum.Enum):
    """Whether `--fix` may apply a fix on its own (`safe`) or only with `--unsafe-fixes`."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in Unicode code points


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text between `start` and `end` (exclusive) with `content`."""

    start: Position
    end: Position
    content: str
    # Code-point offsets into the document text, kept for applying fixes.
    start_offset: int = field(default=0, compare=False)
    end_offset: int = field(default=0, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.start.line,
            "column": self.start.column,
            "end_line": self.end.line,
            "end_column": self.end.column,
            "content": self.content,
        }


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    # The edits repair separate occurrences of one problem (a word form written many times):
    # suppressing one occurrence keeps the others, rather than the fix being all or nothing.
    per_occurrence: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "applicability": self.applicability.value,
            "edits": [edit.to_dict() for edit in self.edits],
        }


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    category: Category
    severity: Severity
    message: str
    path: str
    start: Position
    end: Position
    lang: str | None
    fix: Fix | None = None
    # The text of the first reported line; used for display and fingerprints.
    source_line: str = field(default="", compare=False)
    fingerprint: str = ""

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.start.line, self.start.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category.value,
            "severity": str(self.severity),
            "message": self.message,
            "path": self.path,
            "line": self.start.line,
            "column": self.start.column,
            "end_line": self.end.line,
            "end_column": self.end.column,
            "lang": self.lang,
            "fix": self.fix.to_dict() if self.fix else None,
            "fingerprint": self.fingerprint,
        }


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class CheckedFile:
    """A file that was decoded and linted, with what writing it back needs."""

    path: str
    lang: str | None
    source_language: str | None  # the configured (or --source-language) original's language
    encoding: str = "utf-8"  # as read: the configured one, or the byte-order mark's
    bom: bool = False
    # The text the rules saw (its line endings as read), kept only when fixing asks for it:
    # fixes apply to exactly that text, with no second decode in another process's settings.
    text: str | None = None


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    # Files that could not be linted, and rules that crashed: both exit with 2.
    input_errors: int = 0
    internal_errors: list[str] = field(default_factory=list)
    # Each finding's path -> the fail-on level of the settings that apply there.
    fail_on: dict[str, Severity] = field(default_factory=dict)
    # Every file decoded, in path order, for formats that show the text (html).
    documents: list[CheckedFile] = field(default_factory=list)
    # A checked file's text (as linted: after fixes, or standard input), read again on demand.
    read_text: Callable[[str], str | None] | None = field(default=None, repr=False)

    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.severity >= self.fail_on.get(f.path, Severity.WARNING)]
