"""The typography family (T rules) written in Python; the pattern rules are data
in the `rules/typography/` pack."""

from __future__ import annotations

from . import broken_hyphenation

RULES = broken_hyphenation.RULES
