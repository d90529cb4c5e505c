"""Registers the built-in Python rules and the built-in rule packs."""

from __future__ import annotations

from ..packs import builtin_pack_dir
from ..plugins import hookimpl
from . import blank_line_run, file_problems, unused_suppression
from . import broken_hyphenation, caption_consistency, caption_credit, caption_pipes, caption_repeated
from . import language, numbers, script
from . import name_archive_variant, name_missing, name_near_variant, name_not_approved, name_rendering_mismatch, name_variant


@hookimpl
def qa_lint_register_rules():
    return [*file_problems.RULES, *blank_line_run.RULES, *unused_suppression.RULES, *caption_pipes.RULES, *caption_credit.RULES, *caption_consistency.RULES, *caption_repeated.RULES, *broken_hyphenation.RULES, *script.RULES, *name_variant.RULES, *name_missing.RULES, *name_archive_variant.RULES, *name_not_approved.RULES, *name_rendering_mismatch.RULES, *name_near_variant.RULES, *language.RULES, *numbers.RULES]


@hookimpl
def qa_lint_register_rule_packs():
    return [builtin_pack_dir()]
