"""The language family (L rules): untranslated and wrong-language lines, mixed-language
lines, and documents in another language than declared."""

from __future__ import annotations

from .rules import RULES

__all__ = ["RULES"]
