"""N001 name-variant recall and precision on planted spelling variants of names.

What it measures
----------------
It copies the NTREX corpus (``ntrex/<language>/<document>.txt``, clean
professional translations, 123 articles x 14 languages) into a temporary
folder, keeping the ``<language>/`` layout so that the translations of an
article (one file name across language folders) form an article group, and
runs ``qa-lint check --format jsonl --select N001,N006`` on that unplanted copy:
its findings are the baseline. Then it plants name variants into copies of
articles and runs N001 again.

A planted case (``CASES`` below) inserts three lines into one article, each a
sentence written for this benchmark (``SENTENCES``; no corpus text) that
mentions a person whose name is invented here too: the first two lines with
the majority form, the third with the variant form (``Jean-Luc Marchand`` x2,
then ``Jean Luc Marchand``). The three lines go at distinct positions drawn
from a ``random.Random`` with a fixed seed (``--seed``), in that order; every
case gets an article group of its own, so cases do not meet. The kinds:

* Latin script (fra, vie, spa, deu): diacritics missing on one side
  (``Trần Quốc Vượng`` / ``Tran Quoc Vuong``), hyphenation or spacing,
  two swapped letters, a doubled letter;
* rus: letters for one sound (ш / с, е / э / ё), two swapped letters;
* arb: letters for one sound (غ / ج / ق), two swapped letters (found
  without a Latin sibling, among repeated word runs);
* fas: two swapped letters, harakat on one side only (``رُزا`` / ``رزا``),
  and a silent final ه (``آنه`` / ``آن``) -- anchored: such a case also
  inserts one sentence naming the person in Latin script into the same
  article's ``eng/`` sibling, since N001 reports silent letters only when a
  sibling names the person.

Cases generated from the corpus (``generated: ...`` rows): real names of two
or three words that ``qa-lint names --format json`` learns from the corpus
(of people named in three languages or more), each varied by a rule of a
near-variant class (N006) at a position the class allows: a letter dropped,
a vowel letter dropped (fas, arb, rus), a final consonant added (Latin), a
silent final ه on the middle word of a three-word name (fas, arb), a soft
sign written or left out (rus),
letters of one sound swapped (c / k, i / y; к / кх, т / ч, ч / чж; ت / ط,
س / ص), one diacritic changed (vie tones, French é / è); ``--generated``
per language, classes in turn. Each goes into an article whose text holds
none of the name's words, so that no translation beside it names the person.

Negative cases plant the same pattern with forms that must not be reported:
two different people a letter apart, named together in one sentence
(``Nguyễn Văn An`` / ``Nguyễn Văn Anh``, vie and fra), Persian verb forms
(``رخ داد`` / ``رخ داده``), and per language a real name and a generated
variant each written twice (the article shows two names).

Scoring, per language and kind and overall:

* planted  - variant lines planted;
* detected - plants with an N001 or N006 finding on the variant's line whose column
  span covers the variant;
* recall   - detected / planted;
* false alarms - N001 and N006 findings of the planted run that are neither in the
  baseline (same file, same original line, same columns) nor a detection:
  on a majority line, on a sentence of the article, in a sibling, or on a
  negative case (a negative case "fires" when any finding touches its lines);
  each is charged to the case whose article group holds it;
* precision - detected / (detected + false alarms).

Misses, false alarms and fired negatives are listed with their lines. The
script exits with 1 when overall recall is below 0.95, precision below 0.95, a
language has fewer than 8 plants, or any negative case fires (2 if qa-lint
fails). The output does not depend on the temporary folder's name, so two runs
with one seed print the same text (``--output`` also writes it to a file).

How to run it (from the repository root)
----------------------------------------
    python benchmarks/names_recall.py
    python benchmarks/names_recall.py --corpus /path/to/ntrex --seed 7 --keep

``--keep`` leaves the planted copy in place and prints where. It calls the
installed ``qa-lint`` (next to the running Python, else on PATH, else
``python -m qa_lint``; ``--qa-lint`` names another). Standard library only.
The corpus is read at run time and nothing of it is copied into the
repository.
"""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import sys
from collections import defaultdict
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

from harness import (benchmark_parser, check_exit, fmt, parse_args, planting_folder, ratio, read_lines, run_qa_lint,
                     run_timed, write_lines)

MIN_RECALL, MIN_PRECISION, MIN_PLANTS_PER_LANGUAGE = 0.95, 0.95, 8
REQUIRED_LANGUAGES = ("fas", "arb", "rus", "fra", "vie", "spa", "deu")
EXIT_OK, EXIT_BELOW_TARGET = 0, 1

# Kinds of planted difference (table rows).
DIACRITICS, SPACING, SWAPPED, DOUBLED = "diacritics", "hyphenation", "swapped letters", "doubled letter"
SAME_SOUND, HARAKAT, SILENT = "same-sound letters", "harakat", "silent final ه (anchored)"
NEGATIVE = "negative"

