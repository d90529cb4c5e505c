"""Language-family noise, speed and lingua cost on a real, clean news corpus.

What it measures
----------------
* **Noise.** ``qa-lint check --format jsonl --select language --source-language en``
  on the NTREX corpus (``ntrex/<iso639-3>/<doc>.txt``: 123 articles x 14
  languages, one sentence per line, professional translations of English
  originals). The run sees every language's version of an article as one
  article group whose original is the English file. Every finding is presumed
  a false positive until a reader confirms it; per language it prints lines,
  findings and findings per 1,000 lines, then every finding with its line. The
  target is under 1 finding per 1,000 lines in every language: the script exits
  with 1 when a language is at or over it (2 when qa-lint fails).
* **Speed.** The wall-clock time of that run (one process, start-up included),
  as MB/s of UTF-8 text, and the same without the start-up of a one-file run.
* **lingua cost.** In a fresh process each: the time and peak memory (max RSS)
  to import lingua and build the detector the family builds for a group (the
  five Latin-script languages of the corpus), with models preloaded and in
  low-accuracy mode. ``--all-languages`` adds a detector for every language
  (over a gigabyte: not run by default).

How to run it (from the repository root)
----------------------------------------
    python benchmarks/language_noise.py
    python benchmarks/language_noise.py --corpus /path/to/ntrex --all-languages

Standard library only; the corpus is read at run time, nothing of it is copied
into the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from common import DEFAULT_CORPUS, qa_lint_command

MAX_PER_1000 = 1.0
EXIT_OK, EXIT_NOISE, EXIT_ERROR = 0, 1, 2
GROUP_LANGUAGES = ("de", "en", "es", "fr", "vi")

_BUILD = """
import resource, sys, time
start = time.perf_counter()
from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
codes = sys.argv[1].split(",")
langs = list(Language.all()) if codes == ["all"] else [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
builder = LanguageDetectorBuilder.from_languages(*langs)
mode = sys.argv[2]
if mode in ("preloaded", "low-accuracy"):
    builder = builder.with_preloaded_language_models()
if mode == "low-accuracy":
    builder = builder.with_low_accuracy_mode()
detector = builder.build()
detector.compute_language_confidence_values("Le conseil municipal a ouvert une nouvelle ligne de bac lundi.")
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def run_timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")
    return time.perf_counter() - start, done


def check_exit(done: subprocess.CompletedProcess, what: str) -> None:
    if done.returncode not in (0, 1):
        sys.stderr.write(f"{what} failed with exit status {done.returncode}:\n{done.stderr}\n")
        raise SystemExit(EXIT_ERROR)


def lingua_cost(codes: str, mode: str) -> tuple[float, float]:
    done = subprocess.run([sys.executable, "-c", _BUILD, codes, mode], capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stderr)
        raise SystemExit(EXIT_ERROR)
    seconds, megabytes = done.stdout.split()
    return float(seconds), float(megabytes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--qa-lint", dest="qa_lint", help="the qa-lint executable to run")
    parser.add_argument("--all-languages", action="store_true", help="also measure a detector for every language")
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        parser.error(f"corpus folder not found: {corpus}")
    command = qa_lint_command(args.qa_lint)

    lines: dict[str, int] = {}
    total_bytes = 0
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        count = 0
        for path in sorted(folder.glob("*.txt")):
            data = path.read_bytes()
            total_bytes += len(data)
            count += len(data.decode("utf-8", "replace").splitlines())
        lines[folder.name] = count

    run = [*command, "check", "--format", "jsonl", "--select", "language", "--source-language", "en", str(corpus)]
    wall, done = run_timed(run)
    check_exit(done, "the corpus run")
    findings = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    per_lang: dict[str, list[dict]] = defaultdict(list)
    for finding in findings:
        per_lang[Path(finding["path"]).resolve().relative_to(corpus).parts[0]].append(finding)

    print(f"command: qa-lint check --format jsonl --select language --source-language en {corpus}\n")
    header = f"{'language':<9} {'lines':>7} {'findings':>9} {'per 1k lines':>13}"
    print(header + "\n" + "-" * len(header))
    noisy = []
    for lang in sorted(lines):
        n = len(per_lang.get(lang, ()))
        rate = 1000 * n / lines[lang] if lines[lang] else 0.0
        if rate >= MAX_PER_1000:
            noisy.append(lang)
        print(f"{lang:<9} {lines[lang]:>7} {n:>9} {rate:>13.2f}")
    all_lines = sum(lines.values())
    print("-" * len(header))
    print(f"{'total':<9} {all_lines:>7} {len(findings):>9} {1000 * len(findings) / all_lines:>13.2f}")
    if findings:
        print("\nfindings per rule: " + ", ".join(f"{c} {n}" for c, n in sorted(Counter(f['code'] for f in findings).items())))
        print("findings (presumed false positives until read):")
        for f in findings:
            text = Path(f["path"]).read_text("utf-8").splitlines()[f["line"] - 1]
            print(f"  {f['path']}:{f['line']}:{f['column']}: {f['code']} {f['message'][:120]}\n      | {text[:140]}")

    startup, one = run_timed([*command, "check", "--format", "jsonl", "--select", "language",
                              str(sorted((corpus / "fra").glob("*.txt"))[0])])
    check_exit(one, "the one-file run")
    megabytes = total_bytes / 1e6
    print(f"\nspeed: {megabytes:.2f} MB in {wall:.2f} s -> {megabytes / wall:.2f} MB/s (one process, start-up included)")
    if wall > startup:
        print(f"       without the one-file start-up ({startup:.2f} s): {megabytes / (wall - startup):.2f} MB/s")

    print("\nlingua detector cost (fresh process: import + build + one call):")
    modes = [(",".join(GROUP_LANGUAGES), mode) for mode in ("lazy", "preloaded", "low-accuracy")]
    if args.all_languages:
        modes += [("all", "preloaded"), ("all", "low-accuracy")]
    for codes, mode in modes:
        seconds, rss = lingua_cost(codes, mode)
        print(f"  {codes:<16} {mode:<13} {seconds:6.2f} s  {rss:7.0f} MB max RSS")

    print()
    if noisy:
        print(f"FAIL: {', '.join(noisy)} at or over {MAX_PER_1000} finding per 1,000 lines")
        return EXIT_NOISE
    print(f"OK: every language under {MAX_PER_1000} finding per 1,000 lines")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
