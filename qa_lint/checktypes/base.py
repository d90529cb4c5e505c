"""What every rule-pack rule has, whatever its check type: identity, docs, examples.

A check type subclasses `PackRule`, reads its own keys in `configure` with
`RuleData.take`, and implements `check`. Every key a rule's table holds must
be read by someone, so a misspelt key is an error, not a silently ignored one.
"""

from __future__ import annotations

import difflib
import time
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from ..errors import RuleGaveUp
from ..languages import normalize_tag, primary
from ..model import Category, Severity
from ..rule import Example, Rule, Scope

if TYPE_CHECKING:
    from ..document import Document

T = TypeVar("T")
_MISSING = object()


class PackError(Exception):
    """A malformed rule pack; the message names the file and the rule."""


class PatternBudget:
    """The time one rule's patterns may take on one document.

    A pattern that backtracks catastrophically (`(a|a)+$` against forty a's and
    a "!") would run for hours; each match is given what is left of the budget
    as the `regex` module's `timeout`. The budget grows with the text at 5 µs a
    character, hundreds of times what a sane pattern needs, so only a runaway
    pattern reaches it. The packs shipped with qa-lint run unlimited (a timeout
    makes each match about three times slower): their tests prove them linear.
    """

    SECONDS = 2.0
    PER_CHARACTER = 5e-6

    def __init__(self, doc: Document, limited: bool = True) -> None:
        self.doc = doc
        self.limited = limited
        self.seconds = self.SECONDS + len(doc.text) * self.PER_CHARACTER
        self.deadline = time.monotonic() + self.seconds

    def match(self, method: Callable, text: str, source: str, line: int):
        """`method(text)` (a compiled pattern's `search`, `fullmatch`...) within the budget."""
        if not self.limited:
            return method(text)
        try:
            return method(text, timeout=max(self.deadline - time.monotonic(), 0.001))
        except TimeoutError:
            raise self._exceeded(source, line) from None

    def finditer(self, pattern, text: str, source: str, line: int) -> list:
        return self.match(lambda *args, **kwargs: list(pattern.finditer(*args, **kwargs)), text, source, line)

    def _exceeded(self, source: str, line: int) -> RuleGaveUp:
        return RuleGaveUp(
            f"gave up on {self.doc.path}: pattern {source!r} ran over the {self.seconds:.1f} s this rule may take "
            f"on the file, at line {line} (it backtracks without bound; simplify it); its findings there are missing"
        )


class RuleData:
    """One `[[rule]]` table, read key by key with types checked."""

    def __init__(self, table: dict[str, Any], where: str) -> None:
        self.table = table
        self.where = where
        self.used: set[str] = set()

    def fail(self, problem: str) -> PackError:
        return PackError(f"{self.where}: {problem}")

    def take(self, key: str, kind: type | tuple[type, ...], default: Any = _MISSING) -> Any:
        self.used.add(key)
        if key not in self.table:
            if default is _MISSING:
                raise self.fail(f"missing required key `{key}`")
            return default
        value = self.table[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
            raise self.fail(f"`{key}` must be {names}, not {type(value).__name__}")
        return value

    def take_list(self, key: str, item: type, default: Any = _MISSING) -> list:
        values = self.take(key, list, default)
        for value in values or ():
            if not isinstance(value, item):
                raise self.fail(f"every item of `{key}` must be {item.__name__}, found {value!r}")
        return values

    def take_choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.take(key, str, default)
        if value not in choices:
            raise self.fail(f"`{key}` must be one of {', '.join(choices)}; found {value!r}")
        return value

    def convert(self, key: str, value: Any, parse: Callable[[Any], T]) -> T:
        try:
            return parse(value)
        except ValueError as error:
            raise self.fail(f"`{key}`: {error}") from None

    def check_all_used(self) -> None:
        unknown = sorted(set(self.table) - self.used)
        if unknown:
            key = unknown[0]
            close = difflib.get_close_matches(key, sorted(self.used), n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise self.fail(f"unknown key `{key}`{hint}")


class PackRule(Rule):
    """A rule whose behaviour is a check type and whose details are data."""

    #: The name rule packs use in `type = "..."`.
    type_name = ""
    #: Whether its patterns run under a `PatternBudget` (false for the packs qa-lint ships).
    time_limited = True

    def __init__(self, data: RuleData, origin: str, prepare: bool = True) -> None:
        self.origin = origin
        self.declared_at = data.where  # "file: rule CODE", for errors found after reading
        self.code = data.take("code", str)
        self.name = data.take("name", str)
        self.category = data.convert("category", data.take("category", str), Category.builtin)
        self.severity = data.convert("severity", data.take("severity", str, "warning"), Severity.parse)
        self.scope = Scope.DOCUMENT
        languages = data.take_list("languages", str, None)
        if languages is not None:
            # The built-in packs' tags are canonical (a test checks): no tag database at start-up
            # for the few without a two-letter code (`ckb`).
            tags = [normalize_tag(lang, strict=False) for lang in languages] if prepare else languages
            if None in tags:
                raise data.fail(f"`languages` holds an unknown language tag: {languages[tags.index(None)]!r}")
            self.languages = frozenset(primary(tag) for tag in tags)
        self.message = data.take("message", str)
        self.what = data.take("what", str).strip()
        self.why = data.take("why", str).strip()
        self.configure(data)
        # Why plain `--fix` may apply the fix, or why only `--unsafe-fixes` does (`unsafe = true`).
        self.fix_safety = data.take("fix-safety", str, "").strip()
        if self.fix_safety and not self.fixable:
            raise data.fail("`fix-safety` documents a fix, and this rule has none")
        if prepare:
            self.prepare()
        self.examples = tuple(self._read_examples(data))
        data.check_all_used()

    def configure(self, data: RuleData) -> None:
        """Read the check type's own keys."""

    def prepare(self) -> None:
        """Build what `check` needs that is costly (compiled patterns); raise `PackError` if it cannot.

        Called once the rule is read for the packs a user or a plugin adds, so a
        mistake stops the run before any file is read; for the built-in packs
        (compiled by the test suite) on first use, so that start-up does not
        pay for rules a run never uses. Must be idempotent and cheap once done.
        """

    def prepare_workers(self, groups) -> None:
        """Compiled once before workers fork, not once in each of them."""
        self.prepare()

    def fail(self, problem: str) -> PackError:
        return PackError(f"{self.declared_at}: {problem}")

    def _read_examples(self, data: RuleData) -> list[Example]:
        examples = []
        for number, table in enumerate(data.take_list("examples", dict, []), start=1):
            item = RuleData(table, f"{data.where}, example {number}")
            example = Example(
                text=item.take("text", str),
                fires=item.take("fires", bool, True),
                lang=item.take("lang", str, None),
                fixed=item.take("fixed", str, None),
            )
            item.check_all_used()
            examples.append(example)
        if not any(e.fires for e in examples) or all(e.fires for e in examples):
            raise data.fail("needs at least one example that fires and one that does not (`fires = false`)")
        return examples
