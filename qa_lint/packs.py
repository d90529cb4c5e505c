"""Loading rule packs: folders of TOML files, each holding `[[rule]]` tables.

A pack file looks like this (see `rules/` for real ones):

    [[rule]]
    code = "B001"
    name = "comment-counter"
    category = "boilerplate"
    type = "pattern"          # the check type, see qa_lint/checktypes/
    message = "..."
    what = "..."              # docs shown by `qa-lint explain`
    why = "..."
    patterns = ['...']
    [[rule.examples]]
    text = "Comment (0)"
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Iterable

from .checktypes.base import PackError, PackRule, RuleData

# Where the wheel puts the top-level `rules/` folder; a source checkout
# (editable install) has no copy there and reads `rules/` itself.
_INSTALLED_PACKS = Path(__file__).with_name("packs")
_SOURCE_PACKS = Path(__file__).resolve().parent.parent / "rules"


def builtin_pack_dir() -> Path:
    return _INSTALLED_PACKS if _INSTALLED_PACKS.is_dir() else _SOURCE_PACKS


def load_packs(folders: Iterable[Path], check_types: dict[str, type[PackRule]]) -> list[PackRule]:
    rules: list[PackRule] = []
    for folder in folders:
        if not folder.is_dir():
            raise PackError(f"{folder}: rule pack folder not found")
        for file in sorted(folder.rglob("*.toml")):
            rules.extend(load_pack_file(file, check_types))
    return rules


def load_pack_file(file: Path, check_types: dict[str, type[PackRule]]) -> list[PackRule]:
    try:
        document = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{file}: cannot read rule pack: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise PackError(f"{file}: invalid TOML: {error}") from None
    unknown = sorted(set(document) - {"rule"})
    if unknown:
        raise PackError(f"{file}: unknown top-level key `{unknown[0]}` (a pack holds `[[rule]]` tables)")
    tables = document.get("rule", [])
    if not isinstance(tables, list) or not tables:
        raise PackError(f"{file}: no `[[rule]]` tables")
    rules = []
    for number, table in enumerate(tables, start=1):
        label = table.get("code") or table.get("name") or f"#{number}"
        data = RuleData(table, f"{file}: rule {label}")
        type_name = data.take("type", str)
        check_type = check_types.get(type_name)
        if check_type is None:
            known = ", ".join(sorted(check_types))
            raise data.fail(f"unknown check type {type_name!r} (known: {known})")
        rules.append(check_type(data, origin=str(file)))
    return rules
