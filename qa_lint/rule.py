"""What a rule is: identity, documentation, examples, scope, and how it reports.

Built-in Python rules subclass `Rule` and set class attributes; rules from TOML
packs are instances of a check type (`qa_lint.checktypes`) built from data. Both
look the same to the engine, the CLI and the tests.
"""

from __future__ import annotations

import enum
import inspect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Iterable

from .languages import primary
from .model import Applicability, Category, Edit, Finding, Fix, Position, Severity, pickled_by_fields

if TYPE_CHECKING:
    from .document import Document
    from .groups import ArticleGroup
    from .reading import InputProblem


class Scope(str, enum.Enum):
    """What a rule looks at in one call."""

    DOCUMENT = "document"  # one file
    GROUP = "group"  # all translations of one article
    RUN = "run"  # every document of the run: a map step per document, then one reduce


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class RunItem:
    """One document's `map_document` result, as `reduce` receives it."""

    path: str
    lang: str | None
    data: Any


@dataclass(frozen=True, slots=True)
class PlannedGroup:
    """An article group as known before its files are read (`Rule.prepare_workers`)."""

    languages: tuple[str, ...]  # the languages settings or paths name (a file whose text must tell is left out)
    source_language: str | None


@dataclass(frozen=True, slots=True)
class Example:
    """Text that must make the rule fire (`fires`) or must not; `fixed` is the repaired text.

    For a group-scope rule, `group` holds the other translations of the same
    article as (language, text) pairs and `source_language` names the original;
    the rule is run on the whole group and only findings in `text` count. For
    a run-scope rule, `group` holds the other articles of the run, as
    (language, text) pairs, and the rule runs over all of them as `check` would.

    `name` is the file's name (a Markdown file for suppressions); `readable`
    False names a path with no file behind it; `settings` are configuration
    values the example is linted with (`("max_file_size", 16)`); `also_select`
    are rules run beside this one whose findings it depends on (not counted);
    `glossary` is a names glossary (TOML) linted with, as
    `[rule-options.N004] glossary-file` names one.
    """

    text: str
    fires: bool = True
    lang: str | None = None
    fixed: str | None = None
    group: tuple[tuple[str, str], ...] = ()
    source_language: str | None = None
    name: str = "example.txt"
    readable: bool = True
    settings: tuple[tuple[str, Any], ...] = ()
    also_select: tuple[str, ...] = ()
    glossary: str | None = None


_SECTION = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)


def parse_doc_sections(doc: str) -> dict[str, str]:
    """Split a ruff-style docstring ("## What it does", "## Why is this bad?") into sections."""
    doc = inspect.cleandoc(doc or "")
    sections: dict[str, str] = {}
    matches = list(_SECTION.finditer(doc))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(doc)
        sections[match.group(1).lower()] = doc[match.end() : end].strip()
    return sections


