"""`qa-lint check`: lint, fix, compare with a baseline, report."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import UsageError
from ..fixing import FixOptions
from .app import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, app, fail, load_registry, plural, split_codes
from .output import output, shown


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
    executor: str = typer.Option("process", "--executor", help="Where article groups are linted: process (worker processes here) or dask (a Dask cluster; needs qa-lint[dask])."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --executor dask: the scheduler's address (default: start a local cluster of --jobs workers)."),
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
            RunOptions(jobs, no_cache, cache_dir, quiet, executor, scheduler), require_files,
        )
    except UsageError as error:
        raise fail(str(error)) from None
    raise typer.Exit(code)


def _check(paths, output_format, output_file, select, extend_select, ignore, fail_on,
           exit_zero, statistics, lang, source_language, config, color, fixing, baseline, write_baseline,
           running, require_files=False) -> int:
    from .. import baseline as baselines
    from .. import fixing as fixes
    from ..config import SettingsResolver
    from ..languages import normalize_tag
    from ..model import Severity
    from ..run.linter import Linter

    overrides: dict = {}
    if select is not None:
        overrides["select"] = split_codes(select)
    if extend_select is not None:
        overrides["extend_select"] = split_codes(extend_select)
    if ignore is not None:
        overrides["ignore"] = split_codes(ignore)
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

    registry = load_registry()
    name = output_format or "full"
    if name not in registry.formats:
        raise UsageError(f"unknown format {name!r}; choose from: {', '.join(sorted(registry.formats))}")
    resolver = SettingsResolver(overrides, config)
    linter = Linter(
        registry, resolver, Path.cwd(),
        jobs=running.worker_count(), cache_dir=running.cache_folder(resolver), progress=running.progress_bar(),
    )
    linter.executor = running.group_executor(fixing)
    given = [p for p in paths if not os.path.lexists(Path.cwd() / p)] if fixing.stdin_filename is None else []
    if given and len(given) == len(paths):  # nothing to lint at all: one line, not a report
        raise UsageError(f"no such file or folder: {', '.join(shown(p) for p in given)}")
    use_color = color if color is not None else (output_file is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    # The report of a built-in format on a pipe: a run that changed nothing writes what it wrote last time.
    render = None
    if (not statistics and not fixing.active and not fixing.unsafe and fixing.stdin_filename is None
            and baseline is None and write_baseline is None and output_file is None and not sys.stdout.isatty()
            and registry.formats[name] in rendered_formats()):
        render = (name, bool(use_color), os.environ.get("COLUMNS"))
        served = linter.lint_rendered(list(paths), render)
        if served is not None:
            _no_files_left(served.files_checked, served.findings > 0, fixing, paths, require_files, resolver)
            with output(None) as stream:
                stream.write(served.text)
            return _exit_status(served.input_errors, served.internal_errors, served.failing > 0, exit_zero)
    report, outcome = fixes.lint_and_fix(linter, list(paths), fixing)
    _no_files_left(report.files_checked, bool(report.findings), fixing, paths, require_files, resolver)
    if outcome is not None:
        with output(output_file) as stream:
            done = fixes.finish(outcome, fixing, report, stream, relint=lambda sources: _relint(linter, paths, sources))
        if done is not None:
            return done
    done = baselines.use(report, baseline, write_baseline, linter, list(paths) or [fixing.stdin_filename])
    if done is not None:
        return done

    with output(None if fixing.fixed_text_to_output else output_file) as stream:
        stream = sys.stderr if fixing.fixed_text_to_output else stream
        if statistics:
            _write_statistics(report, stream, as_json=name in ("json", "jsonl"))
        elif render is not None:
            kept = _Kept(stream)
            registry.formats[name](registry, color=use_color).write(report, kept)
            linter.store_rendered(render, "".join(kept.parts), report)
        else:
            registry.formats[name](registry, color=use_color).write(report, stream)
    return _exit_status(report.input_errors, report.internal_errors, bool(report.failing()), exit_zero)


def rendered_formats() -> frozenset:
    """The formats whose text is a function of the findings, the counts, the colour and `COLUMNS` alone
    (qa-lint's own code, so the result cache's fingerprint covers them): a stored report can stand for them."""
    from ..formats.json_formats import JsonFormat, JsonLinesFormat
    from ..formats.text import ConciseFormat, FullFormat

    return frozenset({FullFormat, ConciseFormat, JsonFormat, JsonLinesFormat})


class _Kept:
    """A text stream passing writes on to `stream` and keeping them: a format sees the stream it writes to."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return self._stream.write(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _no_files_left(files_checked: int, any_findings: bool, fixing, paths, require_files, resolver) -> None:
    """Fail (`--require-files`) or warn when the paths held no file to check."""
    if files_checked == 0 and not any_findings and fixing.stdin_filename is None:
        where = ", ".join(shown(p) for p in paths)
        if require_files or resolver.for_folder(Path.cwd()).require_files:
            raise UsageError(f"no files to check under {where} (--require-files)")
        typer.echo(f"qa-lint: warning: no files to check under {where}", err=True)


def _exit_status(input_errors: int, internal_errors: list[str], failing: bool, exit_zero: bool) -> int:
    for message in internal_errors:
        typer.echo(f"qa-lint: internal error: {message}", err=True)
    if input_errors or internal_errors:
        if input_errors:
            typer.echo(f"qa-lint: {plural(input_errors, 'file')} could not be checked; see the F00x findings above", err=True)
        if internal_errors:
            typer.echo(f"qa-lint: {plural(len(internal_errors), 'rule')} crashed; their findings are missing", err=True)
        return EXIT_ERROR
    if failing and not exit_zero:
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
    executor: str = "process"
    scheduler: Optional[str] = None

    def worker_count(self) -> int:
        if self.jobs is not None and self.jobs < 1:
            raise UsageError("--jobs must be at least 1")
        return self.jobs or os.cpu_count() or 1

    def group_executor(self, fixing: FixOptions):
        """None for worker processes here, else the Dask executor (`--executor dask`)."""
        if self.executor not in ("process", "dask"):
            raise UsageError(f"--executor: {self.executor!r} is not an executor; choose from: process, dask")
        if self.executor == "process":
            if self.scheduler is not None:
                raise UsageError("--scheduler needs --executor dask")
            return None
        if fixing.fix or fixing.diff or fixing.stdin_filename is not None:
            raise UsageError("--executor dask lints files on shared storage: not with --fix, --diff or standard input")
        from ..run.dask_executor import DaskExecutor

        return DaskExecutor(self.scheduler, self.worker_count())

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


def _write_statistics(report, stream, as_json: bool = False) -> None:
    """One row per rule: how many findings, how many plain --fix repairs, how many only --unsafe-fixes does."""
    from ..model import Applicability

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
        stream.write(f"No findings ({plural(report.files_checked, 'file')} checked).\n")
        return
    width = max(5, len(f"{ordered[0]['count']:,}"))
    code_width = max(4, *(len(row["code"]) for row in ordered))
    stream.write(f"{'count':>{width}}  {'code':<{code_width}}  {'--fix':>5}  {'unsafe':>6}  name\n")
    for row in ordered:
        fixable = f"{row['fixable']:,}" if row["fixable"] else "-"
        unsafe = f"{row['unsafe_fixable']:,}" if row["unsafe_fixable"] else "-"
        stream.write(f"{row['count']:>{width},}  {row['code']:<{code_width}}  {fixable:>5}  {unsafe:>6}  {row['name']}\n")