# Sentences written for this benchmark, per language; {name} is where the person goes.
# In cased scripts the name follows a lower-case word or a comma and is followed by a
# lower-case word, so that the run of capitalised words is the name alone.
SENTENCES: dict[str, tuple[str, ...]] = {
    "fra": (
        "Selon le porte-parole du ministère, {name} a rencontré les représentants des syndicats mardi.",
        "La délégation conduite par {name} doit rentrer à la fin de la semaine.",
        "Interrogé par la presse, {name} a refusé de commenter ces chiffres.",
        "Dans un communiqué publié jeudi, {name} a jugé l'accord équilibré.",
        "Le rapport rédigé par {name} sera présenté aux députés en octobre.",
        "D'après des proches de {name}, la décision a été prise sans consultation.",
    ),
    "vie": (
        "Phát biểu tại buổi làm việc, ông {name} cho biết kế hoạch sẽ được triển khai trong năm nay.",
        "Đoàn công tác do {name} dẫn đầu đã đến thăm nhà máy vào sáng hôm qua.",
        "Trao đổi với phóng viên, {name} nói rằng số lượng khách du lịch đã tăng mạnh.",
        "Trong cuộc họp báo chiều qua, {name} khẳng định dự án không bị chậm tiến độ.",
        "Báo cáo do {name} soạn thảo sẽ được trình lên quốc hội vào tháng tới.",
        "Nhiều người dân đã gửi thư cảm ơn {name} vì những đóng góp cho địa phương.",
    ),
    "spa": (
        "Según explicó el portavoz, {name} se reunió el martes con los representantes sindicales.",
        "La delegación encabezada por {name} regresará al final de la semana.",
        "Preguntado por los periodistas, {name} declinó comentar las cifras.",
        "En un comunicado publicado el jueves, {name} calificó el acuerdo de equilibrado.",
        "El informe redactado por {name} se presentará a los diputados en octubre.",
        "De acuerdo con fuentes cercanas a {name}, la decisión se tomó sin consultas.",
    ),
    "deu": (
        "Nach Angaben des Ministeriums hat {name} am Dienstag mit den Gewerkschaften gesprochen.",
        "Die Delegation, die {name} leitet, soll am Ende der Woche zurückkehren.",
        "Auf Nachfrage wollte {name} die Zahlen nicht kommentieren.",
        "In einer am Donnerstag veröffentlichten Erklärung nannte {name} die Einigung ausgewogen.",
        "Der Bericht, den {name} verfasst hat, wird im Oktober vorgestellt.",
        "Laut Vertrauten hat {name} die Entscheidung ohne Rücksprache getroffen.",
    ),
    "rus": (
        "Как сообщили в министерстве, {name} во вторник встретился с представителями профсоюзов.",
        "По словам источников, {name} планирует вернуться в конце недели.",
        "Отвечая на вопросы журналистов, {name} отказался комментировать эти цифры.",
        "В четверг {name} назвал соглашение сбалансированным.",
        "Доклад, который подготовил {name}, будет представлен депутатам в октябре.",
        "Как отметил {name}, решение было принято без консультаций.",
    ),
    "arb": (
        "وقال المتحدث باسم الوزارة إن {name} التقى ممثلي النقابات يوم الثلاثاء.",
        "ومن المقرر أن يعود الوفد الذي يرأسه {name} في نهاية الأسبوع.",
        "ورفض {name} التعليق على هذه الأرقام عندما سأله الصحفيون.",
        "ووصف {name} الاتفاق يوم الخميس بأنه متوازن.",
        "وسيعرض التقرير الذي أعده {name} على النواب في أكتوبر.",
        "وبحسب مقربين من {name} فقد اتخذ القرار دون مشاورات.",
    ),
    "fas": (
        "به گفته سخنگوی وزارتخانه، {name} روز سه‌شنبه با نمایندگان اتحادیه‌ها دیدار کرد.",
        "قرار است هیئتی که {name} ریاست آن را بر عهده دارد آخر هفته بازگردد.",
        "در پاسخ به پرسش خبرنگاران، {name} از اظهار نظر درباره این ارقام خودداری کرد.",
        "روز پنجشنبه {name} این توافق را متوازن خواند.",
        "گزارشی که {name} تهیه کرده است در مهرماه به نمایندگان ارائه می‌شود.",
        "به نقل از نزدیکان {name}، این تصمیم بدون مشورت گرفته شد.",
    ),
}
# The sentence a silent-letter case puts into the eng/ sibling, naming the person in Latin script.
ANCHOR_SENTENCE = "The committee said {name} would present the findings next month."


