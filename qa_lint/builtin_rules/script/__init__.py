"""The script family (S rules): mixed scripts, lookalikes, wrong letters, digits,
invisible characters, mojibake, normalization and Persian zero-width non-joiners."""

from __future__ import annotations

from . import (
    digits,
    invisible,
    lookalike_letter,
    misplaced_zwnj,
    mixed_script,
    mojibake,
    normalization,
    persian_zwnj,
    wrong_letters,
)

RULES = (
    *mixed_script.RULES,  # S001
    *lookalike_letter.RULES,  # S002
    *wrong_letters.RULES,  # S003
    *digits.RULES,  # S004, S005, S013
    *invisible.RULES,  # S006, S007, S008
    *mojibake.RULES,  # S009
    *normalization.RULES,  # S010
    *persian_zwnj.RULES,  # S011
    *misplaced_zwnj.RULES,  # S012
)
