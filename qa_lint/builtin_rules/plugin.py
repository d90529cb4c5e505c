"""Registers the built-in Python rules and the built-in rule packs."""

from __future__ import annotations

from ..packs import builtin_pack_dir
from ..plugins import hookimpl
from . import blank_line_run, file_problems


@hookimpl
def qa_lint_register_rules():
    return [*file_problems.RULES, *blank_line_run.RULES]


@hookimpl
def qa_lint_register_rule_packs():
    return [builtin_pack_dir()]