@dataclass(frozen=True)
class Case:
    lang: str  # corpus language folder
    kind: str
    majority: str  # the form of the first two lines
    variant: str  # the form of the third line (the one N001 must report)
    anchor: str | None = None  # the person's Latin-script name, put into the eng/ sibling
    lines: tuple[str, ...] | None = None  # whole sentences, for negatives that are not names
    twice: bool = False  # majority twice and variant twice: two names, not a variant

    @property
    def negative(self) -> bool:
        return self.kind.startswith(NEGATIVE)


def c(lang: str, kind: str, majority: str, variant: str, anchor: str | None = None) -> Case:
    return Case(lang, kind, majority, variant, anchor)


CASES: list[Case] = [
    # French
    c("fra", DIACRITICS, "Trần Quốc Vượng", "Tran Quoc Vuong"),
    c("fra", DIACRITICS, "Hélène Lefèvre", "Helene Lefevre"),
    c("fra", DIACRITICS, "François Bérard", "Francois Berard"),
    c("fra", SPACING, "Jean-Luc Marchand", "Jean Luc Marchand"),
    c("fra", SPACING, "Marie-Claire Dubreuil", "Marie Claire Dubreuil"),
    c("fra", SWAPPED, "Arnaud Lemoine", "Arnaud Lemione"),
    c("fra", SWAPPED, "Thibault Garnier", "Thibault Granier"),
    c("fra", DOUBLED, "Annick Moreau", "Anick Moreau"),
    c("fra", DOUBLED, "Corinne Vasseur", "Corine Vasseur"),
    c("fra", DOUBLED, "Philippe Roussel", "Philipe Roussel"),
    # Vietnamese
    c("vie", DIACRITICS, "Trần Quốc Vượng", "Tran Quoc Vuong"),
    c("vie", DIACRITICS, "Lê Thị Hồng Nhung", "Le Thi Hong Nhung"),
    c("vie", DIACRITICS, "Phạm Đức Thắng", "Phạm Đức Thang"),
    c("vie", SPACING, "Jean-Pierre Lefort", "Jean Pierre Lefort"),
    c("vie", SPACING, "Anne-Marie Bouvier", "Anne Marie Bouvier"),
    c("vie", SWAPPED, "Vũ Thanh Hải", "Vũ Tahnh Hải"),
    c("vie", SWAPPED, "Lý Anh Tuấn", "Lý Ahn Tuấn"),
    c("vie", DOUBLED, "Annette Keller", "Anette Keller"),
    c("vie", DOUBLED, "Russell Crane", "Russel Crane"),
    # Spanish
    c("spa", DIACRITICS, "José Martínez", "Jose Martinez"),
    c("spa", DIACRITICS, "Inés Gutiérrez", "Ines Gutierrez"),
    c("spa", SPACING, "María Sánchez-Vidal", "María Sánchez Vidal"),
    c("spa", SPACING, "Luis Ortega-Ruiz", "Luis Ortega Ruiz"),
    c("spa", SWAPPED, "Ricardo Almeida", "Ricardo Almedia"),
    c("spa", SWAPPED, "Elena Castaño", "Elena Catsaño"),
    c("spa", DOUBLED, "Carolina Ferrer", "Carolina Ferer"),
    c("spa", DOUBLED, "Marcela Villalba", "Marcela Vilalba"),
    # German
    c("deu", DIACRITICS, "Jürgen Schäfer", "Jurgen Schafer"),
    c("deu", DIACRITICS, "Jörg Müller", "Jorg Muller"),
    c("deu", SPACING, "Karl-Heinz Brandt", "Karl Heinz Brandt"),
    c("deu", SPACING, "Hans-Peter Vogel", "Hans Peter Vogel"),
    c("deu", SWAPPED, "Matthias Kerner", "Matthias Kenrer"),
    c("deu", SWAPPED, "Stefan Reinhardt", "Stefan Rienhardt"),
    c("deu", DOUBLED, "Thomas Hoffmann", "Thomas Hofmann"),
    c("deu", DOUBLED, "Ulrike Sommer", "Ulrike Somer"),
    # Russian
    c("rus", SAME_SOUND, "Ле Ван Шанг", "Ле Ван Санг"),
    c("rus", SAME_SOUND, "Нгуен Тхи Шуан", "Нгуен Тхи Суан"),
    c("rus", SAME_SOUND, "Элен Дюпон", "Елен Дюпон"),
    c("rus", SAME_SOUND, "Фёдор Кравцов", "Федор Кравцов"),
    c("rus", SAME_SOUND, "Чан Ван Щук", "Чан Ван Шук"),
    c("rus", SWAPPED, "Олег Даниленко", "Олег Данилнеко"),
    c("rus", SWAPPED, "Марина Ткаченко", "Марина Ткачнеко"),
    c("rus", SWAPPED, "Андрей Воронцов", "Андрей Вороцнов"),
    c("rus", SWAPPED, "Ирина Белова", "Ирина Беолва"),
    # Arabic (no Latin sibling names these people: found among repeated word runs)
    c("arb", SAME_SOUND, "نغوين فان تام", "نجوين فان تام"),
    c("arb", SAME_SOUND, "هوغو مارتان", "هوجو مارتان"),
    c("arb", SAME_SOUND, "إنغريد لارسن", "إنجريد لارسن"),
    c("arb", SAME_SOUND, "روجر بيكر", "روغر بيكر"),
    c("arb", SAME_SOUND, "ماغنوس هولم", "ماقنوس هولم"),
    c("arb", SWAPPED, "كريستوفر لاندري", "كريستوفر لانردي"),
    c("arb", SWAPPED, "ماتيلدا شولتز", "ماتيلدا شوتلز"),
    c("arb", SWAPPED, "إدواردو فيرنانديز", "إدواردو فيرناندزي"),
    c("arb", SWAPPED, "باتريك أوكونيل", "باتريك أوكنويل"),
    # Persian
    c("fas", SWAPPED, "مارتین کلارک", "مارتین کلاکر"),
    c("fas", SWAPPED, "لوسیا فرناندز", "لوسیا فرنادنز"),
    c("fas", SWAPPED, "توماس برگمن", "توماس بگرمن"),
    c("fas", HARAKAT, "رُزا کامرون", "رزا کامرون"),
    c("fas", HARAKAT, "اِلنا پتروا", "النا پتروا"),
    c("fas", HARAKAT, "کوین هارت", "کِوین هارت"),
    c("fas", SILENT, "لام آنه توان", "لام آن توان", anchor="Lam Anh Tuan"),
    c("fas", SILENT, "فام آنه توان", "فام آن توان", anchor="Pham Anh Tuan"),
    c("fas", SILENT, "هوانگ آنه لونگ", "هوانگ آن لونگ", anchor="Hoang Anh Long"),
    c("fas", SILENT, "نگوین آن فونگ", "نگوین آنه فونگ", anchor="Nguyen Anh Phong"),
    # Negatives: must not be reported.
    # Two people a letter apart, shown distinct by one sentence naming both.
    Case("vie", f"{NEGATIVE}: two people", "Nguyễn Văn An", "Nguyễn Văn Anh", lines=(
        "Ông Nguyễn Văn An đã gặp ông Nguyễn Văn Anh tại trụ sở bộ vào sáng qua.",
        "Sau buổi gặp, Nguyễn Văn An cho biết hai bên đã thống nhất kế hoạch.",
        "Đoàn của Nguyễn Văn An sẽ trở về vào cuối tuần.",
    )),
    Case("fra", f"{NEGATIVE}: two people", "Nguyễn Văn An", "Nguyễn Văn Anh", lines=(
        "Selon le ministère, Nguyễn Văn An a reçu Nguyễn Văn Anh mardi matin.",
        "La délégation conduite par Nguyễn Văn An doit rentrer à la fin de la semaine.",
        "Interrogé par la presse, Nguyễn Văn An a refusé de commenter ces chiffres.",
    )),
    Case("fas", f"{NEGATIVE}: verb forms", "رخ داد", "رخ داده", lines=(
        "این حادثه در ساعات اولیه صبح رخ داد.",
        "به گفته شاهدان، انفجار در نزدیکی بازار رخ داد و چند نفر زخمی شدند.",
        "آنچه دیشب رخ داده بود هنوز روشن نیست.",
    )),
]


