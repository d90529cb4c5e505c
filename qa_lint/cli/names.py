"""`qa-lint names`: the names a folder uses, as a glossary to review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import UsageError
from .app import EXIT_ERROR, fail, load_registry, app
from .output import output


@app.command()
def names(
    paths: List[str] = typer.Argument(None, help="Folders or files of articles (default: the current folder)."),
    output_file: Optional[Path] = typer.Option(None, "--output-file", "-o", help="Write the glossary to this file."),
    output_format: str = typer.Option("toml", "--format", "-f", help="toml (a glossary to review and adopt) or json."),
    min_mentions: int = typer.Option(1, "--min-mentions", help="Leave out names mentioned fewer times than this."),
    lang: Optional[str] = typer.Option(None, "--lang", help="The language of every file (a language tag)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this configuration file for every path."),
) -> None:
    """Extract the names a folder uses, per person and language with their counts, as a glossary."""
    from ..builtin_rules.names.learn import glossary_json, glossary_toml, learn
    from ..config import SettingsResolver
    from ..groups import build_groups
    from ..languages import normalize_tag
    from ..run.linter import Linter

    try:
        if output_format not in ("toml", "json"):
            raise UsageError(f"unknown format {output_format!r} for `names`; choose toml or json")
        overrides: dict = {}
        if lang is not None:
            overrides["lang"] = normalize_tag(lang, strict=False)
            if overrides["lang"] is None:
                raise UsageError(f"--lang: {lang!r} is not a language tag")
        resolver = SettingsResolver(overrides, config)
        paths = paths or ["."]
        documents, report = Linter(load_registry(), resolver, Path.cwd()).read_documents(list(paths))
        for problem in report.findings:
            typer.echo(f"qa-lint: {problem.path}: {problem.message}", err=True)
        source_language = next((s.source_language for s in resolver.all_settings() if s.source_language), None)
        people = [p for p in learn(build_groups(documents, source_language)) if p.mentions >= min_mentions]
        with output(output_file) as stream:
            if output_format == "json":
                stream.write(json.dumps(glossary_json(people), ensure_ascii=False, indent=2) + "\n")
            else:
                stream.write(glossary_toml(people, ", ".join(paths)))
    except UsageError as error:
        raise fail(str(error)) from None
    if report.findings:
        raise typer.Exit(EXIT_ERROR)
