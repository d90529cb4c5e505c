"""Robustness: a long fuzz run, very large inputs, a huge folder tree, and peak memory.

What it measures
----------------
* **Fuzz.** ``--inputs`` documents (default 3,000) made by a seeded generator
  (standard ``random``): nasty fragments (bidi controls, combining piles,
  leftovers, captions, quotes, every plane), corpus sentences with such
  fragments spliced in, and raw bytes, in UTF-8, UTF-16 and UTF-32, in 16
  languages, alone and as article groups. Each goes through the whole
  pipeline in process: reading, every rule (opt-in ones too), every output
  format (parsed back when machine-readable) and ``--fix`` until it settles.
  Any exception, rule crash or unparsable output is a crash; fixes that
  still change the text after ``--fix``'s 10 passes are counted apart;
  ``--save-crashes DIR`` writes each crashing input there (for
  ``tests/robustness/fuzz_regressions/``). Target: 0 crashes.
* **Large inputs**, each a ``qa-lint check --no-cache --format json`` run in a
  fresh process, timed, with its peak resident memory (``wait4``): 5 MB on a
  single line (French and Persian sentences of the corpus joined), 50 MB of
  short lines (``max-file-size`` raised), the same 50 MB with the default
  limit (an F005 finding, at once), and 100,000 small files in 1,000 folders.
* **The corpus**: the whole NTREX corpus with the default rules, time and peak memory.
* **Workers die with the parent.** A run on 4 MB in 400 files, worker pool
  forced (``QA_LINT_PARALLEL_MIN_BYTES=0``), is sent SIGTERM, SIGHUP or
  SIGKILL once its workers run: how long until its standard output closes,
  how many workers are left a second later (found in ``/proc``; Linux only).
* **Pattern time is bounded.** A rule pack whose pattern backtracks without
  bound (``(a|a)+$``) meets a line of forty a's and a "!" in 4 files beside
  40 good ones: the rule must give up on each of the 4 (exit 2, no traceback),
  the good files be linted, within 4 budgets and a margin. And S010 on 1 MB
  that is one cluster of mixed combining marks.

Targets (exit status 1 when one is missed): no fuzz crash; no run ends with a
traceback or exit status 2 (except F005's); 5 MB single line under 120 s;
50 MB of short lines under 300 s and 4 GB; oversized file under 5 s; 100,000
files under 600 s; the corpus under 1 GB; output closed within 5 s of a
signal with no worker left; the runaway pattern given up on within 60 s; S010
on the pile of marks under 30 s.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/robustness.py                       # everything, about 10 minutes on 2 cores
    python benchmarks/robustness.py --only fuzz --inputs 20000 --save-crashes /tmp/crashes
    python benchmarks/robustness.py --only large,files,corpus,workers,patterns

The property-based tests have a longer profile too:
``QA_LINT_FUZZ=long pytest tests/robustness/test_robustness_content.py`` (5,000 examples
per property). Standard library and qa-lint only; the corpus is read at run
time and nothing of it is copied into the repository. Deterministic inputs
(``--seed``); timings vary with the machine.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
from pathlib import Path

from harness import benchmark_parser, parse_args

LANGUAGES = ("fa", "fr", "ar", "ru", "en", "zh", "ja", "ko", "vi", "hi", "de", "es", "km", "lo", "ur", "el")
FRAGMENTS = (
    "Comment (0)", "نظر (0)", "Đọc thêm:", "Tags: ", "(Photo : Dinh Hoa)", "(عکس: VNA)", "（图：新华社）",
    "| légende |", "|", "« ", " »", "«", "»", "“", "”", "\"", "(", ")", "[", "]", "Phan Anh Son", "فان آنه سون",
    "Фан Ань Шон", "Maison-Blanche", "می کند", "ي", "ك", "١٢٣", "۱۲۳", "٫", "،", " ,", " .", "\u200c", "\u200d",
    "\u200b", "\u00ad", "\ufeff", "\u202a", "\u202b", "\u202c", "\u202e", "\u2066", "\u2067", "\u2069", "\u200f",
    "\ufffd", "\ue000", "e\u0301", "\u0301\u0301", "Ã©", "â€™", "Ã", "\x01", "\x85", "\u2028", "\r", "\n",
    "\r\n", "\n\n\n\n", "\t", "  ", "\u00a0", "https://a.vn/x", "a@b.vn", "<!-- qa-lint: ignore B001 -->",
    "<!-- qa-lint: ignore", "-->", "the the ", "𝔸", "👩‍👩‍👧", "🇻🇳", "İ", "ß",
)
UNICODE_RANGES = ((0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x400, 0x4FF), (0x600, 0x6FF), (0x900, 0x97F),
                  (0xE00, 0xEFF), (0x1780, 0x17FF), (0x2000, 0x206F), (0x3000, 0x30FF), (0x4E00, 0x4FFF),
                  (0xAC00, 0xACFF), (0xD7FC, 0xD7FF), (0xE000, 0xE0FF), (0xFB00, 0xFFFF), (0x10000, 0x1FFFF),
                  (0x20000, 0x2FFFF), (0xE0000, 0xE01EF), (0xF0000, 0x10FFFF))
ENCODINGS = ("utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-32")


# -- fuzzing -------------------------------------------------------------------------


class Fuzzer:
    def __init__(self, seed: int, corpus_lines: list[str]) -> None:
        self.random = random.Random(seed)
        self.corpus_lines = corpus_lines

    def text(self) -> str:
        r = self.random
        pieces = []
        for _ in range(r.randint(0, 40)):
            kind = r.random()
            if kind < 0.45:
                pieces.append(r.choice(FRAGMENTS) * (r.randint(1, 400) if r.random() < 0.1 else 1))
            elif kind < 0.75 and self.corpus_lines:
                pieces.append(r.choice(self.corpus_lines))
            else:
                low, high = r.choice(UNICODE_RANGES)
                pieces.append("".join(chr(r.randint(low, high)) for _ in range(r.randint(1, 30))))
        return "".join(pieces)

    def document(self) -> bytes:
        r = self.random
        if r.random() < 0.1:
            return bytes(r.randrange(256) for _ in range(r.randint(0, 3000)))
        data = self.text().encode(r.choice(ENCODINGS))
        if r.random() < 0.05 and data:  # one damaged byte
            spot = r.randrange(len(data))
            data = data[:spot] + bytes([r.randrange(256)]) + data[spot + 1 :]
        return data

    def case(self) -> dict[str, bytes]:
        """One file, or the translations of one article (and another article) in several languages."""
        r = self.random
        langs = r.sample(LANGUAGES, r.randint(1, 4))
        files = {f"{lang}/a.txt": self.document() for lang in langs}
        if len(langs) > 1 and r.random() < 0.5:
            files[f"{langs[0]}/b.md"] = self.document()
        return files


class Unsettled(Exception):
    """`--fix` did not settle: reported apart from crashes (a known limit, see the README's Guarantees)."""


def lint_case(files: dict[str, bytes]) -> None:
    """The whole pipeline in process; raises on any crash."""
    from qa_lint.config import SettingsResolver
    from qa_lint.run.linter import Linter
    from qa_lint.fixing import fix_in_memory

    registry = _registry()
    overrides = {"extend_select": tuple(r.code for r in registry.rules.values() if r.opt_in), "source_language": "en"}
    cwd = Path("/nonexistent-qa-lint-fuzz")
    linter = Linter(registry, SettingsResolver(dict(overrides)), cwd)
    fixer = Linter(registry, SettingsResolver(dict(overrides)), cwd)
    for path, data in files.items():
        linter.sources.given[cwd / path] = data
        fixer.sources.given[cwd / path] = data
    report = linter.lint_paths(list(files))
    if report.internal_errors:
        raise AssertionError(report.internal_errors[0])
    for name in sorted(registry.formats):
        stream = io.StringIO()
        registry.formats[name](registry, color=True).write(report, stream)
        output = stream.getvalue()
        if name in ("json", "sarif", "rdjson", "gitlab"):
            json.loads(output)
        elif name in ("jsonl", "rdjsonl"):
            for line in output.split("\n")[:-1]:
                json.loads(line)
        elif name == "junit":
            ET.fromstring(output)
    outcome = fix_in_memory(fixer, list(files), unsafe=True)
    if outcome.report.internal_errors:
        raise AssertionError(outcome.report.internal_errors[0])
    if not outcome.converged:
        raise Unsettled("fixes still changed the text after the last pass")


_REGISTRY = None


def _registry():
    global _REGISTRY
    if _REGISTRY is None:
        from qa_lint.registry import Registry

        _REGISTRY = Registry(load_entry_points=False)
    return _REGISTRY


def fuzz(inputs: int, seed: int, corpus: Path, save: Path | None) -> tuple[bool, list[str]]:
    lines = [line for path in sorted(corpus.glob("*/*.txt"))[::7] for line in path.read_text("utf-8").splitlines()[:5]]
    fuzzer = Fuzzer(seed, lines)
    crashes = unsettled = 0
    started = time.perf_counter()
    for number in range(inputs):
        files = fuzzer.case()
        try:
            lint_case(files)
        except Unsettled:
            unsettled += 1
        except Exception:  # noqa: BLE001 - every failure is a finding of the fuzzer
            crashes += 1
            print(f"crash on input {number}:\n{traceback.format_exc(limit=-4)}", file=sys.stderr)
            if save:
                for path, data in files.items():
                    target = save / f"{number:06d}-{path.replace('/', '-')}"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
    elapsed = time.perf_counter() - started
    rows = [f"| fuzz, whole pipeline in process | {inputs:,} cases (seed {seed}) | {crashes} crashes, "
            f"{unsettled} fixes unsettled after 10 passes, {elapsed:.0f} s ({inputs / elapsed:.0f} cases/s) | "
            f"{'ok' if crashes == 0 else 'MISSED'} |"]
    return crashes == 0, rows


# -- large inputs ------------------------------------------------------------------------


def measured(command: list[str], cwd: Path) -> tuple[float, float, int, str, str]:
    """(seconds, peak MB, exit status, stdout, stderr) of one fresh process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, env={**os.environ, "NO_COLOR": "1"})
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return elapsed, usage.ru_maxrss / 1024, process.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")


def corpus_text(corpus: Path, iso: str) -> list[str]:
    return [line.strip() for path in sorted((corpus / iso).glob("*.txt")) for line in path.read_text("utf-8").splitlines() if line.strip()]


def repeated_to(lines: list[str], separator: str, size: int) -> bytes:
    block = (separator.join(lines) + separator).encode("utf-8")
    data = (block * (size // len(block) + 1))[:size]
    cut = data.rfind(separator.encode("utf-8")) + len(separator) if separator == "\n" else len(data)
    return data[:cut].decode("utf-8", "ignore").encode("utf-8")


def large(command: list[str], corpus: Path, work: Path) -> tuple[bool, list[str]]:
    ok, rows = True, []
    cases = []
    for lang, iso in (("fr", "fra"), ("fa", "fas")):
        path = work / "one-line" / lang / "article.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(repeated_to(corpus_text(corpus, iso), " ", 5_000_000))
        cases.append((f"5 MB on one line ({lang})", work / "one-line", [f"{lang}/article.txt"], 120, None, (0, 1)))
    big = work / "short-lines"
    (big / "fr").mkdir(parents=True, exist_ok=True)
    (big / "fr" / "article.txt").write_bytes(repeated_to(corpus_text(corpus, "fra"), "\n", 50_000_000))
    (big / "qa-lint.toml").write_text("max-file-size = 60_000_000\n", encoding="utf-8")
    cases.append(("50 MB of short lines (fr)", big, ["fr/article.txt"], 300, 4096, (0, 1)))
    cases.append(("50 MB over the default limit", big, ["--config", str(work / "default.toml"), "fr/article.txt"], 5, None, (2,)))
    (work / "default.toml").write_text("", encoding="utf-8")
    for label, cwd, args, seconds, megabytes, statuses in cases:
        elapsed, peak, status, out, err = measured([*command, "check", "--no-cache", "--format", "json", *args], cwd)
        size = sum((cwd / a).stat().st_size for a in args if (cwd / a).is_file())
        findings = len(json.loads(out)) if out.startswith("[") else 0
        good = status in statuses and "Traceback" not in err and elapsed <= seconds and (megabytes is None or peak <= megabytes)
        ok &= good
        rows.append(f"| {label} | {size / 1e6:.1f} MB, {findings:,} findings | {elapsed:.1f} s ({size / 1e6 / elapsed:.2f} MB/s), "
                    f"peak {peak:,.0f} MB | {'ok' if good else f'MISSED (status {status}, target {seconds} s)'} |")
    return ok, rows


JOBS: list[str] = []  # `--jobs N` for the many-files run, from the command line


def many_files(command: list[str], work: Path, count: int) -> tuple[bool, list[str]]:
    root = work / "many"
    sentences = ("Le ministre a rencontré la délégation.\n", "La coopération se poursuit cette année.\n")
    for n in range(count):
        folder = root / "fr" / f"d{n // 10_000:02d}" / f"e{n // 100 % 100:02d}"
        if n % 100 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        text = sentences[n % 2] + ("Comment (0)\n" if n % 1000 == 0 else "")
        (folder / f"{n:06d}.txt").write_text(text, encoding="utf-8")
    elapsed, peak, status, out, err = measured([*command, "check", "--no-cache", "--format", "json", "--select", "B001", *JOBS, "."], root)
    found = len(json.loads(out)) if out.startswith("[") else -1
    good = status == 1 and found == count // 1000 and "Traceback" not in err and elapsed <= 600
    if not good:
        print(err[-1500:], file=sys.stderr)
    jobs = f", {' '.join(JOBS)}" if JOBS else ""
    return good, [f"| {count:,} files in {count // 100:,} folders{jobs} | {found} leftovers found of {count // 1000} | "
                  f"{elapsed:.1f} s ({count / elapsed:,.0f} files/s), peak {peak:,.0f} MB | {'ok' if good else 'MISSED'} |"]


def whole_corpus(command: list[str], corpus: Path) -> tuple[bool, list[str]]:
    elapsed, peak, status, out, err = measured([*command, "check", "--no-cache", "--format", "json", str(corpus)], corpus.parent)
    size = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    good = status in (0, 1) and "Traceback" not in err and peak <= 1024
    return good, [f"| NTREX corpus, default rules | {size / 1e6:.2f} MB, {len(json.loads(out)):,} findings | "
                  f"{elapsed:.1f} s ({size / 1e6 / elapsed:.2f} MB/s), peak {peak:,.0f} MB | {'ok' if good else 'MISSED'} |"]


def _workers_of(pid: int) -> set[int]:
    """Processes whose parent is `pid` and that have not exited."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def workers_die(command: list[str], work: Path) -> tuple[bool, list[str]]:
    import signal

    if not sys.platform.startswith("linux"):
        return True, ["| workers die with the parent | - | skipped: needs /proc | - |"]
    root = work / "signals"
    for n in range(400):
        path = root / "fr" / f"{n:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Le président a visité la capitale.\nComment (0)\n" * 250, encoding="utf-8")
    ok, rows = True, []
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGKILL):
        process = subprocess.Popen(
            [*command, "check", "--no-cache", "--format", "json", "--jobs", "2", "."], cwd=root,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ, "QA_LINT_PARALLEL_MIN_BYTES": "0"},
        )
        deadline, workers = time.monotonic() + 60, set()
        while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.02)
            workers = _workers_of(process.pid)
        time.sleep(0.3)
        process.send_signal(signum)
        sent = time.monotonic()
        try:
            process.communicate(timeout=30)
            closed = time.monotonic() - sent
        except subprocess.TimeoutExpired:
            closed = float("inf")
            process.kill()
            process.communicate()
        time.sleep(1)
        left = [pid for pid in workers if _alive(pid)]
        for pid in left:  # leave nothing behind, whatever the outcome
            os.kill(pid, signal.SIGKILL)
        expected = -signum if signum == signal.SIGKILL else 128 + signum
        good = len(workers) == 2 and not left and closed <= 5 and process.returncode == expected
        ok &= good
        rows.append(f"| parent gets {signum.name} mid-run | 4 MB in 400 files, {len(workers)} workers | output closed "
                    f"{closed:.2f} s after, {len(left)} workers left, exit {process.returncode} | {'ok' if good else 'MISSED'} |")
    return ok, rows


