"""The boilerplate family (B rules) written in Python; the web leftovers
themselves are data in the `rules/boilerplate/` pack."""

from __future__ import annotations

from . import blank_line_run

RULES = blank_line_run.RULES