# -- cases generated from the corpus's own names -------------------------------
#
# The cases above are names written for this benchmark. These take real names
# of the corpus (as `qa-lint names --format json` learns them: two or three
# words, each of three letters or more) and derive the variant by a rule of
# the class, at a position the class allows, so the answers are not a list
# anyone typed. Each goes into an article that does not mention it, so no
# translation beside it names the person: the near-variant case of N006.

LETTER, VOWEL, FINAL = "letter dropped", "vowel letter dropped", "final letter added"
GROUP, ONE_MARK, SOFT_SIGN = "sound-alike letters", "one diacritic", "soft sign"
GENERATED = "generated: "
CORPUS_LANG = {"fas": "fa", "arb": "ar", "rus": "ru", "fra": "fr", "vie": "vi", "spa": "es", "deu": "de"}
_VOWELS = {"Latin": set("aeiouy"), "Cyrillic": set("аеёиоуыэюя"), "Arabic": set("اويی")}
_CONSONANTS_ADDED = "gkt"  # final letters no language here adds as an ending
# Letter groups of one sound, per script (either direction).
_GROUPS = {
    "Latin": (("c", "k"), ("i", "y")),
    "Cyrillic": (("к", "кх"), ("т", "ч"), ("ч", "чж")),
    "Arabic": (("ت", "ط"), ("س", "ص")),
}
_TONE_MARKS = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # Vietnamese tones
_FRENCH_MARKS = ("\u0300", "\u0301")  # è / é


