"""Language tags, languages read off paths, and article groups."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_lint.document import Document
from qa_lint.groups import build_groups, group_key
from qa_lint.languages import language_from_path, normalize_tag


@pytest.mark.parametrize(
    "value, expected",
    [
        ("fa", "fa"), ("fas", "fa"), ("per", "fa"), ("FR", "fr"), ("fra", "fr"), ("fr_CA", "fr-CA"),
        ("fr-CA", "fr-CA"), ("zho-CN", "zh-CN"), ("arb", "ar"), ("vie", "vi"), ("eng", "en"),
        ("pt-BR", "pt-BR"), ("zh-Hans", "zh-Hans"),
        # Folder names that are not languages, though some are rare ISO 639-3 codes.
        ("src", None), ("old", None), ("new", None), ("docs", None), ("tmp", None), ("und", None), ("", None),
    ],
)
def test_normalize_tag(value, expected):
    assert normalize_tag(value) == expected


@pytest.mark.parametrize(
    "path, expected",
    [
        ("fa/x.txt", "fa"), ("fas/x.txt", "fa"), ("fr-CA/x.txt", "fr-CA"), ("x.fa.txt", "fa"),
        ("corpus/ntrex/zho-CN/bbc.1.txt", "zh-CN"), ("fa/2024/05/x.txt", "fa"),
        ("articles/320388.vi.md", "vi"), ("src/x.txt", None), ("x.txt", None),
        # Only the nearest folders count: a user's home folder is not a language.
        ("home/dan/work/news/2024/x.txt", None),
    ],
)
def test_language_from_path(path, expected):
    assert language_from_path(path) == expected


def doc(path, lang):
    return Document(path=path, file=Path(path), text="x", lang=lang)


def test_groups_from_sibling_folders_and_suffixes():
    assert group_key("out/fa/320388.txt") == group_key("out/fr/320388.txt") == "out/*/320388.txt"
    assert group_key("out/320388.fa.txt") == group_key("out/320388.vi.txt") == "out/320388.txt"
    assert group_key("out/notes/320388.txt") is None
    documents = [doc("out/fa/1.txt", "fa"), doc("out/vi/1.txt", "vi"), doc("out/fr/2.txt", "fr"), doc("out/fr/1.txt", "fr")]
    groups = {g.key: g for g in build_groups(documents, "vi")}
    assert sorted(groups) == ["out/*/1.txt", "out/*/2.txt"]
    first = groups["out/*/1.txt"]
    assert first.source.path == "out/vi/1.txt"
    assert sorted(d.path for d in first.translations) == ["out/fa/1.txt", "out/fr/1.txt"]
    assert groups["out/*/2.txt"].source is None


def test_fast_paths_agree_with_langcodes_on_every_two_and_three_letter_code():
    """normalize_tag answers most tags without langcodes; it must answer exactly as langcodes would."""
    import itertools
    import string

    from qa_lint.languages import _standardize, normalize_tag

    fast = normalize_tag.__wrapped__
    letters = string.ascii_lowercase
    codes = ["".join(p) for n in (2, 3) for p in itertools.product(letters, repeat=n)]
    for strict in (True, False):
        wrong = [c for c in codes if fast(c, strict=strict) != _standardize(c, strict)]
        assert not wrong, (strict, wrong[:10])
    # Every two-letter region (withdrawn ones such as UK, invalid ones such as XX) with some languages,
    # and a few other subtags; the whole product of languages and regions agreed when the table was made.
    regions = ["".join(p) for p in itertools.product(letters, repeat=2)] + ["419", "Hant", "latn"]
    languages = ("fr", "fra", "zho", "zh", "pt", "por", "es", "en", "eng", "fas", "ara", "sr", "srp", "no", "nb",
                 "de", "ger", "my", "bur", "iw", "sh", "arb", "prs")
    with_region = [f"{c}-{r}" for c in languages for r in regions] + [f"{c}-{r.upper()}" for c in languages[:4]
                                                                      for r in regions]
    wrong = [t for t in with_region if fast(t) != _standardize(t, True)]
    assert not wrong, wrong[:10]
