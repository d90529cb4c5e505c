"""The command line every benchmark shares: --corpus, --qa-lint, and the qa-lint command to run."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from .corpus import DEFAULT_CORPUS


def qa_lint_command(explicit: str | None = None) -> list[str]:
    """The command that runs qa-lint: --qa-lint, the venv's script, PATH, or `python -m qa_lint`."""
    if explicit:
        return [explicit]
    beside = Path(sys.executable).with_name("qa-lint")
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("qa-lint")
    if found:
        return [found]
    return [sys.executable, "-m", "qa_lint"]


def benchmark_parser(doc: str) -> argparse.ArgumentParser:
    """A parser described by the first paragraph of `doc`, with the shared --corpus and --qa-lint."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"the ntrex folder (default: {DEFAULT_CORPUS})")
    parser.add_argument("--qa-lint", dest="qa_lint", help="the qa-lint executable to run")
    return parser


def parse_args(parser: argparse.ArgumentParser,
               argv: list[str] | None) -> tuple[argparse.Namespace, Path, list[str]]:
    """The parsed arguments, the resolved corpus folder (an error if missing) and the qa-lint command."""
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        parser.error(f"corpus folder not found: {corpus}")
    return args, corpus, qa_lint_command(args.qa_lint)
