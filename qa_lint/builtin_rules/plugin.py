"""Registers the built-in Python rules, one family a package, and the built-in rule packs."""

from __future__ import annotations

from ..packs import builtin_pack_dir
from ..plugins import hookimpl
from . import boilerplate, caption, file, language, names, numbers, script, typography


@hookimpl
def qa_lint_register_rules():
    return [
        *file.RULES,
        *boilerplate.RULES,
        *caption.RULES,
        *typography.RULES,
        *script.RULES,
        *names.RULES,
        *language.RULES,
        *numbers.RULES,
    ]


@hookimpl
def qa_lint_register_rule_packs():
    return [builtin_pack_dir()]
