"""Numbers-family noise and cost on a real, professionally translated news corpus.

What it measures
----------------
* **Noise of D001 and D003** (on by default). One run of
  ``qa-lint check --format jsonl --source-language en --select D001,D003`` over
  the whole NTREX corpus (123 articles x 14 languages, one sentence per line;
  the English originals in ``eng/``), so each article's translations form one
  group with its original. It prints, per language, lines, findings and
  findings per 1,000 lines, then every finding with the figures it names.
  Every current finding was read against the English and judged; the verdicts
  are in REVIEWED below (``slip``: the translation has the figure wrong;
  ``false``: a false alarm). A finding not in the list fails the script.
  Target: false alarms at most 1 per 1,000 lines in each language.
* **Without an original** (no ``--source-language``: each translation against the
  majority of the others) and **D002 and D004** (opt-in, ``info``): more runs,
  printed for the record.
* **Cost.** CPU seconds (user + system of the child process, median of
  ``--runs``) of ``qa-lint check --select ALL --ignore numbers`` and of
  ``qa-lint check --select ALL`` on the corpus with ``--jobs 1``; the
  difference is what the family adds, in percent. Target: at most 15 %.

Exit status: 0 when every finding is a reviewed one and the targets hold, 1
otherwise, 2 when qa-lint itself fails.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/numbers_noise.py
    python benchmarks/numbers_noise.py --corpus /path/to/ntrex --runs 3 --no-timing

Standard library only; the corpus is read at run time, nothing of it is copied.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

from harness import (EXIT_ERROR, benchmark_parser, count_by_rule, corpus_files, corpus_lines, findings_per_language,
                    parse_args, print_language_table, run_qa_lint)

EXIT_OK, EXIT_NOISE = 0, 1
MAX_FALSE_PER_1K = 1.0
MAX_COST = 0.15
# path:line:code -> verdict, each read against the English original.
REVIEWED = {
    "arb/bbc.381736.txt:3:D001": "slip: 1197 defections for 1,127",
    "arb/reuters.218909.txt:10:D001": "slip: 6.6 feet for 6-foot-6 (6.5 feet)",
    "arb/scotsman.133744.txt:3:D001": "slip: 300 ألف (300,000) pupils for 30,000",
    "arb/newsweek.51318.txt:9:D001": "slip: 25,2 مليار (25.2 billion) for 2.25 billion",
    "deu/bbc.381705.txt:12:D001": "false: a goal at 27:37 given as the 28th minute",
    "fas/cbsnews.248387.txt:12:D001": "false: the player's weight (۹۸ kg) added beside his height",
    "fra/cbsnews.248387.txt:12:D001": "false: the player's weight (98 kg) added beside his height",
    "khm/independent.226301.txt:16:D001": "false: 'the back nine' rendered 'holes 10 to 18'",
    "vie/bbc.381735.txt:4:D001": "false: two sentences merged, the hour given in another time zone (17:30)",
    "fas/reuters.218909.txt:10:D001": "slip: 182 cm for 6-foot-6 (198 cm)",
    "fas/reuters.218921.txt:9:D001": "slip: 220 ۲٫۳ (2.3) innings for 220 2/3",
    "fas/newsweek.51338.txt:6:D001": "slip: ۱۹۷۶ for Katrina (1967)",
    "hin/reuters.218865.txt:9:D001": "slip: a population of 299,200 split into 299 and 200 ('299, which was 200 in 2017')",
    "jpn/rt.com.91350.txt:16:D001": "slip: 22憶, 31憶, 36憶 (憶 'memory' for 億): the amounts read 22, 31, 36",
    "khm/abcnews.306764.txt:3:D001": "slip: 18# for 183 emissions",
    "khm/bbc.381692.txt:2:D001": "slip: ១០០0 (1000, a Latin 0 appended) for 100",
    "khm/independent.226301.txt:6:D001": "slip: ១០ points still in play for twelve",
    "khm/reuters.218914.txt:17:D001": "slip: ២៩ losses for 20",
    "khm/reuters.218911.txt:5:D001": "false: 'less than 48' rendered 'up to 47 minutes'",
    "kor/cbsnews.248384.txt:6:D001": "slip: 204만 (2.04 million) for 20.4 million",
    "kor/dailymail.co.uk.298595.txt:8:D001": "slip: 1100파운드 (£1,100) for £11 million",
    "kor/rt.com.91350.txt:16:D001": "slip: $36bn for $3.6bn",
    "rus/abcnews.306815.txt:4:D001": "slip: 360 км for 385 miles (620 km)",
    "rus/reuters.218909.txt:10:D001": "slip: 1 м 82 см for 6-foot-6 (1.98 m)",
    "rus/newsweek.51338.txt:13:D001": "slip: 360 км for 385 miles (620 km)",
    "spa/abcnews.306815.txt:23:D001": "slip: a 20 °F difference given as 7 degrees (11 °C)",
    "spa/abcnews.306815.txt:26:D001": "slip: 10 °F above average given as 12 degrees (5.6 °C)",
    "spa/guardian.221754.txt:3:D001": "slip: 2800 billones (2.8 × 10^15) for 2.8bn",
    "vie/abcnews.306776.txt:4:D001": "slip: a 21-year-old defendant for 29-year-old",
    "vie/dailymail.co.uk.298732.txt:18:D001": "slip: 'log 247' rendered '24/7'",
    "vie/newsweek.51318.txt:8:D001": "slip: 10 triệu for 19 million",
    "vie/newsweek.51318.txt:12:D001": "slip: 25 triệu USD for $35 million",
    "zho-CN/cbsnews.248387.txt:12:D001": "slip: 6.6 feet for 6-foot-6 (6.5 feet)",
}


def cpu_seconds(command: list[str]) -> float:
    """User + system CPU seconds of one run of `command` (a child process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        print(done.stderr, file=sys.stderr)
        sys.exit(EXIT_ERROR)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-timing", action="store_true")
    args, corpus, qa_lint = parse_args(parser, argv)
    by_lang = corpus_files(corpus)
    lines, _ = corpus_lines(by_lang)

    findings = run_qa_lint(qa_lint, "D001,D003", corpus, "--source-language", "en", exit_zero=True)
    per_lang = findings_per_language(findings, corpus)
    print(f"D001 + D003 on {corpus} (--source-language en): {len(findings)} findings ({count_by_rule(findings)})\n")
    print_language_table(lines, per_lang, {lang: len(files) for lang, files in by_lang.items()})
    status = EXIT_OK
    false_per_lang: Counter = Counter()
    print()
    for f in sorted(findings, key=lambda f: (f["path"], f["line"])):
        rel = Path(f["path"]).resolve().relative_to(corpus)
        key = f"{rel}:{f['line']}:{f['code']}"
        verdict = REVIEWED.get(key)
        if verdict is None:
            status = EXIT_NOISE
            verdict = "NOT REVIEWED"
        elif verdict.startswith("false"):
            false_per_lang[rel.parts[0]] += 1
        print(f"{key}  [{verdict}]\n    {f['message']}")
    seen = {f"{Path(f['path']).resolve().relative_to(corpus)}:{f['line']}:{f['code']}" for f in findings}
    for key in sorted(set(REVIEWED) - seen):
        print(f"no longer reported: {key}  [{REVIEWED[key]}]")
    slips = sum(1 for v in REVIEWED.values() if v.startswith("slip"))
    print(f"\nreviewed: {slips} slips of the translations, {len(REVIEWED) - slips} false alarms")
    for lang, count in sorted(false_per_lang.items()):
        rate = 1000 * count / lines[lang]
        print(f"false alarms in {lang}: {count} ({rate:.2f} per 1,000 lines)")
        if rate > MAX_FALSE_PER_1K:
            status = EXIT_NOISE

    majority = run_qa_lint(qa_lint, "D001,D003", corpus, exit_zero=True)
    print(f"\nwithout --source-language (each translation against the majority of the 13 others): "
          f"{len(majority)} findings, {1000 * len(majority) / sum(lines.values()):.1f} per 1,000 lines "
          f"({len({(Path(f['path']).name, f['line']) for f in majority} & {(Path(f['path']).name, f['line']) for f in findings})} "
          "on the lines reported with the original); for the record")

    opt_in = run_qa_lint(qa_lint, "D002,D004", corpus, "--source-language", "en", exit_zero=True)
    total_lines = sum(lines.values())
    print(f"\nopt-in D002 + D004: {len(opt_in)} info findings ({count_by_rule(opt_in)}), "
          f"{1000 * len(opt_in) / total_lines:.1f} per 1,000 lines")

    if not args.no_timing:
        base = [*qa_lint, "check", "--no-cache", "--exit-zero", "--jobs", "1", "--format", "jsonl",
                "--source-language", "en", "--select", "ALL", "-o", os.devnull, str(corpus)]
        # Interleaved, so that a busy machine weighs on both alike.
        pairs = [(cpu_seconds([*base, "--ignore", "numbers"]), cpu_seconds(base)) for _ in range(args.runs)]
        without = statistics.median(p[0] for p in pairs)
        with_family = statistics.median(p[1] for p in pairs)
        cost = (with_family - without) / without
        print(f"\nCPU seconds, all rules: {with_family:.2f}; without numbers: {without:.2f}; "
              f"the family adds {with_family - without:.2f} s ({100 * cost:.1f} %)")
        if cost > MAX_COST:
            status = EXIT_NOISE
    return status


if __name__ == "__main__":
    sys.exit(main())
