"""The language family (L rules): untranslated and wrong-language lines, mixed-language
lines, documents in another language than declared, and words whose letters say their language."""

from __future__ import annotations

from . import own_letters, rules

RULES = (*rules.RULES, *own_letters.RULES)

__all__ = ["RULES"]
