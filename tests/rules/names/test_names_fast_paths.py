"""The names rules' shortcuts give what the exhaustive search they replace gives.

Caseless variants are paired only among word runs around a word the article
spells two ways, renderings are looked up per phonetic key, and cased names
only in stretches with a hint of one: each is compared here with building
every run, on text made to tempt the shortcuts.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from conftest import run_cli, write

from qa_lint.builtin_rules.names.consistency import _variant_candidates
from qa_lint.builtin_rules.names.groups import distinct_words, variant_pairs
from qa_lint.builtin_rules.names.mentions import cased_mentions, mentions_of, ngram_counts, ngrams, ngrams_where
from qa_lint.builtin_rules.names.near_groups import _near_words
from qa_lint.builtin_rules.names.phonetic import name_key
from qa_lint.builtin_rules.names.renderings import could_be_name, runs_with_key
from qa_lint.builtin_rules.names.text import fold, function_words, script_of
from qa_lint.document import Document

PERSIAN = (
    "جان اسمیت گفت که جان اسمیت فردا می‌آید.\n"
    "سپس جان اسیمت، وزیر، رفت و اتفاق رخ داد.\n"
    "آنچه رخ داده بود را فان آنه سون و فان آن سون دیدند؛ فان آنه سون ماند.\n"
    "در این کنفرانس و در آن کنفرانس «جان اسمیت» بود.\n"
)


def document(text: str, lang: str) -> Document:
    return Document(path=f"{lang}/a.txt", file=Path(lang) / "a.txt", text=text, lang=lang)


def test_caseless_pairs_from_runs_around_respelt_words_equal_pairs_from_every_run():
    doc = document(PERSIAN, "fa")
    common = function_words("fa")

    def accept(a, b, kind, by_form):
        return True

    every = [m for m in ngrams(doc) if could_be_name(m.tokens, common, inner_common=False)]
    expected, _ = variant_pairs(every, "Arabic", accept)
    found, _ = variant_pairs(_variant_candidates(doc, common, "Arabic"), "Arabic", accept)
    assert found == expected
    assert (("جان", "اسمیت"), ("جان", "اسیمت")) in {(a, b) for a, b, _ in found}
    assert len(_variant_candidates(doc, common, "Arabic")) < len(every)  # the point of the shortcut


def test_near_words_found_by_sorted_keys_are_the_words_that_share_a_key_pairwise():
    # به / با: function words alike; دو / دوم: a function word and a word; کنفرانس / کنفرنس; به / بهتر: two letters.
    doc = document(PERSIAN + "کنفرنس به با بهتر دو دوم.\n", "fa")
    common = function_words("fa")

    def keys(word):
        letters = fold(word)
        return {letters, *(letters[:i] + letters[i + 1 :] for i in range(len(letters)))} if 2 <= len(letters) <= 24 else set()

    words = sorted(distinct_words(doc))
    expected = {
        x for x in words for y in words
        if x != y and keys(x) & keys(y) and not (x in common and y in common)
    }
    assert _near_words(doc, common) == expected
    assert {"کنفرانس", "کنفرنس", "دو", "دوم"} <= expected
    assert not {"به", "بهتر"} & expected


def test_runs_counted_without_mentions_and_the_mentions_of_a_few_are_those_of_the_runs_built():
    doc = document(PERSIAN, "fa")
    every_line = range(len(doc.lines))
    every = ngrams(doc)
    # Counted in the order the runs are first met, as a dict of built runs would hold them.
    assert list(ngram_counts(doc, every_line).items()) == list(Counter(m.tokens for m in every).items())
    ends = frozenset({"جان", "اسمیت", "اسیمت", "سون"})
    picked = ngrams_where(doc, every_line, lambda tokens: "فان" not in tokens, first=ends, last=ends)
    assert {m.tokens[0] for m in picked} | {m.tokens[-1] for m in picked} <= ends and picked
    counted = ngram_counts(doc, every_line, lambda tokens: "فان" not in tokens, first=ends, last=ends)
    assert list(counted.items()) == list(Counter(m.tokens for m in picked).items())
    forms = {("جان", "اسمیت"), ("فان", "آنه", "سون"), ("رخ", "داد")}
    assert mentions_of(doc, forms) == {form: [m for m in every if m.tokens == form] for form in forms}


def test_runs_looked_up_by_key_are_the_runs_with_that_key():
    doc = document(PERSIAN, "fa")
    common = function_words("fa")
    for key in {name_key(m.tokens) for m in ngrams(doc)}:
        expected = [
            m for m in ngrams(doc)
            if name_key(m.tokens) == key and could_be_name(m.tokens, common)
            and all(script_of(w) == "Arabic" for w in m.tokens)
        ]
        assert runs_with_key(doc, key, "Arabic") == expected, key


def test_cased_names_are_found_with_connectors_hyphens_and_sentence_openers():
    doc = document(
        "Selon Phan Anh Son, Ludwig van Beethoven a joué. Jean-Pierre est venu.\n"
        "la McDonald Corp a vu iPhone Max; Ông Nguyễn Văn An\u00a0Minh parle à L'Élysée.\n"
        "selon nous.\n",
        "fr",
    )
    forms = [m.form for m in cased_mentions(doc)]
    assert forms == ["Phan Anh Son", "Ludwig van Beethoven", "Jean-Pierre", "McDonald Corp",
                     "Nguyễn Văn An Minh"]


def test_variant_in_a_long_caseless_article_is_reported_through_the_cli(tmp_path):
    filler = "".join(f"این خبر شماره {n} درباره بازار است.\n" for n in range(300))
    write(tmp_path / "fa" / "a.txt", filler + PERSIAN)
    result = run_cli("check", str(tmp_path), "--format", "json", "--select", "N001", cwd=tmp_path)
    messages = [f["message"] for f in result.json()]
    assert any("“جان اسیمت” is written “جان اسمیت”" in m for m in messages), messages
