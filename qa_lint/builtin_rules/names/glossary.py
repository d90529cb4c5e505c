"""Names glossaries: approved forms of names per language, read from TOML or CSV.

TOML, as `qa-lint names` writes it:

    [[name]]
    id = "phan-anh-son"
    fr = "Phan Anh Son"
    fa = ["فان آنه سون"]      # a list when several forms are approved

CSV, one approved form a row, with a header: `id,lang,form`.

TBX (TermBase eXchange, versions 2 and 3): each `termEntry` / `conceptEntry`
is a name, each `langSet` / `langSec` with `xml:lang` a language, each `term`
in it an approved form.
"""

from __future__ import annotations

import csv
import functools
import io
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ...files import NotReadable, read_regular_file
from ...languages import normalize_tag, primary


@dataclass
class GlossaryName:
    id: str
    forms: dict[str, list[str]] = field(default_factory=dict)  # primary language -> approved forms


class GlossaryError(ValueError):
    pass


@functools.lru_cache(maxsize=16)
def load_glossary(path: Path) -> tuple[GlossaryName, ...]:
    try:
        text = read_regular_file(path).decode("utf-8-sig")
    except NotReadable as error:
        raise GlossaryError(f"cannot read names glossary {path}: {error}") from None
    except UnicodeDecodeError:
        raise GlossaryError(f"names glossary {path} is not UTF-8") from None
    if path.suffix.lower() == ".csv":
        return tuple(_from_csv(text, path))
    if path.suffix.lower() == ".toml":
        return tuple(_from_toml(text, path))
    if path.suffix.lower() == ".tbx":
        return tuple(_from_tbx(text, path))
    raise GlossaryError(f"names glossary {path}: use a .toml, .csv or .tbx file")


def _language(value: str, where: str) -> str:
    tag = normalize_tag(value, strict=False)
    if tag is None:
        raise GlossaryError(f"{where}: {value!r} is not a language tag")
    return primary(tag) or tag


def _from_toml(text: str, path: Path) -> list[GlossaryName]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise GlossaryError(f"names glossary {path}: invalid TOML: {error}") from None
    except RecursionError:
        raise GlossaryError(f"names glossary {path}: invalid TOML: nested too deeply") from None
    entries = data.get("name", [])
    if not isinstance(entries, list):
        raise GlossaryError(f"names glossary {path}: expected [[name]] tables")
    names = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise GlossaryError(f"names glossary {path}: `name` entry {number} must be a table ([[name]]), not {entry!r}")
        where = f"names glossary {path}, name {entry.get('id', number)!s}"
        name = GlossaryName(str(entry.get("id", number)))
        for key, value in entry.items():
            if key == "id":
                continue
            forms = [value] if isinstance(value, str) else value
            if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
                raise GlossaryError(f"{where}: `{key}` must be a name or a list of names")
            name.forms.setdefault(_language(key, where), []).extend(f.strip() for f in forms)
        names.append(name)
    return names


def _from_csv(text: str, path: Path) -> list[GlossaryName]:
    rows = csv.DictReader(io.StringIO(text))
    if not rows.fieldnames or not {"id", "lang", "form"} <= set(rows.fieldnames):
        raise GlossaryError(f"names glossary {path}: the CSV header must name id, lang and form")
    by_id: dict[str, GlossaryName] = {}
    for number, row in enumerate(rows, start=2):
        if not (row.get("form") or "").strip():
            raise GlossaryError(f"names glossary {path}, line {number}: empty form")
        name = by_id.setdefault(row["id"], GlossaryName(row["id"]))
        language = _language(row["lang"] or "", f"names glossary {path}, line {number}")
        name.forms.setdefault(language, []).append(row["form"].strip())
    return list(by_id.values())


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _from_tbx(text: str, path: Path) -> list[GlossaryName]:
    import xml.etree.ElementTree as ElementTree

    if "<!ENTITY" in text:
        raise GlossaryError(f"names glossary {path}: entity declarations are not accepted in TBX")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise GlossaryError(f"names glossary {path}: invalid TBX: {error}") from None
    names = []
    for number, entry in enumerate((e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")), 1):
        name = GlossaryName(entry.get("id") or str(number))
        for language_set in (e for e in entry.iter() if _local(e.tag) in ("langSet", "langSec")):
            value = language_set.get(_XML_LANG) or language_set.get("lang") or ""
            language = _language(value, f"names glossary {path}, entry {name.id}")
            for term in (e for e in language_set.iter() if _local(e.tag) == "term"):
                if term.text and term.text.strip():
                    name.forms.setdefault(language, []).append(term.text.strip())
        names.append(name)
    return names


# How alike (0-100) a mention must be to an approved form, beyond sharing its phonetic key.
MIN_SIMILARITY = 80


def approved_forms(doc) -> list[tuple[str, tuple[str, ...]]]:
    """(name id, words) of every form the configured names glossary approves in `doc`'s language.

    The glossary is N004's (`[rule-options.N004] glossary-file`); every names
    rule that picks a spelling defers to it.
    """
    path = doc.options.get("N004", {}).get("glossary-file")
    if not path:
        return []
    lang = primary(doc.lang) or ""
    return [(name.id, tuple(form.split())) for name in load_glossary(Path(path)) for form in name.forms.get(lang, [])]


def closest_approved(
    tokens: tuple[str, ...], approved: list[tuple[str, tuple[str, ...]]], script: str | None, lang: str | None = None
) -> tuple[str, tuple[str, ...], str] | None:
    """(name id, approved words, how `tokens` differs) for the approved form `tokens` misses.

    An approved form itself, or the approved form in another grammatical case of
    `lang` ("Дональда Трампа" for "Дональд Трамп"), gives the difference "".
    None when no approved form is close.
    """
    from rapidfuzz import fuzz

    from .near import inflected_form
    from .phonetic import name_key
    from .text import fold
    from .variants import variant_kind

    for name_id, words in approved:
        if words == tokens or inflected_form(words, tokens, lang):
            return name_id, words, ""
    for name_id, words in approved:
        if len(words) != len(tokens):
            continue
        kind = variant_kind(words, tokens, script)
        if not kind and name_key(words) == name_key(tokens):
            if fuzz.ratio(fold(" ".join(words)), fold(" ".join(tokens))) >= MIN_SIMILARITY:
                kind = "transliteration"
        if kind:
            return name_id, words, kind
    return None


def glossary_target(doc, forms, script: str | None) -> tuple[str, str] | None:
    """(name id, approved text) when the glossary approves a spelling of the name whose `forms` a
    document writes: that spelling, not the article's majority, is the one to write."""
    approved = approved_forms(doc)
    if not approved:
        return None
    lang = primary(doc.lang)
    matches = [m for m in (closest_approved(tuple(form), approved, script, lang) for form in forms) if m]
    if not matches:
        return None
    name_id, words, _ = min(matches, key=lambda m: m[2] != "")  # an approved form met in the text first
    return name_id, " ".join(words)
