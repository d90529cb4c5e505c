"""Which rules run on which file: `select`, `ignore`, per-file ignores, severity overrides.

A selector is `ALL`, a category name (`boilerplate`), a code prefix (`B`, `B00`)
or a full code (`B001`). Opt-in rules (`Rule.opt_in`) run only when a code or
prefix selects them, never through `ALL` or their category. When select and ignore both match a rule, the more
specific selector wins (`select = ["B001"]`, `ignore = ["B"]` keeps B001).
"""

from __future__ import annotations

import fnmatch
import functools
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Callable, Iterable

from .config import Settings
from .errors import UsageError
from .model import Category, Severity
from .rule import Rule



def specificity(selector: str, rule: Rule) -> int:
    """How precisely `selector` names `rule`: 0 = not at all; higher wins."""
    if selector == "ALL":
        return 0 if rule.opt_in else 1
    if selector == rule.category.value:
        return 0 if rule.opt_in else 2
    if rule.code.startswith(selector):
        return 2 + len(selector)
    return 0


def validate_selectors(selectors: Iterable[str], rules: Iterable[Rule], where: str) -> None:
    rules = list(rules)
    for selector in selectors:
        if not selector.strip():
            raise UsageError(f"{where}: an empty rule selector selects nothing; remove it")
        if selector == "ALL" or selector in Category.BUILTIN or any(rule.category == selector for rule in rules):
            continue
        if not any(rule.code.startswith(selector) for rule in rules):
            raise UsageError(f"{where}: unknown rule code or prefix {selector!r} (see `qa-lint rules`)")


def validate_settings(settings: Settings, rules: list[Rule]) -> None:
    where = settings.where
    validate_selectors(settings.select + settings.extend_select + settings.ignore, rules, where)
    for glob, selectors in settings.per_file_ignores:
        validate_selectors(selectors, rules, f"{where}: per-file-ignores {glob!r}")
    for lang, selectors in settings.per_language_ignores:
        validate_selectors(selectors, rules, f"{where}: per-language-ignores {lang!r}")
    by_code = {rule.code: rule for rule in rules}
    for code, options in settings.rule_options:
        if code not in by_code:
            raise UsageError(f"{where}: rule-options: unknown rule code {code!r} (see `qa-lint rules`)")
        _validate_options(by_code[code], options, f"{where}: rule-options.{code}")
    validate_selectors((code for code, _ in settings.severity), rules, f"{where}: severity")


def _validate_options(rule: Rule, options: dict, where: str) -> None:
    """The rule's own check of its options; a value of a shape it did not expect names the key too."""
    try:
        rule.validate_options(options)
    except ValueError as error:
        raise UsageError(f"{where}: {error}") from None
    except (TypeError, AttributeError, LookupError, OverflowError, RecursionError) as error:
        # Find the key: the first one that fails on its own (a rule validating keys together may not tell).
        for key, value in options.items():
            try:
                rule.validate_options({key: value})
            except (TypeError, AttributeError, LookupError, OverflowError, RecursionError):
                raise UsageError(f"{where}: `{key}`: invalid value {value!r} ({error})") from None
        raise UsageError(f"{where}: invalid options ({error})") from None


def _best(selectors: Iterable[str], rule: Rule) -> int:
    return max((specificity(s, rule) for s in selectors), default=0)


def _compiled(glob: str):
    """`glob` compiled as `fnmatch.fnmatchcase` matches it: `_compiled(glob)(text) is not None`."""
    return re.compile(fnmatch.translate(glob)).match


def path_matches(glob: str, relative: str) -> bool:
    """Glob match for one config pattern, as `globs_matcher` does it."""
    return globs_matcher((glob,))(relative)


@functools.lru_cache(maxsize=256)
def globs_matcher(globs: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a relative path matches any of `globs` (config patterns: `*` crosses folders; a pattern
    without `/` also matches the file name), the patterns compiled once for all the paths asked."""
    if not globs:
        return _never
    whole = [_compiled(pattern) for glob in globs for pattern in (glob, glob.rstrip("/") + "/*")]
    by_name = [_compiled(glob) for glob in globs if "/" not in glob]

    def matches(relative: str) -> bool:
        for match in whole:
            if match(relative) is not None:
                return True
        if by_name:
            name = _name(relative)
            for match in by_name:
                if match(name) is not None:
                    return True
        return False

    return matches


def _never(relative: str) -> bool:
    return False


def _name(relative: str) -> str:
    """`PurePosixPath(relative).name`: the last part, on the string when it is a plain one."""
    last = relative.rpartition("/")[2]
    return last if last not in ("", ".") else PurePosixPath(relative).name


@dataclass(frozen=True)
class RuleSet:
    """The rules enabled for one file, with their effective severities."""

    rules: tuple[Rule, ...]
    severities: dict[str, Severity]
    # Primary language subtag -> codes of enabled rules that documents in it skip.
    off_for_language: dict[str, frozenset[str]]

    def runs_on(self, rule: Rule, lang: str | None) -> bool:
        """Whether `rule` runs on a document in `lang` (the rule's own languages and the config's)."""
        if not rule.applies_to(lang):
            return False
        return rule.code not in self.off_for_language.get((lang or "").split("-")[0], ())


def rules_for(settings: Settings, rules: list[Rule], relative: str, pack_rules_allowed) -> RuleSet:
    selected = settings.select + settings.extend_select
    ignored = list(settings.ignore)
    for glob, selectors in settings.per_file_ignores:
        if path_matches(glob, relative):
            ignored.extend(selectors)
    enabled = tuple(
        rule for rule in rules if pack_rules_allowed(rule) and _best(selected, rule) > _best(ignored, rule)
    )
    severities = {}
    for rule in enabled:
        best, level = 0, rule.severity
        for selector, override in settings.severity:
            weight = specificity(selector, rule)
            if weight > best:
                best, level = weight, override
        severities[rule.code] = level
    off_for_language = {
        lang: frozenset(r.code for r in enabled if _best(selected, r) <= _best((*ignored, *selectors), r))
        for lang, selectors in settings.per_language_ignores
    }
    return RuleSet(enabled, severities, off_for_language)
