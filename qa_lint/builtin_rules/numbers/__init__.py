"""The `numbers` family: figures, dates and links that differ between the translations of one article."""

from . import figure_rules, link_rules

RULES = (*figure_rules.RULES, *link_rules.RULES)  # D001, D002; D003, D004

__all__ = ["RULES"]
