"""The `qa-lint` command line: `check`, `rules`, `explain`, `names`.

Exit status: 0 clean, 1 findings at or above `--fail-on`, 2 usage,
configuration or input errors. A user's mistake never shows a traceback.
`run` is the console-script entry point; each command lives in its own module.
"""

from __future__ import annotations

import gc
import os
import sys

import typer

from ..errors import Terminated
# Importing a command's module registers it; this order is the order `--help` lists them in.
from . import check, rules, names  # noqa: F401, I001
from .app import EXIT_ERROR, app
from .output import WRITE_ERRORS, discard_stdout, flush_stdout


def run() -> None:
    """Console-script entry point."""
    # Linting allocates millions of short-lived objects (words, mentions, findings) and few
    # cycles: a collection every 700 allocations cost about 6% of a run, every 50,000 about none.
    gc.set_threshold(50_000, 10, 10)
    # Reports hold every script on earth: never let the terminal's encoding drop them.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    _unwind_on_termination()
    try:
        _run_app()
    except SystemExit as done:
        workers = sys.modules.get("qa_lint.run.workers")
        if workers is not None and workers.pool_was_killed():
            # A killed worker pool may leave a thread that never ends: a normal exit would wait for it.
            flush_stdout()
            sys.stderr.flush()
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
            os._exit(code)
        raise


def _run_app() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("qa-lint: interrupted", err=True)
        sys.exit(130)
    except Terminated as stop:
        typer.echo(f"qa-lint: stopped by {_signal_name(stop.signum)}", err=True)
        sys.exit(128 + stop.signum)
    except OSError as error:
        if error.errno not in WRITE_ERRORS:
            raise
        discard_stdout()
        sys.stderr.write(f"qa-lint: error: cannot write to standard output: {error.strerror or error}\n")
        sys.exit(EXIT_ERROR)
    finally:
        flush_stdout()


def _unwind_on_termination() -> None:
    """SIGTERM and SIGHUP stop the run like an exception does: workers are killed, not orphaned."""
    import signal

    def stop(signum, frame):
        raise Terminated(signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)


def _signal_name(signum: int) -> str:
    import signal

    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"
