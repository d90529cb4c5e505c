"""L005 foreign-word: a word whose letters say its language, left in a document of another script."""

from __future__ import annotations

import functools
from typing import Iterator

import regex

from ...document import Document
from ...languages import primary
from ...model import Category, Finding
from ...rule import Example, Rule
from ..script.unicode_scripts import main_script
from .data import load

# Latin words and the spaces between them: a run such as "Nền tảng quảng bá".
_RUN = regex.compile(r"\p{Latin}[\p{Latin}\p{M}]*(?: \p{Latin}[\p{Latin}\p{M}]*)*")
_VOWELS = regex.compile(r"[aeiouyăâêôơư]+", regex.IGNORECASE)
_OPENERS = "([（«“\"'「"


@functools.cache
def _own_letters() -> dict[str, regex.Pattern]:
    """Language code -> a pattern of the letters only that language writes."""
    return {code: regex.compile(f"[{regex.escape(lang.own_letters)}]")
            for code, lang in load().languages.items() if lang.own_letters}


def _syllables(word: str) -> int:
    """Vowel groups of a word once its tone marks are stripped: a Vietnamese syllable has one."""
    import unicodedata

    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    bare = bare.replace("đ", "d").replace("Đ", "D")
    return len(_VOWELS.findall(unicodedata.normalize("NFC", bare)))


class ForeignWord(Rule):
    """## What it does
    Reports words of a language that its letters alone identify (Vietnamese
    ơ, ư, đ and its tone-marked vowels) left in a document of another script:
    "副首相 Chínhphủ" in Japanese, "Nền tảng quảng bá" in Ukrainian. Names,
    written as separate capitalised syllables ("Phạm Minh Chính", "Hà Nội"),
    and glosses in brackets are left alone; a run is reported when it holds a
    small word, or syllables glued into one word, which no name is.

    ## Why is this bad?
    A word the translator did not translate, often an office or a title, reads
    as gibberish to readers of the translation, and a name written with the
    wrong words is hard to spot for anyone who does not read the source.
    """

    code = "L005"
    name = "foreign-word"
    category = Category.LANGUAGE
    examples = (
        Example("副首相 Chínhphủ、大臣。\n", lang="ja"),
        Example("Сайт Vietnam.vn - Nền tảng quảng bá Việt Nam.\n", lang="uk"),
        Example("ファム・ミン・チン首相 (Phạm Minh Chính) はハノイで述べた。\n", lang="ja", fires=False),
        Example("Премьер-министр Фам Минь Тинь посетил Hà Nội.\n", lang="ru", fires=False),
        Example("Le Premier ministre a parlé du Đổi mới.\n", lang="fr", fires=False),
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.text.isascii():
            return
        lang = primary(doc.lang)
        patterns = {code: p for code, p in _own_letters().items() if code != lang}
        if not patterns or not any(p.search(doc.text) for p in patterns.values()):
            return
        data = load()
        known = data.languages.get(lang or "")
        if ("Latin" in known.scripts) if known else main_script(doc) in (None, "Latin"):
            return  # Latin-script articles keep names with their diacritics: "Nguyễn Phú Trọng"
        text = doc.text
        for match in _RUN.finditer(text):
            run = match.group()
            for code, letters in patterns.items():
                if not letters.search(run):
                    continue
                words = run.split()
                marked = [w for w in words if letters.search(w)]
                small = any(w[0].islower() for w in marked)
                # Syllables glued into one word ("Chínhphủ"); "MớiHà" is two names run together, not a word.
                glued = any(_syllables(w) >= 2 and not any(c.isupper() for c in w[1:]) for w in marked)
                before = text[:match.start()].rstrip(" ")[-1:]
                if not (small or glued) or (before and before in _OPENERS):
                    continue
                message = (f"“{run}” is {data.name(code)} (its letters say so), not "
                           f"{data.name(lang) if lang else 'the document’s language'}; translate it")
                yield self.finding(doc, match.start(), match.end(), message)
                break


RULES = (ForeignWord(),)
