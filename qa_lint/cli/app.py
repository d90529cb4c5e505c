"""The `qa-lint` application: its options, exit statuses and the helpers every command shares."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .. import __version__
from ..errors import UsageError

app = typer.Typer(
    name="qa-lint",
    help="Find what a careful editor would in translated news articles.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> typer.Exit:
    typer.echo(f"qa-lint: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def plural(count: int, one: str, many: str | None = None) -> str:
    """"1 file", "3 files"."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def split_codes(values: Optional[List[str]]) -> tuple[str, ...]:
    """`--select B001,B002 --select N` -> ("B001", "B002", "N")."""
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qa-lint {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Find what a careful editor would in translated news articles."""


def load_registry(with_config_packs: bool = False, config: Optional[Path] = None):
    """All rules; with `with_config_packs`, also those of the packs the config names, as `check` reads it
    (`config`, else the current folder's)."""
    from ..registry import Registry

    registry = Registry()
    if with_config_packs:
        from ..checktypes.base import PackError
        from ..config import SettingsResolver

        try:
            registry.add_pack_folders(SettingsResolver({}, config).for_folder(Path.cwd()).rule_packs)
        except PackError as error:
            raise UsageError(str(error)) from None
    return registry
