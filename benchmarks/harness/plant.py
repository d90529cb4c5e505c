"""Planting defects: the throw-away folder the planted copies of the corpus are written into."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def planting_folder(prefix: str, keep: bool = False) -> Iterator[Path]:
    """A new temporary folder, removed afterwards unless `keep` (the script then prints where it is)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield folder
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
