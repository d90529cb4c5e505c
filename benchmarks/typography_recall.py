"""Typography-rule recall and precision on slips planted into real articles.

What it measures
----------------
It copies articles of the NTREX corpus (``ntrex/<language>/<document>.txt``,
professional translations) into two temporary folders, ``orig/`` and
``planted/``, and inserts into the planted copies lines written for this
benchmark (``PLANTS`` below; none comes from the corpus): each holds one
typographic slip of the kind real pages show (a space before a closing
bracket or a colon, an article doubled outside a relative clause, the
Vietnamese end-of-story mark "./.", a space inside Japanese or Chinese text,
English words run together, a line-break hyphen left in a word the article
also writes whole), or none (a line that must stay quiet: "…, in der der …",
French "déclaré :", spaced Katakana names).

NTREX has typography slips of its own (``typography_noise.py`` counts them),
so a finding counts here only when the unplanted copy does not have it (the
same rule on a line with the same text). Per rule (T001, T010-T015):

* planted   - planted lines on which the rule must fire;
* detected  - those on which it fired;
* recall    - detected / planted;
* precision - new findings of the rule on a line planted for it / all its new
  findings (one on a clean plant or an article line counts against it).

It exits with 1 when a rule's recall is below 0.95 or its precision below 1.0
(2 if qa-lint fails). Files and positions come from ``random.Random(--seed)``.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/typography_recall.py
    python benchmarks/typography_recall.py --corpus /path/to/ntrex --keep

It calls the installed ``qa-lint`` (``--qa-lint`` names another). Standard
library only. The corpus is read at run time; nothing of it is copied into
the repository.
"""

from __future__ import annotations

import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from harness import (benchmark_parser, parse_args, planting_folder, print_verdict, read_lines, rule_row, rule_table_header,
                     run_qa_lint, write_lines)

RULES = ("T001", "T010", "T011", "T012", "T013", "T014", "T015")
MIN_RECALL, MIN_PRECISION = 0.95, 1.0
EXIT_OK, EXIT_BELOW_TARGET = 0, 1

# (corpus language folder, lines planted into one copy, each with the rule that must fire or None).
PLANTS: list[tuple[str, list[tuple[str, str | None]]]] = [
    # T001: a space before a closing bracket.
    ("eng", [("The embassy (Hanoi ) opened a new office on Monday.", "T001")]),
    ("deu", [("Die Botschaft (Hanoi ) hat ein neues Büro eröffnet.", "T001")]),
    ("fra", [("L'ambassade (Hanoï ) a ouvert un bureau lundi.", "T001")]),
    ("rus", [("Посольство (Ханой ) открыло новый офис.", "T001")]),
    # T010: German articles doubled outside a relative clause; inside one they stay quiet.
    ("deu", [("Seinerseits würdigte der der Minister die Freundschaft beider Länder.", "T010"),
             ("Die Stadt, in der der Minister lebt, ist sehr alt.", None)]),
    ("deu", [("Dabei lobte die die Delegation die guten Beziehungen.", "T010"),
             ("Die Frauen, die die Kinder betreuen, wurden geehrt.", None)]),
    ("deu", [("Er dankte den den Gästen für ihren Besuch.", "T010")]),
    # T011: the Vietnamese end-of-story mark; in Vietnamese it is the desk's own.
    ("eng", [("The two sides agreed to deepen their ties./.", "T011")]),
    ("fra", [("Les deux parties ont convenu de renforcer leurs liens./.", "T011")]),
    ("spa", [("Ambas partes acordaron reforzar sus lazos./.", "T011")]),
    ("rus", [("Стороны договорились укреплять связи./.", "T011")]),
    ("zho-CN", [("双方同意加强关系./.", "T011")]),
    ("vie", [("Hai bên nhất trí tăng cường quan hệ./.", None)]),
    # T012: a space before a colon or a semicolon outside French.
    ("vie", [("Dưới đây là nội dung cuộc phỏng vấn :", "T012")]),
    ("eng", [("The minister said the plan was ready ; the talks went on.", "T012")]),
    ("deu", [("Der Minister sagte :", "T012")]),
    ("rus", [("Министр заявил :", "T012")]),
    ("spa", [("El ministro dijo :", "T012")]),
    ("fra", [("Le ministre a déclaré : la visite aura lieu en mai.", None)]),
    # T013: spaces inside Japanese and Chinese text; spaced Katakana names stay quiet.
    ("jpn", [("大臣 国防総省が新たな計画を発表した。", "T013"), ("ディエゴ エンリケ氏が記者会見で語った。", None)]),
    ("jpn", [("首相は、 首脳会談に出席した。", "T013")]),
    ("zho-CN", [("他们 的合作不断加强。", "T013")]),
    ("zho-CN", [("双方同意扩大交流。 代表团随后参观了港口。", "T013")]),
    # T014: English words run together; words that begin or end in "the" stay quiet.
    ("eng", [("He presented the award to outgoing ChineseAmbassador Kong.", "T014")]),
    ("eng", [("He will continue working hard tothe development of ties.", "T014")]),
    ("eng", [("Their contributions to thefriendship were praised.", "T014")]),
    ("eng", [("They breathe the air of the theatre and therefore rejoice.", None)]),
    # T015: a line-break hyphen left in a word the article also writes whole.
    ("deu", [("Die Freund-schaftsgesellschaft feierte ihr Jubiläum.", "T015"),
             ("Die Freundschaftsgesellschaft lud viele Gäste ein.", None)]),
    ("fra", [("La coo-pération bilatérale progresse vite.", "T015"), ("La coopération est ancienne.", None)]),
    ("rus", [("Сотруд-ничество двух стран растёт.", "T015"), ("Сотрудничество укрепляется.", None)]),
    ("eng", [("The ambas-sador arrived on Monday.", "T015"), ("The ambassador spoke at length.", None)]),
]


