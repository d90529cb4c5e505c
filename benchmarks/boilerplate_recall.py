"""Boilerplate-rule recall and precision on planted web-page leftovers.

What it measures
----------------
It copies articles of the NTREX corpus (``ntrex/<language>/<document>.txt``,
clean professional translations) into a temporary folder, keeping the
``<language>/`` layout, and plants into the copies boilerplate lines written
for this benchmark (listed in ``PLANTS`` and ``PAGES`` below; none comes from
the corpus): comment counters, share widgets, "read more" lines, tag lines, ad
markers, breadcrumbs, runs of blank lines and source-URL lines, in the
languages of the corpus and, as scrapers leave them, sometimes in the language
of the source site. Each plant goes where such leftovers sit on a scraped
page: breadcrumbs at the top, ad markers, "read more" lines and blank runs in
the middle, counters, tags, share widgets and source lines at the end. Most
copies get one plant; a few (``PAGES``) get a whole scraped page's worth.

It then runs ``qa-lint check --format jsonl --select boilerplate`` on the
folder and, per rule (B001-B013) and overall, reports:

* planted  - lines planted for the rule (for B007, the first line of a run);
* detected - planted lines on which the rule reported a finding;
* recall   - detected / planted;
* precision - findings of the rule on a line planted for that rule / all
  findings of the rule (a finding on an article sentence, or on a line
  planted for another rule, counts against it).

Misses and stray findings are listed. The script exits with 1 when any rule's
recall is below 0.95 or its precision below 1.0 (2 if qa-lint fails). The
choice of corpus files and of the positions in them is drawn from a
``random.Random`` with a fixed seed (``--seed``), so runs are repeatable.

How to run it (from the repository root)
----------------------------------------
    python benchmarks/boilerplate_recall.py
    python benchmarks/boilerplate_recall.py --corpus /path/to/ntrex --keep

``--keep`` leaves the planted copies in place and prints where. It calls the
installed ``qa-lint`` (next to the running Python, else on PATH, else
``python -m qa_lint``; ``--qa-lint`` names another). Standard library only.
The corpus is read at run time and nothing of it is copied into the
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

RULES = ("B001", "B002", "B003", "B004", "B005", "B006", "B007", "B008", "B009", "B010", "B011", "B012", "B013")
RULE_NAMES = {
    "B001": "comment-counter", "B002": "share-widget", "B003": "read-more-link", "B004": "tags-line",
    "B005": "advertisement-marker", "B006": "navigation-breadcrumb", "B007": "blank-line-run",
    "B008": "source-url-line", "B009": "page-metadata", "B010": "site-header", "B011": "page-widget-text",
    "B012": "text-after-sign-off", "B013": "comment-heading",
}
MIN_RECALL, MIN_PRECISION = 0.95, 1.0
MIN_PLANTS_PER_RULE, MIN_LANGUAGES_PER_RULE = 3, 6
EXIT_OK, EXIT_BELOW_TARGET = 0, 1

# Where a plant goes: "top" (before the headline), "head" (right after the
# headline), "middle" (between two sentences of the body), "end" (after the
# last sentence); "glued" (run into the start of the headline, as metadata
# stamps are) and "after" (run into the end of the last sentence, as a
# teaser after a sign-off is).
TOP, HEAD, MIDDLE, END, GLUED, AFTER = "top", "head", "middle", "end", "glued", "after"


@dataclass(frozen=True)
class Plant:
    rule: str
    where: str
    lines: tuple[str, ...]  # what is inserted; the first line is the one a finding must be on

    @property
    def shown(self) -> str:
        if self.rule == "B007":
            kinds = "".join("·" if not line else "␣" for line in self.lines)
            return f"{len(self.lines)} blank line(s) [{kinds}]" + (" at the end" if self.where == END else "")
        return self.lines[0]


def p(rule: str, where: str, *lines: str) -> Plant:
    return Plant(rule, where, lines)


def blanks(where: str, *lines: str) -> Plant:
    return Plant("B007", where, lines)


# (corpus language folder, plant). The language folder is the translation's
# language; a few plants are in the language of the source site instead
# (an English counter in a French translation, ...), as scraped pages have them.
PLANTS: list[tuple[str, Plant]] = [
    # B001 comment-counter: the last line of the page.
    ("eng", p("B001", END, "Comment (0)")),
    ("eng", p("B001", END, "12 Comments")),
    ("fra", p("B001", END, "Commentaires (3)")),
    ("fra", p("B001", END, "Comment (0)")),
    ("fas", p("B001", END, "نظر (۳)")),
    ("fas", p("B001", END, "نظرات (0)")),
    ("vie", p("B001", END, "Bình luận (12)")),
    ("vie", p("B001", END, "Ý kiến bạn đọc (0)")),
    ("rus", p("B001", END, "Комментарии (0)")),
    ("rus", p("B001", END, "5 комментариев")),
    ("zho-CN", p("B001", END, "评论 (5)")),
    ("zho-CN", p("B001", END, "评论（12）")),
    ("spa", p("B001", END, "Comentarios (2)")),
    ("deu", p("B001", END, "Kommentare (4)")),
    ("arb", p("B001", END, "التعليقات (٧)")),
    ("jpn", p("B001", END, "コメント（3）")),
    ("kor", p("B001", END, "댓글 (2)")),
    ("kor", p("B001", END, "댓글 3")),
    ("hin", p("B001", END, "टिप्पणियां (4)")),
    # B002 share-widget: under the headline or at the end.
    ("fra", p("B002", END, "Partager | Imprimer")),
    ("fra", p("B002", HEAD, "Partager sur Facebook Partager sur Twitter Envoyer par e-mail")),
    ("vie", p("B002", END, "Chia sẻ")),
    ("vie", p("B002", HEAD, "Chia sẻ Facebook Zalo")),
    ("eng", p("B002", END, "Share | Facebook | Twitter | Email")),
    ("eng", p("B002", HEAD, "Share this article")),
    ("rus", p("B002", END, "Поделиться: ВКонтакте Одноклассники Telegram")),
    ("zho-CN", p("B002", END, "分享到：微信 微博")),
    ("spa", p("B002", END, "Compartir | Imprimir")),
    ("deu", p("B002", END, "Teilen Drucken Link kopieren")),
    ("fas", p("B002", END, "اشتراک‌گذاری | چاپ")),
    ("arb", p("B002", END, "شارك: فيسبوك | تويتر | واتساب")),
    ("eng", p("B002", END, "Facebook Twitter WhatsApp Email")),
    ("jpn", p("B002", END, "シェア ツイート はてなブックマーク")),
    ("kor", p("B002", END, "공유하기 | 인쇄")),
    ("hin", p("B002", END, "शेयर करें | प्रिंट")),
    # B003 read-more-link: between paragraphs, or at the end.
    ("fra", p("B003", MIDDLE, "Lire aussi : Les exportations de riz atteignent un niveau record")),
    ("vie", p("B003", MIDDLE, "Xem thêm:")),
    ("vie", p("B003", END, "Tin liên quan:")),
    ("arb", p("B003", MIDDLE, "اقرأ أيضا")),
    ("arb", p("B003", MIDDLE, "اقرأ أيضاً: ارتفاع أسعار الذهب في الأسواق المحلية")),
    ("rus", p("B003", MIDDLE, "Читайте также: Курс рубля укрепился к доллару")),
    ("eng", p("B003", MIDDLE, "Read more: How the storm reshaped the coastline")),
    ("eng", p("B003", END, "Related articles")),
    ("zho-CN", p("B003", MIDDLE, "延伸阅读：本市新增三条公交线路")),
    ("spa", p("B003", MIDDLE, "Lee también: El Gobierno aprueba el nuevo presupuesto")),
    ("fas", p("B003", MIDDLE, "بیشتر بخوانید:")),
    ("deu", p("B003", MIDDLE, "Lesen Sie auch: Bahnstreik legt Fernverkehr lahm")),
    ("fra", p("B003", END, "À lire aussi")),
    ("jpn", p("B003", MIDDLE, "関連記事：東京で桜が満開に")),
    ("kor", p("B003", MIDDLE, "관련기사: 서울 아파트값 다시 상승")),
    ("hin", p("B003", MIDDLE, "यह भी पढ़ें: दिल्ली में बारिश से यातायात प्रभावित")),
    # B004 tags-line: at the end.
    ("eng", p("B004", END, "Tags: economy, trade, Vietnam")),
    ("eng", p("B004", END, "TAGS: Hanoi, tourism")),
    ("rus", p("B004", END, "Теги: экономика, торговля, Вьетнам")),
    ("fra", p("B004", END, "Mots-clés : économie, commerce extérieur")),
    ("vie", p("B004", END, "Từ khóa: kinh tế, thương mại")),
    ("zho-CN", p("B004", END, "标签：经济 贸易 越南")),
    ("spa", p("B004", END, "Etiquetas: economía, comercio")),
    ("deu", p("B004", END, "Schlagwörter: Wirtschaft, Handel")),
    ("fas", p("B004", END, "برچسب‌ها: اقتصاد، تجارت")),
    ("arb", p("B004", END, "الوسوم: اقتصاد، تجارة")),
    ("jpn", p("B004", END, "タグ：経済、貿易")),
    ("kor", p("B004", END, "태그: 경제, 무역")),
    ("hin", p("B004", END, "टैग्स: अर्थव्यवस्था, व्यापार")),
    # B005 advertisement-marker: in the middle of the body.
    ("fra", p("B005", MIDDLE, "Publicité")),
    ("rus", p("B005", MIDDLE, "Реклама")),
    ("vie", p("B005", MIDDLE, "Quảng cáo")),
    ("eng", p("B005", MIDDLE, "- ADVERTISEMENT -")),
    ("eng", p("B005", MIDDLE, "Story continues below advertisement")),
    ("zho-CN", p("B005", MIDDLE, "广告")),
    ("arb", p("B005", MIDDLE, "إعلان")),
    ("fas", p("B005", MIDDLE, "تبلیغات")),
    ("deu", p("B005", MIDDLE, "Anzeige")),
    ("spa", p("B005", MIDDLE, "Publicidad")),
    ("jpn", p("B005", MIDDLE, "広告")),
    ("kor", p("B005", MIDDLE, "광고")),
    ("hin", p("B005", MIDDLE, "विज्ञापन")),
    # B013 comment-heading: the comment box's heading alone, with no counter.
    ("fra", p("B013", END, "Commentaires")),
    ("eng", p("B013", END, "Leave a comment")),
    ("spa", p("B013", END, "Comentarios")),
    ("rus", p("B013", END, "Комментарии")),
    ("arb", p("B013", END, "التعليقات")),
    ("deu", p("B013", END, "Kommentare")),
    # B002 also: share buttons with a preposition and a brand, as people write them.
    ("spa", p("B002", END, "Compartir en Facebook")),
    ("deu", p("B002", END, "Auf Facebook teilen")),
    ("rus", p("B002", END, "Поделиться в Telegram")),
    ("arb", p("B002", END, "شارك على فيسبوك")),
    ("fas", p("B002", END, "اشتراک‌گذاری در تلگرام")),
    ("fas", p("B002", END, "اشتراک گذاری در فیس بوک")),
    ("fas", p("B002", END, "اشتراکگذاری در واتساپ")),
    ("fra", p("B002", END, "Partager sur X")),
    ("vie", p("B002", END, "Chia sẻ lên Zalo")),
    ("zho-CN", p("B002", END, "分享到微信")),
    ("jpn", p("B002", END, "Facebookで共有")),
    ("spa", p("B002", END, "Comentarios Enviar Imprimir")),
    # B003 also: headings of other-stories widgets, and arrow-led teasers.
    ("eng", p("B003", END, "See more")),
    ("eng", p("B003", END, "Top stories")),
    ("fra", p("B003", END, "Autres")),
    ("rus", p("B003", END, "Другие новости")),
    ("zho-CN", p("B003", END, "推荐")),
    ("eng", p("B003", END, ">> Floods cut off three villages in the north")),
    ("spa", p("B003", END, "Otras noticias")),
    # B005 also: a numbered ad slot.
    ("arb", p("B005", MIDDLE, "[إعلان 2]")),
    ("fra", p("B005", MIDDLE, "[Publicité 1]")),
    # B006 navigation-breadcrumb: above the headline.
    ("fra", p("B006", TOP, "Accueil » Monde")),
    ("fra", p("B006", TOP, "Accueil > Monde > Asie")),
    ("vie", p("B006", TOP, "Trang chủ / Thời sự")),
    ("vie", p("B006", TOP, "Trang chủ » Thế giới » Châu Á")),
    ("eng", p("B006", TOP, "Home > World > Asia")),
    ("fas", p("B006", TOP, "خانه » سیاست")),
    ("arb", p("B006", TOP, "الرئيسية > أخبار عربية")),
    ("rus", p("B006", TOP, "Главная / Новости / В мире")),
    ("zho-CN", p("B006", TOP, "首页 > 国际新闻")),
    ("spa", p("B006", TOP, "Inicio > Internacional")),
    ("deu", p("B006", TOP, "Startseite > Politik > Ausland")),
    ("jpn", p("B006", TOP, "ホーム > ニュース > 国際")),
    ("kor", p("B006", TOP, "홈 > 뉴스 > 국제")),
    ("hin", p("B006", TOP, "होम » देश")),
    ("vie", p("B006", TOP, "Trang chủ » Thế giới » Động đất mạnh làm rung chuyển miền trung Indonesia, "
                           "hàng trăm người thương vong")),
    # B007 blank-line-run: empty layout cells in the body, or at the end.
    ("fra", blanks(MIDDLE, "", "", "")),
    ("vie", blanks(MIDDLE, "", "")),
    ("fas", blanks(MIDDLE, "", "", "", "", "")),
    ("rus", blanks(MIDDLE, " ", "\t", "")),
    ("eng", blanks(MIDDLE, "\u00a0", "")),
    ("spa", blanks(MIDDLE, "", "", "")),
    ("zho-CN", blanks(END, "")),
    ("arb", blanks(END, "", "")),
    ("deu", blanks(END, "", "", "")),
    ("jpn", blanks(MIDDLE, "", "", "", "")),
    ("hin", blanks(MIDDLE, "", "")),
    # B008 source-url-line: the last line.
    ("fra", p("B008", END, "Source : https://www.example.com/monde/article-48213.html")),
    ("fas", p("B008", END, "منبع: https://www.example.com/fa/news/55120")),
    ("vie", p("B008", END, "Nguồn: https://example.com/thoi-su/bai-viet-90317.html")),
    ("rus", p("B008", END, "Источник: https://news.example.org/2023/04/11/rubl/")),
    ("zho-CN", p("B008", END, "来源：https://news.example.com/a/20230411/123.html")),
    ("spa", p("B008", END, "Fuente: https://www.example.net/internacional/noticia-7721")),
    ("deu", p("B008", END, "Quelle: www.example.org/politik/artikel-3381.html")),
    ("arb", p("B008", END, "المصدر: https://www.example.com/ar/news/6610")),
    ("eng", p("B008", END, "https://www.example.com/world/asia-65123")),
    ("eng", p("B008", END, "(Source: https://example.org/story/8812)")),
    ("jpn", p("B008", END, "出典：https://www.example.com/jp/news/20231")),
    ("kor", p("B008", END, "출처: https://news.example.com/article/5521")),
    ("hin", p("B008", END, "स्रोत: https://www.example.com/hi/news/8812")),
    # B008 also: a source name before the address, an address without a scheme, a bare label.
    ("deu", p("B008", END, "Quelle: example.de")),
    ("vie", p("B008", END, "Nguồn Báo Mẫu: https://example.vn/thoi-su/bai-viet-4410.htm")),
    ("fra", p("B008", END, "Source : example.fr")),
    ("arb", p("B008", END, "مصدر")),
    ("spa", p("B008", END, "Fuente: example.es/internacional/nota-3321")),
    ("rus", p("B008", END, "Источник: example.ru")),
    # B009 page-metadata: a date stamp above the headline or run into it.
    ("eng", p("B009", GLUED, "date 2023-08-07")),
    ("fra", p("B009", GLUED, "date 2021-03")),
    ("spa", p("B009", TOP, "Actualizado: 23/04/2024 20:43")),
    ("vie", p("B009", TOP, "Cập nhật: 12/05/2024 08:15")),
    ("fra", p("B009", GLUED, "Mis à jour le 12/05/2024")),
    ("rus", p("B009", TOP, "Опубликовано: 12.05.2024")),
    ("arb", p("B009", TOP, "تاريخ النشر: 2024-05-12")),
    ("zho-CN", p("B009", GLUED, "发布时间：2024-05-12 10:30")),
    ("deu", p("B009", TOP, "Aktualisiert am 12.05.2024")),
    ("vie", p("B009", HEAD, "Báo MẫuBáo Mẫu12/05/2024")),
    # B010 site-header: the site's name and tagline above the headline.
    ("vie", p("B010", TOP, "example.vn - Nền tảng tin tức Việt Nam")),
    ("spa", p("B010", TOP, "example.com Example Noticias")),
    ("fra", p("B010", TOP, "www.example.fr – Toute l'actualité")),
    ("rus", p("B010", TOP, "example.ru - Новости")),
    ("fas", p("B010", TOP, "example.ir | اخبار ایران")),
    ("deu", p("B010", TOP, "example.de Nachrichten")),
    # B011 page-widget-text: an editor's toolbar, a cache notice.
    ("zho-CN", p("B011", TOP, "leftcenterrightdel")),
    ("fra", p("B011", MIDDLE, "leftcenterright")),
    ("deu", p("B011", MIDDLE, "bolditalicunderline")),
    ("vie", p("B011", MIDDLE, "leftcenterrightdel")),
    ("rus", p("B011", TOP, "centerleftrightdel")),
    ("eng", p("B011", END, "Minister meets envoy have 310 words, post on example.com at May 2, 2021. "
                           "This is cached page on Example.")),
    ("spa", p("B011", END, "This is a cached copy of example.es, if you want to remove this page, write to us.")),
    # B012 text-after-sign-off: another story's teaser run into the last sentence.
    ("eng", p("B012", AFTER, "-VNA Vietnam, Laos sign border deal Hanoi (VNA) – The two sides agreed on Monday.")),
    ("fra", p("B012", AFTER, "-VNA Le Vietnam et le Laos signent un accord")),
    ("spa", p("B012", AFTER, " - VNA Vietnam y Laos firman un acuerdo fronterizo")),
    ("rus", p("B012", AFTER, "-ВНА Вьетнам и Лаос подписали соглашение")),
    ("deu", p("B012", AFTER, "-VNA Vietnam und Laos unterzeichnen Abkommen")),
    ("zho-CN", p("B012", AFTER, "-VNA 越南与老挝签署边境协议")),
    ("eng", p("B012", AFTER, " – VOV Hanoi hosts regional forum on trade")),
]

# Whole scraped pages: several leftovers in one copy, in page order.
PAGES: list[tuple[str, list[Plant]]] = [
    ("fra", [
        p("B006", TOP, "Accueil > International"),
        p("B005", MIDDLE, "Publicité"),
        blanks(MIDDLE, "", "", ""),
        p("B004", END, "Mots-clés : Asie, diplomatie"),
        p("B002", END, "Partager Imprimer"),
        p("B008", END, "Source : https://www.example.com/international/a-20231.html"),
        p("B001", END, "Commentaires (0)"),
    ]),
    ("vie", [
        p("B006", TOP, "Trang chủ / Kinh doanh"),
        p("B005", MIDDLE, "Quảng cáo"),
        p("B003", MIDDLE, "Xem thêm: Giá xăng giảm lần thứ ba liên tiếp"),
        p("B004", END, "Từ khóa: giá xăng, kinh doanh"),
        p("B002", END, "Chia sẻ"),
        blanks(END, "", ""),
        p("B008", END, "Nguồn: https://example.com/kinh-doanh/gia-xang-5521.html"),
        p("B001", END, "Bình luận (0)"),
    ]),
    ("fas", [
        p("B006", TOP, "خانه » اقتصاد"),
        p("B005", MIDDLE, "تبلیغات"),
        p("B003", MIDDLE, "بیشتر بخوانید: افزایش قیمت طلا در بازار"),
        p("B004", END, "برچسب‌ها: اقتصاد، بازار"),
        p("B008", END, "منبع: https://www.example.com/fa/economy/77812"),
        p("B001", END, "نظرات (۰)"),
    ]),
    ("rus", [
        p("B006", TOP, "Главная » Экономика"),
        p("B005", MIDDLE, "Реклама"),
        blanks(MIDDLE, "", ""),
        p("B003", MIDDLE, "Читайте также: Цены на жильё снова выросли"),
        p("B004", END, "Теги: экономика, недвижимость"),
        p("B002", END, "Поделиться"),
        p("B008", END, "Источник: https://news.example.org/economy/3391/"),
        p("B001", END, "Комментарии (0)"),
    ]),
]


# -- building the planted copies ---------------------------------------------

def assemble(article: list[str], plants: list[Plant], rng: random.Random) -> tuple[list[str], list[tuple[int, Plant]]]:
    """The article with `plants` inserted, and each plant's 1-based first line."""
    top = [pl for pl in plants if pl.where == TOP]
    head = [pl for pl in plants if pl.where == HEAD]
    middle = [pl for pl in plants if pl.where == MIDDLE]
    end = [pl for pl in plants if pl.where == END]
    article = list(article)
    for plant in plants:
        if plant.where == GLUED:
            article[0] = plant.lines[0] + " " + article[0]
        elif plant.where == AFTER:
            last = article[-1].rstrip()
            article[-1] = last + ("" if last[-1:] in ".!?。”\"»)" else ".") + plant.lines[0]
    # Distinct cut points inside the body: after the headline and the lede, before the last sentence.
    low, high = 2, len(article) - 1
    cuts = sorted(rng.sample(range(low, high), len(middle)))
    pieces: list[tuple[str, Plant | None]] = []

    def put(plant: Plant) -> None:
        pieces.extend((line, plant if i == 0 else None) for i, line in enumerate(plant.lines))

    for plant in top:
        put(plant)
    for index, line in enumerate(article):
        glued = [pl for pl in plants if (pl.where == GLUED and index == 0) or
                 (pl.where == AFTER and index == len(article) - 1)]
        if glued:
            pieces.append((line, glued[0]))
            continue
        if index == 1:
            for plant in head:
                put(plant)
        while middle and cuts and cuts[0] == index:
            cuts.pop(0)
            put(middle.pop(0))
        pieces.append((line, None))
    for plant in end:
        put(plant)
    lines = [line for line, _ in pieces]
    where = [(number, plant) for number, (_, plant) in enumerate(pieces, start=1) if plant is not None]
    return lines, where


