"""The HTML review report on the whole corpus: its size, the time to write it, and a real browser opening it.

What it measures
----------------
It lints the NTREX corpus (``ntrex/<language>/<document>.txt``, 1,722 files)
once in this process with every default rule and ``--source-language en``,
then writes the report in the ``html`` and (for comparison) ``json`` formats
three times each and prints:

* the median time to write each, and the html page's size in MB;
* with Chromium (``chromium`` on PATH, or ``--chromium``): the wall time for
  headless Chromium to start, load the page, run its script, open one article
  group (``report.html#g0``, as the overview's links do) and dump the DOM, the
  part of it inside the page (navigation to the end of its script, which the
  script records), and whether the script ran (``data-ready``), then the same with every group
  rendered at once (``--dump-dom`` on a copy with every group opened), which
  no reader needs (groups render when opened) but shows the cost of the whole.

Targets: the page under 20 MB, written in under 3 s, opened by Chromium (one
group open) in under 10 s. Exit status 1 when one is missed, 2 when qa-lint or Chromium fails.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/html_report.py
    python benchmarks/html_report.py --corpus /path/to/ntrex --chromium /usr/bin/chromium

Standard library and qa-lint itself; the corpus is read at run time, never
copied into the repository.
"""

from __future__ import annotations

import io
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import EXIT_ERROR, REPO_ROOT, benchmark_parser, parse_args

sys.path.insert(0, str(REPO_ROOT))

MAX_MB, MAX_WRITE_S, MAX_OPEN_S = 20, 3.0, 10.0


def lint(corpus: Path):
    from qa_lint.config import SettingsResolver
    from qa_lint.run.linter import Linter
    from qa_lint.registry import Registry

    registry = Registry()
    linter = Linter(registry, SettingsResolver({"source_language": "en"}), corpus.parent, jobs=2)
    return registry, linter.lint_paths([corpus.name])


def write_time(registry, report, name: str) -> tuple[float, str]:
    times, text = [], ""
    for _ in range(3):
        stream = io.StringIO()
        start = time.perf_counter()
        registry.formats[name](registry).write(report, stream)
        times.append(time.perf_counter() - start)
        text = stream.getvalue()
    return statistics.median(times), text


def open_in_chromium(chromium: str, page: Path, fragment: str, profile: Path) -> tuple[float, str]:
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               f"--user-data-dir={profile}", "--dump-dom", page.as_uri() + fragment]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, timeout=300)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(f"chromium failed ({done.returncode}): {done.stderr.decode(errors='replace')[-2000:]}\n")
        sys.exit(EXIT_ERROR)
    return elapsed, done.stdout.decode("utf-8", "replace")


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"),
                        help="the Chromium executable (default: chromium on PATH)")
    args, corpus, _ = parse_args(parser, argv)
    start = time.perf_counter()
    registry, report = lint(corpus.resolve())
    print(f"linted {report.files_checked:,} files, {len(report.findings):,} findings, in {time.perf_counter() - start:.1f} s")
    missed = []
    html_s, page = write_time(registry, report, "html")
    json_s, _ = write_time(registry, report, "json")
    size = len(page.encode("utf-8")) / 1e6
    print(f"html: {size:.1f} MB written in {html_s:.2f} s (median of 3); json: {json_s:.2f} s")
    if size > MAX_MB:
        missed.append(f"size {size:.1f} MB > {MAX_MB} MB")
    if html_s > MAX_WRITE_S:
        missed.append(f"writing {html_s:.2f} s > {MAX_WRITE_S} s")
    if args.chromium:
        with tempfile.TemporaryDirectory(prefix="qa-lint-html-") as temporary:
            folder = Path(temporary)
            target = folder / "report.html"
            target.write_text(page, encoding="utf-8")
            every = folder / "every-group-open.html"
            every.write_text(re.sub(r'<details class="group( clean)?" id="g', r'<details open class="group\1" id="g', page),
                             encoding="utf-8")
            for what, file, fragment in (("one group open", target, "#g0"), ("every group open", every, "")):
                seconds, dom = open_in_chromium(args.chromium, file, fragment, folder / "profile")
                ran = 'data-ready="1"' in dom
                rendered = dom.count('data-rendered="1"')
                ready = re.search(r'data-ready-ms="(\d+)"', dom)
                inside = f", {int(ready.group(1)) / 1000:.1f} s of it in the page until its script finished" if ready else ""
                print(f"chromium, {what}: {seconds:.1f} s from start to DOM dump{inside} "
                      f"(script ran: {ran}, groups rendered: {rendered})")
                if not ran:
                    missed.append(f"{what}: the page's script did not run")
                if fragment and seconds > MAX_OPEN_S:
                    missed.append(f"{what}: {seconds:.1f} s > {MAX_OPEN_S} s")
    else:
        print("chromium: not found (--chromium PATH); browser timings skipped")
    for problem in missed:
        print(f"MISSED: {problem}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
