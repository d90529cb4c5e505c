"""The caption family (C rules): photo captions and their credits, within a
translation and across the translations of one article."""

from __future__ import annotations

from . import consistency, credit, pipes, repeated

RULES = (*pipes.RULES, *credit.RULES, *consistency.RULES, *repeated.RULES)
