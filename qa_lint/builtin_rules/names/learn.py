"""Learning the names a folder uses, for `qa-lint names`: extract, link across scripts, write a glossary.

A person is a name seen in Latin script (its forms without diacritics agree);
its renderings in other scripts are linked through the article groups by
phonetic key. Every form is counted per language, with the articles it is in.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ...document import Document
from ...groups import ArticleGroup
from ...languages import primary
from .groups import Anchor
from .mentions import cased_mentions, document_script, is_cased
from .near import base_rank, inflected_form
from .phonetic import name_key
from .renderings import rendering_mentions, usable_anchor
from .text import fold, script_of


@dataclass
class Person:
    key: str  # the Latin form folded: one person, whatever the diacritics
    forms: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # lang -> form -> mentions
    articles: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))

    def add(self, lang: str, form: str, path: str, count: int = 1) -> None:
        self.forms[lang][form] += count
        self.articles[lang][form].add(path)

    def ranked(self, lang: str) -> list[tuple[str, int, list[tuple[str, int]]]]:
        """(form, mentions, its forms in other cases) for `lang`, most mentioned first.

        Forms that are one name in several grammatical cases (Russian "Дональда
        Трампа", "Дональду Трампу") count as one, under the base form.
        """
        counter = self.forms[lang]
        clusters: list[list[str]] = []
        for form in sorted(counter, key=lambda f: (-counter[f], f)):
            tokens = tuple(form.split())
            for cluster in clusters:
                if inflected_form(tuple(cluster[0].split()), tokens, lang):
                    cluster.append(form)
                    break
            else:
                clusters.append([form])
        out = []
        for cluster in clusters:
            base = min(cluster, key=lambda f: (_base_score(f, cluster, lang), -counter[f], f))
            others = [(f, counter[f]) for f in cluster if f != base]
            out.append((base, sum(counter[f] for f in cluster), others))
        return sorted(out, key=lambda item: (-item[1], item[0]))

    @property
    def mentions(self) -> int:
        return sum(sum(c.values()) for c in self.forms.values())

    @property
    def id(self) -> str:
        latin = Counter()
        for counter in self.forms.values():
            for form, count in counter.items():
                if script_of(form) == "Latin":
                    latin[form] += count
        best = latin.most_common(1)[0][0] if latin else self.key
        return "-".join(fold(part) for part in best.split())


def _base_score(form: str, cluster: list[str], lang: str) -> int:
    """How far `form` is from the base (nominative) form of the name its `cluster` inflects."""
    words = [f.split() for f in cluster]
    score = 0
    for position, word in enumerate(form.split()):
        variants = [fold(w[position]) for w in words]
        stem = len(os.path.commonprefix(variants))
        score += base_rank(word, stem, lang)
    return score


def learn(groups: list[ArticleGroup]) -> list[Person]:
    people: dict[str, Person] = {}
    for group in groups:
        anchors: dict[str, Anchor] = {}
        for doc in group.documents:
            script = document_script(doc)
            if not is_cased(script):
                continue
            counts = Counter(m.form for m in cased_mentions(doc))
            for form, count in counts.items():
                if script == "Latin":
                    key = fold(form)
                    anchors.setdefault(key, Anchor(form, doc.path, name_key(form.split())))
                    people.setdefault(key, Person(key)).add(_lang(doc), form, doc.path, count)
        by_key = {a.key: fold(a.form) for a in anchors.values() if usable_anchor(a)}
        for doc in group.documents:
            script = document_script(doc)
            if script == "Latin":
                continue
            linked: dict[tuple[str, ...], Person] = {}
            for key, mentions in rendering_mentions(doc, list(anchors.values()), script).items():
                person = people[by_key[key]]
                for form, count in Counter(m.text for m in mentions).items():
                    person.add(_lang(doc), form, doc.path, count)
                    linked.setdefault(tuple(form.split()), person)
            if linked and is_cased(script):
                _add_other_cases(doc, linked)
    return sorted(people.values(), key=lambda p: (-p.mentions, p.key))


def _add_other_cases(doc: Document, linked: dict[tuple[str, ...], Person]) -> None:
    """Mentions of `doc` that are a linked name in another case, whose phonetic key the ending
    changed ("Дональдом Трампом" beside "Дональд Трамп"), counted for that person."""
    lang = _lang(doc)
    counts = Counter(m.tokens for m in cased_mentions(doc) if m.tokens not in linked)
    for tokens, count in counts.items():
        person = next((p for form, p in linked.items() if inflected_form(form, tokens, lang)), None)
        if person is not None:
            person.add(lang, " ".join(tokens), doc.path, count)


def _lang(doc: Document) -> str:
    return primary(doc.lang) or "und"


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def glossary_toml(people: list[Person], source: str, min_mentions: int = 1) -> str:
    """A names glossary an editor can review and adopt; counts and other forms go in comments."""
    out = [
        f"# Names used in {source}, learnt by qa-lint. Review each entry, delete what is not",
        "# a name, keep one approved form per language, then enforce it with",
        '#   [rule-options.N004]  glossary-file = "names.toml"',
        "",
    ]
    used_ids: Counter = Counter()
    for person in people:
        if person.mentions < min_mentions:
            continue
        name_id = person.id
        used_ids[name_id] += 1
        if used_ids[name_id] > 1:
            name_id = f"{name_id}-{used_ids[name_id]}"
        out += ["[[name]]", f"id = {_toml_string(name_id)}"]
        for lang in sorted(person.forms):
            ranked = person.ranked(lang)
            form, count, cases = ranked[0]
            articles = len(set().union(*(person.articles[lang][f] for f in [form, *(f for f, _ in cases)])))
            note = f"{count} mention{'s' if count != 1 else ''} in {articles} article{'s' if articles != 1 else ''}"
            if cases:
                note += "; in other cases: " + "; ".join(f"{f} ({c})" for f, c in cases)
            others = "; ".join(f"{f} ({c})" for f, c, _ in ranked[1:])
            if others:
                note += f"; also written: {others}"
            out.append(f"{lang} = {_toml_string(form)}  # {note}")
        out.append("")
    return "\n".join(out)


def glossary_json(people: list[Person]) -> list[dict]:
    return [
        {
            "id": person.id,
            "mentions": person.mentions,
            "forms": {
                lang: [
                    {
                        "form": form,
                        "count": count,
                        "articles": sorted(set().union(*(person.articles[lang][f] for f in [form, *(f for f, _ in cases)]))),
                        **({"in-other-cases": [{"form": f, "count": c} for f, c in cases]} if cases else {}),
                    }
                    for form, count, cases in person.ranked(lang)
                ]
                for lang in sorted(person.forms)
            },
        }
        for person in people
    ]