def _script(word: str) -> str:
    if all("\u0400" <= ch <= "\u04ff" for ch in word):
        return "Cyrillic"
    if all("\u0600" <= ch <= "\u06ff" for ch in word):
        return "Arabic"
    return "Latin"


def _inner(word: str) -> range:
    """Positions a generated change may touch: not the first two letters, not the last."""
    return range(2, len(word) - 1)


def _drop(words: list[str], rng: random.Random, vowels: bool, script: str) -> str | None:
    choices = [(w, i) for w, word in enumerate(words) for i in _inner(word)
               if (word[i].lower() in _VOWELS[script]) == vowels and word[i] != word[i - 1]
               and word[i] != word[i + 1] and word[i - 1] != word[i + 1]]
    if not choices:
        return None
    w, i = rng.choice(choices)
    return " ".join(words[:w] + [words[w][:i] + words[w][i + 1:]] + words[w + 1:])


def _add_final(words: list[str], rng: random.Random) -> str | None:
    w = rng.randrange(len(words))
    letter = rng.choice([c for c in _CONSONANTS_ADDED if not words[w].lower().endswith(c)])
    return " ".join(words[:w] + [words[w] + letter] + words[w + 1:])


def _final_of_middle(words: list[str], rng: random.Random, letter: str) -> str | None:
    """A silent final letter written on the middle word of a three-word name (آن / آنه)."""
    if len(words) != 3 or words[1].endswith(letter):
        return None
    return " ".join([words[0], words[1] + letter, words[2]])


def _soft_sign(words: list[str], rng: random.Random) -> str | None:
    """A soft sign written after a word's final consonant, or left out (Минь / Мин)."""
    choices = [w for w, word in enumerate(words) if word.endswith("ь") or word[-1].lower() not in _VOWELS["Cyrillic"] | {"й"}]
    if not choices:
        return None
    w = rng.choice(choices)
    word = words[w]
    return " ".join(words[:w] + [word[:-1] if word.endswith("ь") else word + "ь"] + words[w + 1:])


def _swap_group(words: list[str], rng: random.Random, script: str) -> str | None:
    choices = []
    for w, word in enumerate(words):
        lower = word.lower()
        for a, b in _GROUPS[script]:
            for p, q in ((a, b), (b, a)):
                start = lower.find(p, 2)
                while start != -1:
                    end = start + len(p)
                    # The whole of a group, not part of a longer member (к of кх).
                    whole = not any(len(o) > len(p) and lower.startswith(o, start) for pair in _GROUPS[script] for o in pair)
                    if whole and end < len(lower):
                        choices.append((w, start, p, q))
                    start = lower.find(p, start + 1)
    if not choices:
        return None
    w, start, p, q = rng.choice(choices)
    word = words[w]
    return " ".join(words[:w] + [word[:start] + q + word[start + len(p):]] + words[w + 1:])


def _change_mark(words: list[str], rng: random.Random, marks: tuple[str, ...]) -> str | None:
    import unicodedata
    choices = []
    for w, word in enumerate(words):
        letters = unicodedata.normalize("NFD", word)
        for i, ch in enumerate(letters):
            if ch in marks:
                choices.append((w, i))
    if not choices:
        return None
    w, i = rng.choice(choices)
    letters = unicodedata.normalize("NFD", words[w])
    new = rng.choice([m for m in marks if m != letters[i]])
    changed = unicodedata.normalize("NFC", letters[:i] + new + letters[i + 1:])
    return " ".join(words[:w] + [changed] + words[w + 1:])


def _generators(lang: str) -> list[tuple[str, object]]:
    """The classes planted in `lang`, each as (kind, rule making a variant of a name's words)."""
    if lang in ("fas", "arb"):
        return [(VOWEL, lambda ws, r: _drop(ws, r, True, "Arabic")),
                (GROUP, lambda ws, r: _swap_group(ws, r, "Arabic")),
                (LETTER, lambda ws, r: _drop(ws, r, False, "Arabic")),
                (FINAL, lambda ws, r: _final_of_middle(ws, r, "ه"))]
    if lang == "rus":
        return [(GROUP, lambda ws, r: _swap_group(ws, r, "Cyrillic")),
                (VOWEL, lambda ws, r: _drop(ws, r, True, "Cyrillic")),
                (LETTER, lambda ws, r: _drop(ws, r, False, "Cyrillic")),
                (SOFT_SIGN, _soft_sign)]
    found = [(LETTER, lambda ws, r: _drop(ws, r, False, "Latin")),
             (FINAL, lambda ws, r: _add_final(ws, r)),
             (GROUP, lambda ws, r: _swap_group(ws, r, "Latin"))]
    if lang == "vie":
        found.append((ONE_MARK, lambda ws, r: _change_mark(ws, r, _TONE_MARKS)))
    if lang == "fra":
        found.append((ONE_MARK, lambda ws, r: _change_mark(ws, r, _FRENCH_MARKS)))
    return found