def build(corpus: Path, root: Path, seed: int) -> dict[tuple[str, int], str | None]:
    """Write orig/ and planted/ copies; return (path, line) -> rule (None: a clean plant) for planted lines."""
    rng = random.Random(seed)
    pools: dict[str, list[Path]] = {}
    planted: dict[tuple[str, int], str | None] = {}
    for number, (lang, plants) in enumerate(PLANTS, start=1):
        if not pools.get(lang):
            pools[lang] = [f for f in sorted((corpus / lang).glob("*.txt")) if len(read_lines(f)) >= 6]
            rng.shuffle(pools[lang])
        source = pools[lang].pop()
        article = read_lines(source)
        cuts = sorted(rng.sample(range(2, len(article)), len(plants)), reverse=True)
        lines = list(article)
        for cut, (text, _) in zip(cuts, reversed(plants)):
            lines.insert(cut, text)
        name = f"{source.stem.replace('.', '_')}__typo{number:03d}.txt"
        write_lines(root / "orig" / lang / name, article)
        write_lines(root / "planted" / lang / name, lines)
        by_text = {text: rule for text, rule in plants}
        for index, line in enumerate(lines, start=1):
            if line in by_text:
                planted[(f"{lang}/{name}", index)] = by_text[line]
    return planted


def keyed(findings: list[dict], folder: Path) -> Counter:
    """(path, code, text of the finding's line) for every finding: what stays when lines move."""
    keys: Counter = Counter()
    for finding in findings:
        text = read_lines(folder / finding["path"])[finding["line"] - 1]
        keys[(finding["path"], finding["code"], text)] += 1
    return keys


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--seed", type=int, default=20261203, help="seed for files and positions")
    parser.add_argument("--keep", action="store_true", help="keep the copies and print their folder")
    args, corpus, command = parse_args(parser, argv)

    with planting_folder("qa-lint-typography-", args.keep) as workdir:
        planted = build(corpus, workdir, args.seed)
        before = keyed(run_qa_lint(command, "typography", cwd=workdir / "orig", exit_zero=True), workdir / "orig")
        findings = run_qa_lint(command, "typography", cwd=workdir / "planted", exit_zero=True)
        lines_of = {}
        new: list[dict] = []
        seen: Counter = Counter()
        for finding in findings:
            path = finding["path"]
            if path not in lines_of:
                lines_of[path] = read_lines(workdir / "planted" / path)
            key = (path, finding["code"], lines_of[path][finding["line"] - 1])
            seen[key] += 1
            if seen[key] > before.get(key, 0):
                new.append(finding)

    hits: dict[str, set] = defaultdict(set)
    on_target: Counter = Counter()
    strays: list[dict] = []
    for finding in new:
        where = (finding["path"], finding["line"])
        if where in planted and planted[where] == finding["code"]:
            hits[finding["code"]].add(where)
            on_target[finding["code"]] += 1
        else:
            strays.append(finding)

    print(f"qa-lint: {' '.join(command)}")
    print(f"corpus:  {corpus}")
    print(f"seed:    {args.seed}; {len(PLANTS)} planted copies, {len(planted)} planted lines "
          f"({sum(1 for r in planted.values() if r is None)} clean)")
    if args.keep:
        print(f"copies kept in: {workdir}")
    print()
    header = rule_table_header()
    print(header)
    print("-" * len(header))
    failed = False
    misses = []
    for rule in RULES:
        mine = [where for where, code in planted.items() if code == rule]
        found = [where for where in mine if where in hits[rule]]
        misses.extend((rule, where) for where in mine if where not in hits[rule])
        total = sum(1 for f in new if f["code"] == rule)
        langs = len({path.split("/")[0] for path, _ in mine})
        row, ok = rule_row(rule, langs, len(mine), len(found), total, on_target[rule], MIN_RECALL, MIN_PRECISION)
        failed |= not ok
        print(row)
    if misses:
        print("\nmissed plants:")
        for rule, (path, line) in misses:
            print(f"  {rule} {path}:{line}")
    if strays:
        print("\nnew findings not on a line planted for their rule (false positives):")
        for finding in strays:
            print(f"  {finding['code']} {finding['path']}:{finding['line']}:{finding['column']} {finding['message']}")
    print()
    print_verdict(failed, MIN_RECALL, MIN_PRECISION)
    return EXIT_BELOW_TARGET if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
