"""The script family's data files in `rules/script/` (names starting with "_": not rule packs)."""

from __future__ import annotations

import functools
import tomllib
from typing import Any

from ...packs import builtin_pack_dir


@functools.cache
def load(name: str) -> dict[str, Any]:
    """`rules/script/_<name>.toml`, parsed once."""
    path = builtin_pack_dir() / "script" / f"_{name}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))
