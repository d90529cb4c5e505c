"""`qa-lint rules` and `qa-lint explain`: what the rules are and why."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from ..errors import UsageError
from .app import fail, load_registry, app


@app.command("rules")
def list_rules(
    output_format: str = typer.Option("text", "--format", "-f", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", help="Read the rule packs of this configuration file."),
) -> None:
    """List every rule: built-in, from rule packs (the config's too) and from plugins."""
    try:
        if output_format not in ("text", "json"):
            raise UsageError(f"unknown format {output_format!r} for `rules`; choose text or json")
        registry = load_registry(with_config_packs=True, config=config)
    except UsageError as error:
        raise fail(str(error)) from None
    rules = registry.sorted_rules()
    if output_format == "json":
        typer.echo(json.dumps([rule.describe() for rule in rules], ensure_ascii=False, indent=2))
        return
    typer.echo(_rules_table(rules, _terminal_width()))


def _terminal_width() -> Optional[int]:
    """The terminal's width (or `COLUMNS`); None for a pipe or a file, which get whole summaries."""
    import shutil

    return shutil.get_terminal_size().columns if sys.stdout.isatty() or "COLUMNS" in os.environ else None


def _rules_table(rules, width: Optional[int]) -> str:
    """Aligned columns; on a terminal, summaries wrapped at words to its width."""
    import textwrap

    heads = ("code", "name", "category", "severity", "fix")
    cells = [(r.code, r.name, r.category.value, str(r.severity), r.fix_label) for r in rules]
    widths = [max(len(head), *(len(row[i]) for row in cells)) for i, head in enumerate(heads)]
    lead = sum(widths) + 2 * len(widths)
    lines = ["  ".join(h.ljust(w) for h, w in zip(heads, widths)) + "  summary"]
    for rule, row in zip(rules, cells):
        columns = "  ".join(c.ljust(w) for c, w in zip(row, widths)) + "  "
        if width is None:
            lines.append(columns + rule.summary)
            continue
        indent = lead if width - lead >= 30 else 6  # too narrow: the summary goes under the row
        parts = textwrap.wrap(rule.summary, max(width - indent - 1, 20), break_on_hyphens=False) or [""]
        if indent == lead:
            lines.append(columns + parts[0])
            parts = parts[1:]
        else:
            lines.append(columns.rstrip())
        lines.extend(" " * indent + part for part in parts)
    return "\n".join(line.rstrip() for line in lines)


@app.command()
def explain(
    code: str = typer.Argument(..., help="A rule code (B001) or name (comment-counter)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Read the rule packs of this configuration file."),
) -> None:
    """Show a rule's documentation: what it does, why it matters, its fix's safety, and an example."""
    from ..explain import explain_rule

    try:
        registry = load_registry(with_config_packs=True, config=config)
        try:
            rule = registry.get(code)
        except UsageError:
            # `check FOLDER` reads FOLDER's config: a pack rule it knows is explained too.
            found = None if config is not None else _rule_in_nearby_configs(code)
            if found is None:
                raise
            rule, where = found
            typer.echo(f"(from the rule packs of {where})\n")
        typer.echo(explain_rule(rule))
    except UsageError as error:
        raise fail(str(error)) from None


def _rule_in_nearby_configs(code: str):
    """(rule, config path) for a code defined by the rule packs of a config one or two folders down."""
    from ..config import CONFIG_NAMES

    cwd = Path.cwd()
    for pattern in ("*/{}", "*/*/{}"):
        for name in CONFIG_NAMES:
            for candidate in sorted(cwd.glob(pattern.format(name))):
                try:
                    rule = load_registry(with_config_packs=True, config=candidate).get(code)
                except UsageError:
                    continue
                return rule, candidate.relative_to(cwd).as_posix()
    return None