def corpus_names(command: list[str], corpus: Path) -> dict[str, list[str]]:
    """Corpus language -> the multi-word names `qa-lint names` learns there, most mentioned first."""
    _, done = run_timed([*command, "names", "--format", "json", str(corpus)])
    check_exit(done, "qa-lint names", (0,))
    people = json.loads(done.stdout)
    by_lang: dict[str, list[str]] = defaultdict(list)
    people = [p for p in people if len(p["forms"]) >= 3]  # a person the translations agree is one
    for folder, tag in CORPUS_LANG.items():
        for person in people:
            for entry in person["forms"].get(tag, [])[:1]:
                words = entry["form"].split()
                script = _script("".join(words))
                if 2 <= len(words) <= 3 and all(len(w) >= 3 and w.isalpha() and _script(w) == script for w in words) \
                        and entry["form"] not in by_lang[folder]:
                    if (folder in ("fas", "arb")) == (script == "Arabic") and (folder == "rus") == (script == "Cyrillic"):
                        by_lang[folder].append(entry["form"])
    return by_lang


def generated_cases(names: dict[str, list[str]], per_language: int, seed: int) -> list[Case]:
    """`per_language` cases per language, classes in turn, each from a distinct real name."""
    rng = random.Random(seed)
    cases: list[Case] = []
    for lang in REQUIRED_LANGUAGES:
        pool = list(names.get(lang, []))
        rng.shuffle(pool)
        generators = _generators(lang)
        made = 0
        for name in pool:
            if made >= per_language:
                break
            kind, make = generators[made % len(generators)]
            variant = make(name.split(), rng)
            if variant and variant != name:
                cases.append(Case(lang, GENERATED + kind, name, variant))
                made += 1
        # A name and its variant both twice: the article shows two names.
        for name in pool[-1:]:
            variant = _drop(name.split(), rng, False, _script(name)) or _add_final(name.split(), rng)
            cases.append(Case(lang, f"{NEGATIVE}: both forms twice", name, variant, twice=True))
    return cases


# -- building the planted copy -------------------------------------------------

def insert(lines: list[str], new: list[str], rng: random.Random) -> tuple[list[str], list[int | None], list[int]]:
    """`lines` with `new` inserted, in order, at distinct random gaps (never before the headline).

    Returns the new lines, the original 1-based line number of each new line
    (None for an inserted one), and the 1-based numbers of the inserted lines.
    """
    gaps = sorted(rng.sample(range(1, len(lines) + 1), len(new)))  # gap g: before original line g+1
    out: list[str] = []
    origin: list[int | None] = []
    where: list[int] = []
    pending = list(zip(gaps, new))
    for index in range(len(lines) + 1):
        while pending and pending[0][0] == index:
            out.append(pending.pop(0)[1])
            origin.append(None)
            where.append(len(out))
        if index < len(lines):
            out.append(lines[index])
            origin.append(index + 1)
    return out, origin, where


@dataclass
class Planted:
    number: int
    case: Case
    article: str  # the corpus file name: the article group
    path: str  # "<lang>/<file>", as qa-lint shows it when run in the copy's root
    lines: list[int]  # the three inserted lines
    texts: list[str]
    variant_column: int  # 1-based column of the variant on the third line
    anchor_path: str | None = None
    anchor_line: int | None = None
    detected: bool = False
    false_alarms: list[dict] = field(default_factory=list)

    @property
    def variant_line(self) -> int:
        return self.lines[2]


def _assign(corpus: Path, cases: list[Case], articles: list[str]) -> list[str]:
    """An article per case, in order; a case of a real name gets one whose text has none of its words
    (the corpus's names come back in other articles: there the variant would meet the name's own text)."""
    free, chosen = list(articles), []
    for case in cases:
        words = set(case.majority.split()) | set(case.variant.split())
        pick = next((a for a in free if not case.kind.startswith((GENERATED, NEGATIVE + ": both"))
                     or words.isdisjoint(re.findall(r"\w+", (corpus / case.lang / a).read_text(encoding="utf-8")))), None)
        if pick is None:
            raise SystemExit(f"benchmark data: no article left for the case {case.majority!r}")
        free.remove(pick)
        chosen.append(pick)
    return chosen