@dataclass
class Planted:
    path: str  # relative to the planted root, "/" separators: as qa-lint shows it when run there
    line: int
    lang: str
    plant: Plant
    source: str  # the corpus file it was planted into


def build(corpus: Path, root: Path, seed: int) -> list[Planted]:
    rng = random.Random(seed)
    pools: dict[str, list[Path]] = {}
    cases = [(lang, [plant]) for lang, plant in PLANTS] + PAGES
    planted: list[Planted] = []
    for number, (lang, plants) in enumerate(cases, start=1):
        folder = corpus / lang
        if lang not in pools:
            if not folder.is_dir():
                raise SystemExit(f"corpus language folder not found: {folder}")
            # Articles long enough to have a body to plant into; each used once per language while any are left.
            pools[lang] = [f for f in sorted(folder.glob("*.txt")) if len(read_lines(f)) >= 6]
            rng.shuffle(pools[lang])
        if not pools[lang]:
            pools[lang] = [f for f in sorted(folder.glob("*.txt")) if len(read_lines(f)) >= 6]
            rng.shuffle(pools[lang])
        source = pools[lang].pop()
        lines, where = assemble(read_lines(source), plants, rng)
        name = f"{source.stem.replace('.', '_')}__plant{number:03d}.txt"  # no dots: no language suffix
        write_lines(root / lang / name, lines)
        rel = f"{lang}/{name}"
        planted.extend(Planted(rel, line, lang, plant, source.name) for line, plant in where)
    return planted


