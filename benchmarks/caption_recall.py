"""Caption-rule recall and precision on photo captions planted into real articles.

What it measures
----------------
It copies articles of the NTREX corpus (``ntrex/<language>/<document>.txt``,
clean professional translations without captions) into a temporary folder,
keeping the ``<language>/`` layout, and plants into the copies caption lines
written for this benchmark (``PLANTS`` below; none comes from the corpus), as
scraped pages leave them between paragraphs: wrapped in table pipes or not,
with a credit that is correct, missing, unclosed, in another language's label
or punctuation, and, per article, in one or several styles. Clean captions are
planted too: any finding on them counts against precision. Two article groups
(an English original and its French translation, ``source-language = "en"``)
test C007: one translation lost a caption, the other kept both.

It runs ``qa-lint check --format jsonl --select caption`` on the folder and
reports per rule (C001-C012):

* planted   - planted lines on which the rule must fire (for C007: translations
  that lost a caption);
* detected  - those on which it fired;
* recall    - detected / planted;
* precision - findings of the rule on a line planted for it / all its findings.

It exits with 1 when a rule's recall is below 0.95 or its precision below 1.0
(2 if qa-lint fails). Files and positions come from ``random.Random(--seed)``,
so runs are repeatable.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/caption_recall.py
    python benchmarks/caption_recall.py --corpus /path/to/ntrex --keep

It calls the installed ``qa-lint`` (next to the running Python, else on PATH,
else ``python -m qa_lint``; ``--qa-lint`` names another). Standard library
only. The corpus is read at run time; nothing of it is copied into the
repository.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from harness import (benchmark_parser, fmt, parse_args, planting_folder, print_verdict, ratio, read_lines, rule_row,
                     rule_table_header, run_qa_lint, write_lines)

RULES = ("C001", "C002", "C003", "C004", "C005", "C006", "C007", "C008", "C009", "C010", "C011", "C012")
MIN_RECALL, MIN_PRECISION = 0.95, 1.0
EXIT_OK, EXIT_BELOW_TARGET = 0, 1

# Caption sentences per corpus language folder, written for this benchmark.
TEXT = {
    "fra": ["Le ministre s'exprime lors de la conférence.", "Les délégués visitent le port de Haiphong."],
    "fas": ["وزیر در کنفرانس سخنرانی می‌کند.", "نمایندگان از بندر هایفونگ بازدید می‌کنند."],
    "vie": ["Bộ trưởng phát biểu tại hội nghị.", "Các đại biểu thăm cảng Hải Phòng."],
    "rus": ["Министр выступает на конференции.", "Делегаты посещают порт Хайфон."],
    "zho-CN": ["部长在会议上发言。", "代表们参观海防港。"],
    "spa": ["El ministro habla en la conferencia.", "Los delegados visitan el puerto de Hai Phong."],
    "deu": ["Der Minister spricht auf der Konferenz.", "Die Delegierten besuchen den Hafen von Hai Phong."],
    "eng": ["The minister speaks at the conference.", "Delegates visit the port of Hai Phong."],
    "arb": ["الوزير يتحدث في المؤتمر.", "المندوبون يزورون ميناء هاي فونغ."],
    "kor": ["장관이 회의에서 연설하고 있다.", "대표단이 하이퐁 항구를 방문하고 있다."],
    "jpn": ["会議で演説する大臣。", "ハイフォン港を訪れる代表団。"],
    "hin": ["मंत्री सम्मेलन में बोलते हुए।", "प्रतिनिधि हाई फोंग बंदरगाह का दौरा करते हुए।"],
}


@dataclass(frozen=True)
class Plant:
    line: str  # the caption line; "{0}" / "{1}" stand for the language's caption sentences
    rules: frozenset[str]  # the rules that must fire on it (empty: a clean caption)


def p(line: str, *rules: str) -> Plant:
    return Plant(line, frozenset(rules))


# (corpus language folder, captions planted into one copy, in order).
PLANTS: list[tuple[str, list[Plant]]] = [
    # Table pipes (C001), with and without a credit (C002).
    ("fra", [p("| {0} (Photo : Dinh Hoa) |", "C001"), p("{1} (Photo : Dinh Hoa) |", "C001")]),
    ("fas", [p("| {0} (عکس: VUFO) |", "C001"), p("| {1} (عکس: VUFO) |", "C001")]),
    ("vie", [p("| {0} (Ảnh: TTXVN) |", "C001"), p("| {1} |", "C001", "C002")]),
    ("rus", [p("| {0} (Фото: ТАСС)", "C001"), p("{1} (Фото: ТАСС)")]),
    ("eng", [p("| {0} |", "C001", "C002")]),
    ("arb", [p("| {0} (تصوير: رويترز) |", "C001")]),
    ("zho-CN", [p("| {0}（图：新华社） |", "C001")]),
    ("spa", [p("{0} Foto: EFE |", "C001")]),
    # Credits naming nobody (C002) and unclosed (C003).
    ("vie", [p("{0} (Ảnh: )", "C002"), p("{1} (Ảnh: TTXVN)")]),
    ("fra", [p("{0} (Photo : )", "C002")]),
    ("rus", [p("{0} (Фото: ТАСС", "C003")]),
    ("fra", [p("{0} (Photo : Dinh Hoa", "C003"), p("{1} (Photo : Dinh Hoa)")]),
    ("deu", [p("{0} (Foto: dpa", "C003")]),
    ("fas", [p("{0} (عکس: ایرنا", "C003")]),
    # Labels in another language (C004); a wrong separator too adds C005.
    ("fas", [p("{0} (Photo: VNA)", "C004"), p("{1} (Photo: VNA)", "C004")]),
    ("vie", [p("{0} (Photo: VNA)", "C004")]),
    ("fra", [p("{0} (Ảnh : TTXVN)", "C004"), p("{1} (Ảnh : TTXVN)", "C004")]),
    ("rus", [p("{0} (Photo: Reuters)", "C004")]),
    ("arb", [p("{0} (Photo: AFP)", "C004")]),
    ("deu", [p("{0} (Photo: dpa)", "C004")]),
    ("spa", [p("{0} (Photo: EFE)", "C004")]),
    ("eng", [p("{0} (Ảnh: TTXVN)", "C004"), p("{1} (Ảnh: TTXVN)", "C004")]),
    ("zho-CN", [p("{0}（Photo：新华社）", "C004")]),
    ("hin", [p("{0} (Photo: PTI)", "C004")]),
    # Punctuation of the credit (C005).
    ("fra", [p("{0} (Photo: Dinh Hoa)", "C005"), p("{1} (Photo: Dinh Hoa)", "C005")]),
    ("fas", [p("{0} (عکس : VUFO)", "C005"), p("{1} (عکس : VUFO)", "C005")]),
    ("fas", [p("{0} )عکس: ایرنا(", "C005")]),
    ("arb", [p("{0} (صورة : رويترز)", "C005")]),
    ("vie", [p("{0} (Ảnh:TTXVN)", "C005")]),
    ("zho-CN", [p("{0}（图: 新华社）", "C005")]),
    ("eng", [p("{0} (Photo : Reuters)", "C005")]),
    ("jpn", [p("{0}（写真: 共同）", "C005")]),
    # Mixed styles in one article (C006): the odd one out is reported.
    ("vie", [p("{0} (Ảnh: TTXVN)"), p("{1} (Nguồn: TTXVN)", "C006"), p("{1} (Ảnh: TTXVN)")]),
    ("fra", [p("{0} (Photo : Dinh Hoa)"), p("{1} (Photo : VNA)"), p("{0} – Photo : AFP", "C006")]),
    ("spa", [p("{0} (Foto: EFE)"), p("{1} (Foto: EFE)"), p("{0} (Fuente: EFE)", "C006")]),
    # A row of the photo table left as a lone pipe (C008), above or below a caption.
    ("deu", [p("|", "C008"), p("{0} (Foto: dpa)"), p("|", "C008")]),
    ("fas", [p("|", "C008"), p("{0} (عکس: ایرنا)")]),
    ("fra", [p("| |", "C008"), p("{1} (Photo : VNA)")]),
    ("rus", [p("|", "C008")]),
    # The Vietnamese image label glued into captions of other languages (C009).
    ("eng", [p("{0} ảnh 1{1} Photo: VNA", "C009")]),
    ("fra", [p("{0} ảnh 2{1} (Photo : VNA)", "C009")]),
    ("spa", [p("{0} - ảnh 1", "C009")]),
    ("deu", [p("{0} hinh anh 1{1} (Foto: dpa)", "C009")]),
    ("zho-CN", [p("{0}ảnh 1{1}", "C009")]),
    ("rus", [p("{0} Hình ảnh 3{1} (Фото: ТАСС)", "C009")]),
    ("vie", [p("{0} - ảnh 1", "C009")]),
    # An image's file name where the photo was (C010).
    ("fas", [p("img_20240511_0932.jpg", "C010"), p("{0} (عکس: ایرنا)")]),
    ("rus", [p("3f9a1c2e-77b0-4d1e-9a6b-2c5d8e0f1a3b.png", "C010")]),
    ("vie", [p("anh dai dien 172839.jpeg", "C010")]),
    ("eng", [p("DSC_0412.JPG", "C010"), p("{1} (Photo: AP)")]),
    # A credit run into the lede (C011).
    ("eng", [p("{0} (Photo: VNA)Hanoi (VNA) – The two sides met on Monday.", "C011")]),
    ("fra", [p("{0} (Photo : VNA)Hanoi (VNA) – Les deux parties se sont réunies lundi.", "C011")]),
    ("deu", [p("{0} (Foto: dpa)Berlin – Beide Seiten trafen sich am Montag.", "C011")]),
    ("vie", [p("{0} (Ảnh: TTXVN)Hà Nội (TTXVN) – Hai bên đã gặp nhau hôm thứ Hai.", "C011")]),
    ("zho-CN", [p("{0}（图：新华社）新华社河内电 双方周一举行会谈。", "C011")]),
    # A caption scraped twice, whole or cut short (C012).
    ("spa", [p("{0} (Foto: EFE)"), p("{0} (Foto: EFE)", "C012")]),
    ("fra", [p("{0} (Photo : VNA)"), p("{0} (Pho", "C012")]),
    ("eng", [p("| {1} (Photo: AP) |", "C001"), p("{1} (Photo: AP)", "C012")]),
    ("rus", [p("{1} (Фото: ТАСС)"), p("{1} (Фо", "C012")]),
    # Clean captions: nothing may fire.
    ("fra", [p("{0} (Photo : Dinh Hoa)"), p("{1} (Photo\u00a0: VNA)")]),
    ("fas", [p("{0} (منبع: VUFO)"), p("{1} (منبع: VUFO)"), p("{0} (منبع: ایرنا)")]),
    ("fas", [p("{0} (عکس: ایرنا)"), p("{1} (عکس: VUFO)")]),
    ("vie", [p("{0} (Ảnh: TTXVN)")]),
    ("rus", [p("{0} (Фото: ТАСС)")]),
    ("zho-CN", [p("{0}（图：新华社）")]),
    ("spa", [p("{0} Foto: EFE")]),
    ("deu", [p("{0} – Foto: dpa")]),
    ("eng", [p("{0} (Photo: Reuters)"), p("{1} (Photo: AP)")]),
    ("arb", [p("{0} (صورة: رويترز)")]),
    ("kor", [p("{0} (사진=연합뉴스)")]),
    ("jpn", [p("{0}（写真：共同）")]),
    ("hin", [p("{0} (फोटो: पीटीआई)")]),
]

# Article groups for C007: (original captions, translation captions, must fire).
GROUPS: list[tuple[list[str], list[str], bool]] = [
    (["{0} (Photo: Reuters)", "{1} (Photo: AP)"], ["{0} (Photo : Reuters)"], True),
    (["{0} (Photo: Reuters)", "{1} (Photo: AP)"], ["{1} (Photo : AP)"], True),
    (["{0} (Photo: Reuters)", "{1} (Photo: AP)"], ["{0} (Photo : Reuters)", "{1} (Photo : AP)"], False),
]


def insert(article: list[str], captions: list[str], rng: random.Random) -> tuple[list[str], list[int]]:
    """The article with one caption after each of some body lines, and each caption's 1-based line."""
    cuts = sorted(rng.sample(range(2, len(article)), len(captions)))
    lines: list[str] = []
    where: list[int] = []
    pending = list(zip(cuts, captions))
    for index, line in enumerate(article):
        lines.append(line)
        while pending and pending[0][0] == index:
            lines.append(pending.pop(0)[1])
            where.append(len(lines))
    return lines, where


