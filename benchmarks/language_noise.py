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

import subprocess
import sys

from harness import (EXIT_ERROR, benchmark_parser, check_exit, corpus_lines, count_by_rule, findings_per_language, parse_args,
                    parse_jsonl, print_language_table, run_timed, source_line)

MAX_PER_1000 = 1.0
EXIT_OK, EXIT_NOISE = 0, 1
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


def lingua_cost(codes: str, mode: str) -> tuple[float, float]:
    done = subprocess.run([sys.executable, "-c", _BUILD, codes, mode], capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stderr)
        raise SystemExit(EXIT_ERROR)
    seconds, megabytes = done.stdout.split()
    return float(seconds), float(megabytes)


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--all-languages", action="store_true", help="also measure a detector for every language")
    args, corpus, command = parse_args(parser, argv)
    # Every folder gets a row, even one without *.txt files.
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    lines, total_bytes = corpus_lines({folder.name: sorted(folder.glob("*.txt")) for folder in folders})

    run = [*command, "check", "--no-cache", "--format", "jsonl", "--select", "language", "--source-language", "en", str(corpus)]
    wall, done = run_timed(run)
    check_exit(done, "the corpus run")
    findings = parse_jsonl(done.stdout)
    per_lang = findings_per_language(findings, corpus)

    print(f"command: qa-lint check --format jsonl --select language --source-language en {corpus}\n")
    rates = print_language_table(lines, per_lang)
    noisy = [lang for lang, rate in rates.items() if rate >= MAX_PER_1000]
    if findings:
        print("\nfindings per rule: " + count_by_rule(findings))
        print("findings (presumed false positives until read):")
        for f in findings:
            text = source_line(f["path"], f["line"])
            print(f"  {f['path']}:{f['line']}:{f['column']}: {f['code']} {f['message'][:120]}\n      | {text[:140]}")

    startup, one = run_timed([*command, "check", "--no-cache", "--format", "jsonl", "--select", "language",
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