# -- running qa-lint and scoring ---------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--seed", type=int, default=20240611, help="seed for files and positions (default: 20240611)")
    parser.add_argument("--keep", action="store_true", help="keep the planted copies and print their folder")
    args, corpus, command = parse_args(parser, argv)

    with planting_folder("qa-lint-recall-", args.keep) as workdir:
        root = workdir / "ntrex-planted"
        planted = build(corpus, root, args.seed)
        findings = run_qa_lint(command, "boilerplate", cwd=root)

    # Sanity: enough plants per rule, in enough languages.
    for rule in RULES:
        plants = [x for x in planted if x.plant.rule == rule]
        langs = {x.lang for x in plants}
        if len(plants) < MIN_PLANTS_PER_RULE or len(langs) < MIN_LANGUAGES_PER_RULE:
            raise SystemExit(f"benchmark data: {rule} has {len(plants)} plant(s) in {len(langs)} language(s)")

    planted_at: dict[tuple[str, int], Planted] = {(x.path, x.line): x for x in planted}
    found_at: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for finding in findings:
        found_at[finding["code"]].add((finding["path"], finding["line"]))

    print(f"qa-lint: {' '.join(command)}")
    print(f"corpus:  {corpus}")
    print(f"seed:    {args.seed}; {len(PLANTS) + len(PAGES)} planted copies "
          f"({len(PAGES)} of them whole scraped pages), {len(planted)} plants")
    if args.keep:
        print(f"planted copies kept in: {root}")
    print()
    header = rule_table_header(name_width=22)
    print(header)
    print("-" * len(header))
    failed = False
    totals = [0, 0, 0, 0]
    misses: list[Planted] = []
    strays: list[tuple[dict, Planted | None]] = []
    for rule in RULES:
        mine = [x for x in planted if x.plant.rule == rule]
        detected = [x for x in mine if (x.path, x.line) in found_at.get(rule, ())]
        misses.extend(x for x in mine if (x.path, x.line) not in found_at.get(rule, ()))
        rule_findings = [f for f in findings if f["code"] == rule]
        on_plant = 0
        for finding in rule_findings:
            hit = planted_at.get((finding["path"], finding["line"]))
            if hit is not None and hit.plant.rule == rule:
                on_plant += 1
            else:
                strays.append((finding, hit))
        langs = len({x.lang for x in mine})
        row, ok = rule_row(rule, langs, len(mine), len(detected), len(rule_findings), on_plant, MIN_RECALL,
                           MIN_PRECISION, name=RULE_NAMES[rule], name_width=22)
        failed |= not ok
        print(row)
        for i, value in enumerate((len(mine), len(detected), len(rule_findings), on_plant)):
            totals[i] += value
    # Findings of codes outside B001-B013 (none expected) count against the overall precision.
    others = [f for f in findings if f["code"] not in RULES]
    strays.extend((f, planted_at.get((f["path"], f["line"]))) for f in others)
    totals[2] += len(others)
    print("-" * len(header))
    overall_recall, overall_precision = ratio(totals[1], totals[0]), ratio(totals[3], totals[2])
    langs = len({x.lang for x in planted})
    print(f"{'all':<5} {'':<22} {langs:>5} {totals[0]:>7} {totals[1]:>8} {fmt(overall_recall):>7} "
          f"{totals[2]:>8} {totals[3]:>8} {fmt(overall_precision):>9}")

    if misses:
        print("\nmissed plants (no finding of the rule on the planted line):")
        for x in misses:
            print(f"  {x.plant.rule} {x.lang:<7} {x.plant.where:<6} "
                  f"{x.path}:{x.line}  {x.plant.shown!r}")
    if strays:
        print("\nfindings not on a line planted for their rule (false positives):")
        for finding, hit in strays:
            what = f"planted for {hit.plant.rule}: {hit.plant.shown!r}" if hit else "an article line"
            print(f"  {finding['code']} {finding['path']}:{finding['line']}:{finding['column']} on {what}")

    print()
    print_verdict(failed, MIN_RECALL, MIN_PRECISION)
    return EXIT_BELOW_TARGET if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