@dataclass
class Planted:
    path: str  # as qa-lint shows it when run in the planted root
    line: int  # 0 for a C007 case: the finding may be anywhere in the file
    lang: str
    rules: frozenset[str]
    text: str


def pick(pools: dict[str, list[Path]], corpus: Path, lang: str, rng: random.Random, need: int) -> Path:
    if not pools.get(lang):
        pools[lang] = [f for f in sorted((corpus / lang).glob("*.txt")) if len(read_lines(f)) >= need + 4]
        rng.shuffle(pools[lang])
    return pools[lang].pop()


def build(corpus: Path, root: Path, seed: int) -> list[Planted]:
    rng = random.Random(seed)
    pools: dict[str, list[Path]] = {}
    planted: list[Planted] = []
    (root / "qa-lint.toml").write_text('source-language = "en"\n', encoding="utf-8")
    for number, (lang, plants) in enumerate(PLANTS, start=1):
        source = pick(pools, corpus, lang, rng, len(plants))
        captions = [plant.line.format(*TEXT[lang]) for plant in plants]
        lines, where = insert(read_lines(source), captions, rng)
        name = f"{source.stem.replace('.', '_')}__caption{number:03d}.txt"
        write_lines(root / lang / name, lines)
        planted.extend(
            Planted(f"{lang}/{name}", line, lang, plant.rules, text)
            for line, plant, text in zip(where, plants, captions)
        )
    for number, (original, translated, fires) in enumerate(GROUPS, start=1):
        # The same article in both languages, under one name: an article group.
        article = pick(pools, corpus, "eng", rng, len(original))
        name = f"{article.stem.replace('.', '_')}__group{number:02d}.txt"
        for lang, captions in (("eng", original), ("fra", translated)):
            text = [c.format(*TEXT[lang]) for c in captions]
            lines, where = insert(read_lines(corpus / lang / article.name), text, rng)
            write_lines(root / lang / name, lines)
            if lang == "fra":
                planted.append(Planted(f"fra/{name}", 0, "fra", frozenset({"C007"} if fires else ()), " / ".join(text)))
                planted.extend(Planted(f"fra/{name}", line, "fra", frozenset(), t) for line, t in zip(where, text))
            else:
                planted.extend(Planted(f"eng/{name}", line, "eng", frozenset(), t) for line, t in zip(where, text))
    return planted


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--seed", type=int, default=20261124, help="seed for files and positions")
    parser.add_argument("--keep", action="store_true", help="keep the planted copies and print their folder")
    args, corpus, command = parse_args(parser, argv)

    with planting_folder("qa-lint-captions-", args.keep) as workdir:
        root = workdir / "ntrex-captions"
        root.mkdir()
        planted = build(corpus, root, args.seed)
        findings = run_qa_lint(command, "caption", cwd=root, exit_zero=True)

    expected: dict[tuple[str, int], Planted] = {(x.path, x.line): x for x in planted}
    whole_file = {x.path: x for x in planted if x.line == 0}
    hits: dict[str, set[tuple[str, int]]] = defaultdict(set)
    strays: list[tuple[dict, Planted | None]] = []
    on_target: dict[str, int] = defaultdict(int)
    for finding in findings:
        code = finding["code"]
        key = (finding["path"], 0 if code == "C007" else finding["line"])
        plant = expected.get(key) or (whole_file.get(finding["path"]) if code == "C007" else None)
        if plant is not None and code in plant.rules:
            hits[code].add((plant.path, plant.line))
            on_target[code] += 1
        else:
            strays.append((finding, expected.get((finding["path"], finding["line"]))))

    print(f"qa-lint: {' '.join(command)}")
    print(f"corpus:  {corpus}")
    print(f"seed:    {args.seed}; {len(PLANTS)} planted copies, {len(GROUPS)} article groups, "
          f"{sum(1 for x in planted if x.line)} caption lines ({sum(1 for x in planted if x.line and not x.rules)} clean)")
    if args.keep:
        print(f"planted copies kept in: {root}")
    print()
    header = rule_table_header()
    print(header)
    print("-" * len(header))
    failed = False
    misses: list[tuple[str, Planted]] = []
    for rule in RULES:
        mine = [x for x in planted if rule in x.rules]
        found = [x for x in mine if (x.path, x.line) in hits[rule]]
        misses.extend((rule, x) for x in mine if (x.path, x.line) not in hits[rule])
        total = sum(1 for f in findings if f["code"] == rule)
        langs = len({x.lang for x in mine})
        row, ok = rule_row(rule, langs, len(mine), len(found), total, on_target[rule], MIN_RECALL, MIN_PRECISION)
        failed |= not ok
        print(row)
    print(f"\n{'language':<8} {'planted':>7} {'detected':>8} {'recall':>7} {'findings':>8} {'on plant':>8} {'precision':>9}")
    for lang in sorted({x.lang for x in planted}):
        wanted = [(rule, x) for x in planted if x.lang == lang for rule in x.rules]
        found = sum(1 for rule, x in wanted if (x.path, x.line) in hits[rule])
        total = sum(1 for f in findings if f["path"].split("/")[0] == lang)
        good = total - sum(1 for f, _ in strays if f["path"].split("/")[0] == lang)
        print(f"{lang:<8} {len(wanted):>7} {found:>8} {fmt(ratio(found, len(wanted))):>7} "
              f"{total:>8} {good:>8} {fmt(ratio(good, total)):>9}")
    if misses:
        print("\nmissed (no finding of the rule on the planted line):")
        for rule, x in misses:
            print(f"  {rule} {x.path}:{x.line}  {x.text!r}")
    if strays:
        print("\nfindings not on a line planted for their rule (false positives):")
        for finding, plant in strays:
            what = f"planted {sorted(plant.rules) or 'clean'}: {plant.text!r}" if plant else "an article line"
            print(f"  {finding['code']} {finding['path']}:{finding['line']} on {what}: {finding['message']}")
    print()
    print_verdict(failed, MIN_RECALL, MIN_PRECISION)
    return EXIT_BELOW_TARGET if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