RUNAWAY_PACK = """\
[[rule]]
code = "H900"
name = "runaway"
category = "typography"
type = "pattern"
match = "search"
patterns = ["(a|a)+$"]
message = "matched {match}"
what = "A pattern that backtracks without bound."
why = "To measure the time budget."

[[rule.examples]]
text = "aa\\n"

[[rule.examples]]
text = "bb\\n"
fires = false
"""


def bounded_patterns(command: list[str], work: Path) -> tuple[bool, list[str]]:
    root = work / "runaway"
    (root / "pack").mkdir(parents=True)
    (root / "pack" / "runaway.toml").write_text(RUNAWAY_PACK, encoding="utf-8")
    (root / "qa-lint.toml").write_text('rule-packs = ["pack"]\n', encoding="utf-8")
    (root / "fr").mkdir()
    for n in range(40):
        (root / "fr" / f"good-{n:02d}.txt").write_text("Comment (0)\naa\n", encoding="utf-8")
    for n in range(4):
        (root / "fr" / f"runaway-{n}.txt").write_text("Comment (0)\n" + "a" * 40 + "!\n", encoding="utf-8")
    elapsed, peak, status, out, err = measured([*command, "check", "--no-cache", "--format", "json", "."], root)
    found = json.loads(out) if out.startswith("[") else []
    gave_up = err.count("rule H900 (runaway) gave up on fr/runaway-")
    linted = len({f["path"] for f in found if f["code"] == "H900"})
    good = status == 2 and "Traceback" not in err and gave_up == 4 and linted == 40 and elapsed <= 60
    rows = [f"| runaway rule-pack pattern `(a\\|a)+$` | 4 files with 40 a's and \"!\", 40 good ones | {elapsed:.1f} s, "
            f"given up on {gave_up} of 4, {linted} of 40 good files checked, exit {status} | {'ok' if good else 'MISSED'} |"]
    pile = work / "marks" / "fr" / "pile.txt"
    pile.parent.mkdir(parents=True)
    pile.write_text("e" + "\u0301\u0323" * 250_000 + "\n", encoding="utf-8")
    elapsed, peak, status, out, err = measured([*command, "check", "--no-cache", "--format", "json", "--select", "S010", "."], pile.parent.parent)
    pile_good = status == 1 and "Traceback" not in err and elapsed <= 30
    rows.append(f"| S010 on one cluster of mixed marks | {pile.stat().st_size / 1e6:.1f} MB on one line | {elapsed:.1f} s, "
                f"peak {peak:,.0f} MB, exit {status} | {'ok' if pile_good else 'MISSED'} |")
    return good and pile_good, rows


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--only", default="fuzz,large,files,corpus,workers,patterns", help="comma-separated parts to run")
    parser.add_argument("--inputs", type=int, default=3000, help="fuzz cases (default 3,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--files", type=int, default=100_000, help="files in the big tree (default 100,000)")
    parser.add_argument("--save-crashes", type=Path, help="write crashing fuzz inputs to this folder")
    parser.add_argument("--jobs", help="--jobs for the many-files run (default: qa-lint's own choice)")
    args, corpus, command = parse_args(parser, argv)
    JOBS[:] = ["--jobs", args.jobs] if args.jobs else []
    parts = set(args.only.split(","))
    ok, rows = True, []
    with tempfile.TemporaryDirectory(prefix="qa-lint-robustness-") as folder:
        work = Path(folder)
        for name, step in (("large", lambda: large(command, corpus, work)),
                           ("files", lambda: many_files(command, work, args.files)),
                           ("corpus", lambda: whole_corpus(command, corpus)),
                           ("workers", lambda: workers_die(command, work)),
                           ("patterns", lambda: bounded_patterns(command, work))):
            if name in parts:
                good, lines = step()
                ok, rows = ok and good, rows + lines
                print("\n".join(lines), flush=True)
    # Last: the fuzz runs in this process and grows it, and a child forked afterwards reports
    # this process's size as its own peak memory.
    if "fuzz" in parts:
        good, lines = fuzz(args.inputs, args.seed, corpus, args.save_crashes)
        ok, rows = ok and good, rows + lines
    print("\n| what | input | result | target |\n|---|---|---|---|")
    for row in rows:
        print(row)
    print("\nall targets met" if ok else "\nTARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
