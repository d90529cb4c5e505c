"""The `qa-lint` command line: `check`, `rules`, `explain`.

Exit status: 0 clean, 1 findings at or above `--fail-on`, 2 usage,
configuration or input errors. A user's mistake never shows a traceback.
"""

from __future__ import annotations

import errno
import gc
import io
import json
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from . import __version__
from .errors import Terminated, UsageError
from .fixing import FixOptions

app = typer.Typer(
    name="qa-lint",
    help="Find what a careful editor would in translated news articles.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> typer.Exit:
    typer.echo(f"qa-lint: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def _plural(count: int, one: str, many: str | None = None) -> str:
    """"1 file", "3 files"."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def _split(values: Optional[List[str]]) -> tuple[str, ...]:
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


@contextmanager
def _output(path: Optional[Path]) -> Iterator[io.TextIOBase]:
    """Where a report goes: standard output, or a file written whole or not at all (a full disk leaves no half report)."""
    from .files import atomic_output

    if path is None:
        try:
            yield sys.stdout
            sys.stdout.flush()  # a write error shows now, not as a traceback at exit
        except BrokenPipeError:
            raise  # `qa-lint ... | head`: the reader has all it wanted; the CLI ends quietly
        except OSError as error:
            if error.errno not in _WRITE_ERRORS:
                raise
            _discard_stdout()
            raise UsageError(f"cannot write the report to standard output: {error.strerror or error}") from None
        return
    try:
        with atomic_output(path) as binary:
            stream = io.TextIOWrapper(binary, encoding="utf-8", errors="backslashreplace", newline="\n")
            yield stream
            stream.flush()
            stream.detach()
    except OSError as error:
        raise UsageError(f"cannot write the report to {path}: {error.strerror or error}") from None


def _discard_stdout() -> None:
    """Point standard output at /dev/null: what is still buffered cannot fail again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _registry(with_config_packs: bool = False, config: Optional[Path] = None):
    """All rules; with `with_config_packs`, also those of the packs the config names, as `check` reads it
    (`config`, else the current folder's)."""
    from .registry import Registry

    registry = Registry()
    if with_config_packs:
        from .checktypes.base import PackError
        from .config import SettingsResolver

        try:
            registry.add_pack_folders(SettingsResolver({}, config).for_folder(Path.cwd()).rule_packs)
        except PackError as error:
            raise UsageError(str(error)) from None
    return registry


@app.command()
def check(
    paths: List[str] = typer.Argument(None, help="Files and folders to lint (default: the current folder)."),
    output_format: Optional[str] = typer.Option(None, "--format", "-f", help="full, concise, json, jsonl, sarif, github, gitlab, rdjson, rdjsonl, junit, html (and any a plugin adds)."),
    output_file: Optional[Path] = typer.Option(None, "--output-file", "-o", help="Write the report to this file."),
    select: Optional[List[str]] = typer.Option(None, help="Rules to run: codes, prefixes or categories (comma-separated)."),
    extend_select: Optional[List[str]] = typer.Option(None, help="Rules to run in addition to the configured ones."),
    ignore: Optional[List[str]] = typer.Option(None, help="Rules not to run: codes, prefixes or categories."),
    fail_on: Optional[str] = typer.Option(None, help="Lowest severity that makes the run fail: error, warning (default), info."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit with 0 even when there are findings."),
    statistics: bool = typer.Option(False, "--statistics", help="Print only the number of findings per rule, one row a rule."),
    require_files: bool = typer.Option(False, "--require-files", help="Fail (exit 2) when the paths hold no file to check, rather than warn."),
    lang: Optional[str] = typer.Option(None, "--lang", help="The language of every file linted (a language tag)."),
    source_language: Optional[str] = typer.Option(None, "--source-language", help="The language articles were translated from."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this configuration file for every path."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the text formats (default: when writing to a terminal)."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes to the files, then report what is left."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix or --diff: apply unsafe fixes too."),
    diff: bool = typer.Option(False, "--diff", help="Print the fixes as a unified diff and write nothing (exit 1 if there are any)."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings this baseline file does not record."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record the current findings in this baseline file and exit."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="Lint standard input as this file (with --fix: print the fixed text); `-` as the path reads it too."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes for folders (default: the number of CPUs; 1: none)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the result cache."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Where the result cache lives (default: .qa-lint-cache beside the configuration, or here)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Lint translated articles: files, or folders walked for *.txt and *.md."""
    try:
        if paths and "-" in paths:  # `qa-lint check -`: standard input, named by --stdin-filename if given
            if len(paths) > 1:
                raise UsageError("`-` lints standard input: name no other paths")
            paths, stdin_filename = [], stdin_filename or "-"
        code = _check(
            paths or ([] if stdin_filename is not None else ["."]), output_format, output_file, select, extend_select,
            ignore, fail_on, exit_zero, statistics, lang, source_language, config, color,
            FixOptions(fix, unsafe_fixes, diff, stdin_filename), baseline, write_baseline,
            RunOptions(jobs, no_cache, cache_dir, quiet), require_files,
        )
    except UsageError as error:
        raise _fail(str(error)) from None
    raise typer.Exit(code)


def _check(paths, output_format, output_file, select, extend_select, ignore, fail_on,
           exit_zero, statistics, lang, source_language, config, color, fixing, baseline, write_baseline,
           running, require_files=False) -> int:
    from . import baseline as baselines
    from . import fixing as fixes
    from .config import SettingsResolver
    from .run.linter import Linter
    from .languages import normalize_tag
    from .model import Severity

    overrides: dict = {}
    if select is not None:
        overrides["select"] = _split(select)
    if extend_select is not None:
        overrides["extend_select"] = _split(extend_select)
    if ignore is not None:
        overrides["ignore"] = _split(ignore)
    if fail_on is not None:
        try:
            overrides["fail_on"] = Severity.parse(fail_on)
        except ValueError as error:
            raise UsageError(f"--fail-on: {error}") from None
    for option, value, key in (("--lang", lang, "lang"), ("--source-language", source_language, "source_language")):
        if value is not None:
            tag = normalize_tag(value, strict=False)
            if tag is None:
                raise UsageError(f"{option}: {value!r} is not a language tag (try e.g. fa, fr-CA, vie)")
            overrides[key] = tag

    registry = _registry()
    name = output_format or "full"
    if name not in registry.formats:
        raise UsageError(f"unknown format {name!r}; choose from: {', '.join(sorted(registry.formats))}")
    resolver = SettingsResolver(overrides, config)
    linter = Linter(
        registry, resolver, Path.cwd(),
        jobs=running.worker_count(), cache_dir=running.cache_folder(resolver), progress=running.progress_bar(),
    )
    given = [p for p in paths if not os.path.lexists(Path.cwd() / p)] if fixing.stdin_filename is None else []
    if given and len(given) == len(paths):  # nothing to lint at all: one line, not a report
        raise UsageError(f"no such file or folder: {', '.join(_shown(p) for p in given)}")
    report, outcome = fixes.lint_and_fix(linter, list(paths), fixing)
    if report.files_checked == 0 and not report.findings and fixing.stdin_filename is None:
        where = ", ".join(_shown(p) for p in paths)
        if require_files or resolver.for_folder(Path.cwd()).require_files:
            raise UsageError(f"no files to check under {where} (--require-files)")
        typer.echo(f"qa-lint: warning: no files to check under {where}", err=True)
    if outcome is not None:
        with _output(output_file) as stream:
            done = fixes.finish(outcome, fixing, report, stream, relint=lambda sources: _relint(linter, paths, sources))
        if done is not None:
            return done
    done = baselines.use(report, baseline, write_baseline, linter, list(paths) or [fixing.stdin_filename])
    if done is not None:
        return done

    use_color = color if color is not None else (output_file is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    with _output(None if fixing.fixed_text_to_output else output_file) as stream:
        stream = sys.stderr if fixing.fixed_text_to_output else stream
        if statistics:
            _write_statistics(report, stream, as_json=name in ("json", "jsonl"))
        else:
            registry.formats[name](registry, color=use_color).write(report, stream)
    for message in report.internal_errors:
        typer.echo(f"qa-lint: internal error: {message}", err=True)
    if report.input_errors or report.internal_errors:
        if report.input_errors:
            typer.echo(f"qa-lint: {_plural(report.input_errors, 'file')} could not be checked; see the F00x findings above", err=True)
        if report.internal_errors:
            typer.echo(f"qa-lint: {_plural(len(report.internal_errors), 'rule')} crashed; their findings are missing", err=True)
        return EXIT_ERROR
    if report.failing() and not exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _relint(linter, paths, sources):
    """Lint `paths` again from `sources` (path -> bytes), the files as they are on disk now."""
    linter.sources.given.clear()
    linter.sources.given.update(sources)
    return linter.lint_paths(list(paths))


@dataclass(frozen=True)
class RunOptions:
    """How a check runs (not what it finds): processes, cache, progress."""

    jobs: Optional[int]
    no_cache: bool
    cache_dir: Optional[Path]
    quiet: bool

    def worker_count(self) -> int:
        if self.jobs is not None and self.jobs < 1:
            raise UsageError("--jobs must be at least 1")
        return self.jobs or os.cpu_count() or 1

    def cache_folder(self, resolver) -> Optional[Path]:
        if self.no_cache:
            return None
        if self.cache_dir is not None:
            return self.cache_dir
        settings = resolver.for_folder(Path.cwd())
        return settings.cache_dir or (settings.root / ".qa-lint-cache")

    def progress_bar(self):
        """Files done / all, on stderr, for long runs in a terminal only."""
        if self.quiet or not sys.stderr.isatty():
            return None
        state = {"shown": False}

        def show(done: int, total: int) -> None:
            if total < 200:
                return
            sys.stderr.write(f"\rqa-lint: {done}/{total} files" + ("\n" if done == total else ""))
            sys.stderr.flush()
            state["shown"] = done != total

        return show


def _shown(path: str) -> str:
    from .formats.text import escape_path

    return escape_path(path)


def _write_statistics(report, stream, as_json: bool = False) -> None:
    """One row per rule: how many findings, how many plain --fix repairs, how many only --unsafe-fixes does."""
    from .model import Applicability

    rows: dict[str, dict] = {}
    for f in report.findings:
        row = rows.setdefault(f.code, {"code": f.code, "name": f.name, "count": 0, "fixable": 0, "unsafe_fixable": 0})
        row["count"] += 1
        if f.fix is not None:
            row["fixable" if f.fix.applicability is Applicability.SAFE else "unsafe_fixable"] += 1
    ordered = sorted(rows.values(), key=lambda row: (-row["count"], row["code"]))
    if as_json:
        stream.write(json.dumps(ordered, ensure_ascii=False, indent=2) + "\n")
        return
    if not ordered:
        stream.write(f"No findings ({_plural(report.files_checked, 'file')} checked).\n")
        return
    width = max(5, len(f"{ordered[0]['count']:,}"))
    code_width = max(4, *(len(row["code"]) for row in ordered))
    stream.write(f"{'count':>{width}}  {'code':<{code_width}}  {'--fix':>5}  {'unsafe':>6}  name\n")
    for row in ordered:
        fixable = f"{row['fixable']:,}" if row["fixable"] else "-"
        unsafe = f"{row['unsafe_fixable']:,}" if row["unsafe_fixable"] else "-"
        stream.write(f"{row['count']:>{width},}  {row['code']:<{code_width}}  {fixable:>5}  {unsafe:>6}  {row['name']}\n")


@app.command("rules")
def list_rules(
    output_format: str = typer.Option("text", "--format", "-f", help="text or json."),
    config: Optional[Path] = typer.Option(None, "--config", help="Read the rule packs of this configuration file."),
) -> None:
    """List every rule: built-in, from rule packs (the config's too) and from plugins."""
    try:
        if output_format not in ("text", "json"):
            raise UsageError(f"unknown format {output_format!r} for `rules`; choose text or json")
        registry = _registry(with_config_packs=True, config=config)
    except UsageError as error:
        raise _fail(str(error)) from None
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
    from .explain import explain_rule

    try:
        registry = _registry(with_config_packs=True, config=config)
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
        raise _fail(str(error)) from None


def _rule_in_nearby_configs(code: str):
    """(rule, config path) for a code defined by the rule packs of a config one or two folders down."""
    from .config import CONFIG_NAMES

    cwd = Path.cwd()
    for pattern in ("*/{}", "*/*/{}"):
        for name in CONFIG_NAMES:
            for candidate in sorted(cwd.glob(pattern.format(name))):
                try:
                    rule = _registry(with_config_packs=True, config=candidate).get(code)
                except UsageError:
                    continue
                return rule, candidate.relative_to(cwd).as_posix()
    return None


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
    from .config import SettingsResolver
    from .run.linter import Linter
    from .groups import build_groups
    from .languages import normalize_tag
    from .builtin_rules.names.learn import glossary_json, glossary_toml, learn

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
        documents, report = Linter(_registry(), resolver, Path.cwd()).read_documents(list(paths))
        for problem in report.findings:
            typer.echo(f"qa-lint: {problem.path}: {problem.message}", err=True)
        source_language = next((s.source_language for s in resolver.all_settings() if s.source_language), None)
        people = [p for p in learn(build_groups(documents, source_language)) if p.mentions >= min_mentions]
        with _output(output_file) as stream:
            if output_format == "json":
                stream.write(json.dumps(glossary_json(people), ensure_ascii=False, indent=2) + "\n")
            else:
                stream.write(glossary_toml(people, ", ".join(paths)))
    except UsageError as error:
        raise _fail(str(error)) from None
    if report.findings:
        raise typer.Exit(EXIT_ERROR)


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
            _flush_stdout()
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
        if error.errno not in _WRITE_ERRORS:
            raise
        _discard_stdout()
        sys.stderr.write(f"qa-lint: error: cannot write to standard output: {error.strerror or error}\n")
        sys.exit(EXIT_ERROR)
    finally:
        _flush_stdout()


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


# What writing to standard output fails with (a broken pipe, the CLI already ends quietly).
_WRITE_ERRORS = frozenset(getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO") if hasattr(errno, name))


def _flush_stdout() -> None:
    """What `rules` and `explain` printed, flushed now: a full disk is one line and exit 2, not a traceback."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
    except OSError as error:
        _discard_stdout()
        sys.stderr.write(f"qa-lint: error: cannot write to standard output: {error.strerror or error}\n")
        sys.exit(EXIT_ERROR)
