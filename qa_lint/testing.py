"""Linting text in memory exactly as `qa-lint check` lints files: for tests, rule examples and benchmarks.

    report = lint_text({"fa/story.txt": "...", "fr/story.txt": "..."}, select=["N001"])

Each path is linted as if it were a file under an empty project (no configuration
file applies); language folders and article groups work as on disk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from .model import Report
from .rule import Rule

# The project the texts pretend to live in; it is never read, so it need not exist.
VIRTUAL_ROOT = Path("/qa-lint-virtual-project")


def lint_text(
    files: Mapping[str, str | bytes | None],
    select: Iterable[str] | None = None,
    *,
    source_language: str | None = None,
    lang: str | None = None,
    registry=None,
    rules: Iterable[Rule] = (),
    settings: Mapping[str, object] | None = None,
) -> Report:
    """The report of linting `files` (path -> text, or bytes to test decoding) with the rules `select` names.

    A path mapped to None is named with no file behind it (an unreadable path).
    `settings` are configuration values by field name (`{"max_file_size": 16}`).

    `select` takes what `--select` does (codes, prefixes, categories, ALL); None: the default rules.
    `registry` (a `qa_lint.registry.Registry`) brings rules from packs or plugins; by default, the built-ins.
    `rules` are linted with too, in place of a registered rule of the same code (a rule under test).
    """
    from .config import SettingsResolver
    from .registry import Registry
    from .run.linter import Linter

    overrides: dict = dict(settings or {})
    if select is not None:
        overrides["select"] = tuple(select)
    if source_language is not None:
        overrides["source_language"] = source_language
    if lang is not None:
        overrides["lang"] = lang
    registry = registry or Registry(load_entry_points=False)
    for rule in rules:
        registry.rules[rule.code] = rule
        registry.pack_folder[rule.code] = None
    linter = Linter(registry, SettingsResolver(overrides), VIRTUAL_ROOT)
    linter.sources.limit_given = True  # a text over `max-file-size` is reported as a file on disk would be
    for path, text in files.items():
        if text is None:
            continue
        data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogateescape")
        linter.sources.given[VIRTUAL_ROOT / path] = data
    return linter.lint_paths(list(files))
