"""What the benchmark scripts share: where the corpus is and how to run qa-lint.

Scripts run as `python benchmarks/NAME.py`, so this module imports as `common`.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "ntrex"


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
