"""The names family (N rules): a name written two ways, missing from a
translation, against the archive or a glossary, or rendered differently across
translations; and `learn`, which builds a glossary for `qa-lint names`."""

from __future__ import annotations

from . import (
    name_archive_variant,
    name_missing,
    name_near_variant,
    name_not_approved,
    name_rendering_mismatch,
    name_variant,
)

RULES = (
    *name_variant.RULES,  # N001
    *name_missing.RULES,  # N002
    *name_archive_variant.RULES,  # N003
    *name_not_approved.RULES,  # N004
    *name_rendering_mismatch.RULES,  # N005
    *name_near_variant.RULES,  # N006
)
