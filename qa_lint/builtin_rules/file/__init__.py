"""The file family (F rules): files that cannot be linted (F001-F005) and
suppression comments that suppress nothing (F006)."""

from __future__ import annotations

from . import unlintable, unused_suppression

RULES = (*unlintable.RULES, *unused_suppression.RULES)
