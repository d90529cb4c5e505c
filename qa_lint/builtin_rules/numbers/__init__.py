"""The `numbers` family: figures, dates and links that differ between the translations of one article."""

from .rules import RULES

__all__ = ["RULES"]
