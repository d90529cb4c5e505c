"""Registers the built-in check types."""

from __future__ import annotations

from ..plugins import hookimpl
from .pattern import PatternCheck
from .substitution import SubstitutionCheck
from .balance import BalanceCheck
from .repeated_word import RepeatedWordCheck


@hookimpl
def qa_lint_register_check_types():
    return [PatternCheck, SubstitutionCheck, BalanceCheck, RepeatedWordCheck]