def build(corpus: Path, root: Path, seed: int, cases: list[Case]) -> tuple[list[Planted], dict[str, list[int | None]]]:
    """Copy the corpus to `root`, plant every case; return the plants and the line maps of changed files."""
    shutil.copytree(corpus, root)
    rng = random.Random(seed)
    articles = sorted(p.name for p in (corpus / "eng").glob("*.txt"))
    usable = [a for a in articles if all((corpus / case.lang / a).is_file() for case in cases)
              and len(read_lines(corpus / "eng" / a)) >= 3]
    if len(usable) < len(cases):
        raise SystemExit(f"benchmark data: {len(cases)} cases need as many articles, the corpus has {len(usable)}")
    rng.shuffle(usable)
    origins: dict[str, list[int | None]] = {}
    planted: list[Planted] = []
    for number, (case, article) in enumerate(zip(cases, _assign(corpus, cases, usable)), start=1):
        if case.lines is not None:
            texts = list(case.lines)
        else:
            names = (case.majority, case.majority, case.variant) + ((case.variant,) if case.twice else ())
            templates = rng.sample(SENTENCES[case.lang], len(names))
            texts = [t.format(name=n) for t, n in zip(templates, names)]
        if not case.negative and case.variant not in texts[2]:
            raise SystemExit(f"benchmark data: case {number}: the variant is not on its line")
        rel = f"{case.lang}/{article}"
        new, origin, where = insert(read_lines(corpus / rel), texts, rng)
        write_lines(root / rel, new)
        origins[rel] = origin
        plant = Planted(number, case, article, rel, where, texts, texts[2].find(case.variant) + 1)
        if case.anchor:
            anchor_rel = f"eng/{article}"
            new, origin, where = insert(read_lines(corpus / anchor_rel),
                                        [ANCHOR_SENTENCE.format(name=case.anchor)], rng)
            write_lines(root / anchor_rel, new)
            origins[anchor_rel] = origin
            plant.anchor_path, plant.anchor_line = anchor_rel, where[0]
        planted.append(plant)
    return planted, origins


# -- running qa-lint and scoring -----------------------------------------------

def run_n001(command: list[str], root: Path) -> list[dict]:
    """N001 and N006 findings of a run in `root`, in path order."""
    found = run_qa_lint(command, "N001,N006", cwd=root)
    return sorted(found, key=lambda f: (f["path"], f["line"], f["column"]))


def span(finding: dict) -> tuple[str, int, int, int, int]:
    return finding["path"], finding["line"], finding["column"], finding["end_line"], finding["end_column"]


def score(planted: list[Planted], origins: dict[str, list[int | None]], baseline: list[dict],
          findings: list[dict]) -> list[dict]:
    """Mark detections and charge false alarms to cases; return the findings charged to no case."""
    before = {span(f) for f in baseline}
    by_article = {p.article: p for p in planted}
    unowned = []
    for finding in findings:
        path, line, column, end_line, end_column = span(finding)
        origin = origins.get(path)
        if origin is None:
            key: tuple | None = span(finding)  # a file left as it was
        else:
            first = origin[line - 1] if line <= len(origin) else None
            last = origin[end_line - 1] if end_line <= len(origin) else None
            key = (path, first, column, last, end_column) if first and last else None
        if key is not None and key in before:
            continue  # there before planting
        owner = by_article.get(Path(path).name)
        if owner is not None and not owner.case.negative and path == owner.path \
                and line == owner.variant_line == end_line \
                and column <= owner.variant_column \
                and end_column >= owner.variant_column + len(owner.case.variant):
            owner.detected = True
            continue
        if owner is not None:
            owner.false_alarms.append(finding)
        else:
            unowned.append(finding)
    return unowned


def fires(p: Planted) -> bool:
    """Whether a negative case was reported: a new finding on one of its planted lines."""
    return any(f["path"] == p.path and f["line"] in p.lines for f in p.false_alarms)


