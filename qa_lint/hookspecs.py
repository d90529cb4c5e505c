"""The hooks a qa-lint plugin can implement.

Built-in rules, check types and output formats are registered through these
same hooks (see `qa_lint/plugins.py`), so a third-party plugin is a peer of the
built-ins. A plugin is a module or package exposed in the `qa_lint`
entry-point group; it marks its implementations with `qa_lint.hookimpl`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import pluggy

if TYPE_CHECKING:
    from .checktypes.base import PackRule
    from .formats import Format
    from .rule import Rule

hookspec = pluggy.HookspecMarker("qa_lint")


@hookspec
def qa_lint_register_rules() -> Iterable[Rule]:
    """Return rule instances written in Python.

    Each rule has a unique code (letters then digits, e.g. `X101`), a kebab-case
    name, a category, a default severity, docs and examples that fire and that do
    not (see `qa_lint.rule.Rule`).
    """


@hookspec
def qa_lint_register_check_types() -> Iterable[type[PackRule]]:
    """Return check types (subclasses of `PackRule`) that rule packs can name with `type = "..."`."""


@hookspec
def qa_lint_register_rule_packs() -> Iterable[Path]:
    """Return folders of TOML rule packs that ship with the plugin."""


@hookspec
def qa_lint_register_formats() -> Iterable[type[Format]]:
    """Return output formats (subclasses of `qa_lint.formats.Format`) for `--format`."""