class Rule:
    """Base of every rule. Subclasses implement `check` (document scope) or `check_group`."""

    code: ClassVar[str] | str = ""
    name: ClassVar[str] | str = ""
    category: ClassVar[Category] | Category = Category.FILE
    severity: ClassVar[Severity] | Severity = Severity.WARNING
    scope: ClassVar[Scope] | Scope = Scope.DOCUMENT
    fixable: ClassVar[bool] | bool = False
    # Whether plain `--fix` applies the rule's fixes: "safe", "unsafe" (only with
    # `--unsafe-fixes`) or "depends" (on where the text is; "Fix safety" says how).
    fix_applicability: ClassVar[str] | str = "safe"
    # Primary language subtags the rule applies to; None means every language.
    languages: ClassVar[frozenset[str] | None] | frozenset[str] | None = None
    examples: ClassVar[tuple[Example, ...]] | tuple[Example, ...] = ()
    # Opt-in rules run only when selected by code or prefix (`--select N002`):
    # useful checks whose noise depends too much on the material to be on by default.
    opt_in: ClassVar[bool] | bool = False
    # Where the rule comes from, for `qa-lint rules` ("built-in", a pack file, a plugin).
    origin: ClassVar[str] | str = "built-in"
    # The kind of file problem (`qa_lint.reading.ProblemKind`) this rule reports; see `problem_finding`.
    reports_problem: ClassVar[str] | str = ""

    # Documentation: ruff-style docstring sections, read once per class. Rules
    # built from data (rule packs) set these attributes on the instance instead.
    what: str = ""
    why: str = ""
    fix_safety: str = ""  # why plain `--fix` may (or may not) apply the fix: no editor would reject it

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        sections = parse_doc_sections(cls.__doc__ or "")
        cls.what = sections.get("what it does", "")
        cls.why = sections.get("why is this bad?", "")
        cls.fix_safety = sections.get("fix safety", "")

    @property
    def summary(self) -> str:
        """One line for listings: the first sentence of "What it does"."""
        first = self.what.split("\n\n")[0].replace("\n", " ")
        # Up to the end of the first sentence, or to the colon before its examples.
        return first.split(". ")[0].split(": ")[0].rstrip(".")

    @property
    def fix_label(self) -> str:
        """"safe", "unsafe", "depends", or "-" for a rule without a fix."""
        return self.fix_applicability if self.fixable else "-"

    def validate_options(self, options: dict[str, Any]) -> None:
        """Check this rule's `[rule-options.CODE]` table; raise ValueError naming the bad key."""
        if options:
            raise ValueError(f"rule {self.code} takes no options (found `{next(iter(options))}`)")

    def options(self, doc: Document) -> dict[str, Any]:
        """The rule's options for `doc` (validated when the config was read)."""
        return doc.options.get(self.code, {})

    def applies_to(self, lang: str | None) -> bool:
        return self.languages is None or primary(lang) in self.languages

    # -- checking --------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Finding]:
        """Findings in one document (scope `document`)."""
        return ()

    def check_group(self, group: ArticleGroup) -> Iterable[Finding]:
        """Findings across the translations of one article (scope `group`)."""
        return ()

    def map_document(self, doc: Document) -> Any:
        """Scope `run`, step 1: what this rule needs to keep of one document.

        Runs once per document, possibly in another process and from a cache:
        return plain, picklable data (positions as `Position`, no `Document`).
        """
        return None

    def reduce(self, items: list[RunItem]) -> Iterable[Finding]:
        """Scope `run`, step 2: findings from every document's `map_document` result."""
        return ()

    def prepare_workers(self, groups: list[PlannedGroup]) -> None:
        """Called once, before worker processes fork, with the run's article groups.

        Load here what every worker would otherwise load for itself: forked
        workers inherit it (copy-on-write). Only a head start: the rule must
        work the same without it, and an error here is ignored.
        """

    # -- reporting helpers ---------------------------------------------------
    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        fix: Fix | None = None,
    ) -> Finding:
        """A finding for the text between offsets `start` and `end` (exclusive)."""
        first = doc.line_at(start)
        return Finding(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=self.severity,
            message=message,
            path=doc.path,
            start=doc.position(start),
            end=doc.position(end),
            lang=doc.lang,
            fix=fix,
            source_line=first.text,
        )

    def finding_at(
        self, item: RunItem, start: Position, end: Position, message: str, source_line: str = ""
    ) -> Finding:
        """A finding made in `reduce`, from positions a `map_document` step kept."""
        return Finding(
            self.code, self.name, self.category, self.severity, message, item.path, start, end, item.lang,
            source_line=source_line,
        )

    def problem_finding(self, problem: InputProblem, path: str, lang: str | None) -> Finding:
        """The finding for a file that could not be linted, at the place the problem names."""
        where = Position(problem.line, problem.column)
        return Finding(self.code, self.name, self.category, self.severity, problem.message, path, where, where, lang)

    @staticmethod
    def edit(doc: Document, start: int, end: int, content: str) -> Edit:
        return Edit(doc.position(start), doc.position(end), content, start, end)

    def fix(
        self,
        message: str,
        edits: Iterable[Edit],
        applicability: Applicability = Applicability.SAFE,
        per_occurrence: bool = False,
    ) -> Fix:
        return Fix(message, tuple(edits), applicability, per_occurrence)

    def delete_lines_fix(
        self, doc: Document, first: int, last: int, message: str = "Delete the line",
        applicability: Applicability = Applicability.SAFE,
    ) -> Fix:
        """A fix removing lines `first`..`last` (1-based, inclusive) with their terminators."""
        lines = doc.lines
        start, end = lines[first - 1].start, lines[last - 1].next_start
        return self.fix(message, [self.edit(doc, start, end, "")], applicability)

    def describe(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category.value,
            "severity": str(self.severity),
            "scope": self.scope.value,
            "fixable": self.fixable,
            "fix_applicability": self.fix_applicability if self.fixable else None,
            "opt_in": self.opt_in,
            "languages": sorted(self.languages) if self.languages else None,
            "origin": self.origin,
            "summary": self.summary,
        }