def report(planted: list[Planted], unowned: list[dict], seed: int, command: list[str], corpus: Path,
           baseline: list[dict], kept: Path | None) -> bool:
    """Print the tables; return whether every target is met."""
    positives = [p for p in planted if not p.case.negative]
    negatives = [p for p in planted if p.case.negative]
    print(f"qa-lint: {' '.join(command)}")
    print(f"corpus:  {corpus}")
    print(f"seed:    {seed}; {len(positives)} planted variants, {len(negatives)} negative cases, "
          f"each in an article group of its own; baseline: {len(baseline)} N001/N006 finding(s) before planting")
    if kept:
        print(f"planted copy kept in: {kept}")
    print()
    header = (f"{'language':<9} {'kind':<27} {'planted':>7} {'detected':>8} {'recall':>7} "
              f"{'false alarms':>12} {'precision':>9}")
    print(header)
    print("-" * len(header))
    rows: dict[tuple[str, str], list[Planted]] = defaultdict(list)
    for p in positives:
        rows[(p.case.lang, p.case.kind)].append(p)

    def line(label: str, kind: str, group: list[Planted], extra_alarms: int = 0) -> tuple[int, int, int]:
        n, hit = len(group), sum(p.detected for p in group)
        alarms = sum(len(p.false_alarms) for p in group) + extra_alarms
        print(f"{label:<9} {kind:<27} {n:>7} {hit:>8} {fmt(ratio(hit, n)):>7} {alarms:>12} "
              f"{fmt(ratio(hit, hit + alarms)):>9}")
        return n, hit, alarms

    languages = sorted({p.case.lang for p in planted})
    for lang in languages:
        for (row_lang, kind), group in sorted(rows.items()):
            if row_lang == lang:
                line(lang, kind, group)
    print("-" * len(header))
    per_lang_ok = True
    unowned_by_lang: dict[str, int] = defaultdict(int)
    for finding in unowned:
        unowned_by_lang[Path(finding["path"]).parts[0]] += 1
    for lang in sorted(set(languages) | set(unowned_by_lang)):
        mine = [p for p in planted if p.case.lang == lang]
        neg_alarms = sum(len(p.false_alarms) for p in mine if p.case.negative)
        line(lang, "all kinds", [p for p in mine if not p.case.negative], neg_alarms + unowned_by_lang[lang])
        if lang in REQUIRED_LANGUAGES and sum(not p.case.negative for p in mine) < MIN_PLANTS_PER_LANGUAGE:
            per_lang_ok = False
    print("-" * len(header))
    total_alarms = len(unowned) + sum(len(p.false_alarms) for p in negatives)
    n, hit, alarms = line("all", "", positives, total_alarms)
    recall, precision = ratio(hit, n) or 0.0, ratio(hit, hit + alarms)

    print()
    print(f"{'language':<9} {'negative case':<27} {'planted':>7} {'fired':>8}")
    print("-" * 54)
    for p in negatives:
        print(f"{p.case.lang:<9} {p.case.kind.split(': ', 1)[1]:<27} {1:>7} {int(fires(p)):>8}"
              f"  {p.case.majority} x2 / {p.case.variant} x{2 if p.case.twice else 1}")
    fired = [p for p in negatives if fires(p)]

    missed = [p for p in positives if not p.detected]
    if missed:
        print("\nmissed plants (no N001 or N006 finding covering the variant):")
        for p in missed:
            print(f"  #{p.number} {p.case.lang} {p.case.kind}: {p.path}:{p.variant_line}:{p.variant_column} "
                  f"“{p.case.variant}” (majority “{p.case.majority}” on lines {p.lines[0]}, {p.lines[1]}"
                  + (f"; anchor “{p.case.anchor}” at {p.anchor_path}:{p.anchor_line}" if p.case.anchor else "") + ")")
    alarms_listed = [(p, f) for p in planted for f in p.false_alarms] + [(None, f) for f in unowned]
    if alarms_listed:
        print("\nfalse alarms (new N001 or N006 findings that are not a detection):")
        for p, f in alarms_listed:
            where = "in no planted article group"
            if p is not None:
                where = f"case #{p.number} {p.case.lang} {p.case.kind}"
                if f["path"] == p.path and f["line"] in p.lines:
                    where += f", planted line {p.lines.index(f['line']) + 1} of 3"
                else:
                    where += ", on an article line" if f["path"] == p.path else ", in a sibling"
            print(f"  {f['path']}:{f['line']}:{f['column']}-{f['end_column']} ({where}): {f['message']}")

    print()
    ok = True
    if recall < MIN_RECALL:
        print(f"FAIL: overall recall {recall:.3f} < {MIN_RECALL}")
        ok = False
    if precision is not None and precision < MIN_PRECISION:
        print(f"FAIL: overall precision {precision:.3f} < {MIN_PRECISION}")
        ok = False
    if fired:
        print(f"FAIL: {len(fired)} negative case(s) fired")
        ok = False
    if not per_lang_ok:
        print(f"FAIL: a language has fewer than {MIN_PLANTS_PER_LANGUAGE} plants (benchmark data)")
        ok = False
    if ok:
        print(f"OK: recall {recall:.3f} >= {MIN_RECALL}, precision {fmt(precision)} >= {MIN_PRECISION}, "
              f"no negative case fired")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--seed", type=int, default=20240611, help="seed for articles, sentences, positions")
    parser.add_argument("--keep", action="store_true", help="keep the planted copy and print its folder")
    parser.add_argument("--generated", type=int, default=7, help="cases generated from corpus names per language")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    args, corpus, command = parse_args(parser, argv)

    with planting_folder("qa-lint-names-recall-", args.keep) as workdir:
        root = workdir / "ntrex"
        shutil.copytree(corpus, workdir / "baseline")
        baseline = run_n001(command, workdir / "baseline")
        shutil.rmtree(workdir / "baseline")
        cases = CASES + generated_cases(corpus_names(command, corpus), args.generated, args.seed)
        planted, origins = build(corpus, root, args.seed, cases)
        findings = run_n001(command, root)

    unowned = score(planted, origins, baseline, findings)
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        ok = report(planted, unowned, args.seed, command, corpus, baseline, root if args.keep else None)
    text = buffer.getvalue()
    sys.stdout.write(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return EXIT_OK if ok else EXIT_BELOW_TARGET


if __name__ == "__main__":
    sys.exit(main())
