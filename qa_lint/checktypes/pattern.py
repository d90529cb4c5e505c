"""The `pattern` check type: report text that matches a regular expression.

Keys (besides the common ones):

* `patterns` - regular expressions (the `regex` module's syntax). `{tokens}` in
  a pattern stands for an alternation of every entry of `tokens`, escaped.
* `tokens` - a table of word lists per language (`en = ["Comment", "Comments"]`):
  the words of every language are used, since leftovers are often in the
  language of the site, not of the translation.
* `sets` - more named word lists, each a table per language or a plain list,
  used as `{name}` in patterns: `[rule.sets.brand] any = ["Facebook", "X"]`
  lets one pattern combine share verbs, prepositions and brand names.
  In every word list, a zero-width non-joiner or a space between two
  Arabic-script letters matches a non-joiner, a space or nothing, and Arabic
  and Persian yeh and kaf match each other (writers differ, the word is one).
* `match` - `line` (default): the pattern must match a whole line, surrounding
  whitespace aside; `search`: anywhere in a line.
* `where` - `anywhere` (default), `tail`: only among the last `tail-lines`
  non-blank lines of the document (attribution lines, footers), or `head`:
  only among the first `head-lines` (page headers, metadata stamps).
* `ignore-case` - default true.
* `fix` - `delete-line` (a fix removing the line), `delete-match` (removing
  the matched text and the spaces after it, or the line when the match is all
  of it; for leftovers glued to text) or `none`.
* `unsafe` - default false; true makes the fix apply only with `--unsafe-fixes`
  (a line some desks keep on purpose).

`message` may use `{match}`, the matched text.
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..document import Document, Line
from ..model import Applicability, Finding, Fix
from .base import PackRule, PatternBudget, RuleData

_MAX_SHOWN = 60  # characters of a match quoted in a message
_ARABIC_LETTER = r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"
# A joint inside an Arabic-script word list entry: ZWNJ, space or nothing.
_JOINT = regex.compile(rf"(?<={_ARABIC_LETTER})[\u200c ](?={_ARABIC_LETTER})")
# Persian and Arabic forms of yeh and kaf: each word is also tried written the other way.
_AS_PERSIAN = str.maketrans({"ي": "ی", "ك": "ک"})
_AS_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})
_PLACEHOLDER = regex.compile(r"\{([a-z][a-z0-9_-]*)\}")


def _word_pattern(word: str, either_form: bool = False) -> str:
    """One word list entry as a pattern, tolerant of how Arabic-script words are joined; with
    `either_form`, each yeh and kaf is a class of both its forms."""
    parts = []
    for index, piece in enumerate(_JOINT.split(word)):
        if index:
            parts.append("[\u200c ]?")
        if either_form:
            parts.append("".join(_EITHER_FORM.get(char) or regex.escape(char) for char in piece))
        else:
            parts.append(regex.escape(piece))
    return "".join(parts)


_SWAPPABLE = {"ی": "ي", "ي": "ی", "ک": "ك", "ك": "ک"}
_MAX_SWAPPED = 3  # letters a word is tried with both forms of, one by one (2**3 variants)
_EITHER_FORM = {"ی": "[یي]", "ي": "[یي]", "ک": "[کك]", "ك": "[کك]"}


def _letter_variants(word: str) -> set[str]:
    """`word` with each yeh and kaf in either form: writers mix them within a word too."""
    where = [i for i, char in enumerate(word) if char in _SWAPPABLE]
    if not where:
        return {word}
    if len(where) > _MAX_SWAPPED:
        return {word, word.translate(_AS_PERSIAN), word.translate(_AS_ARABIC)}
    variants = {word}
    for i in where:
        variants |= {v[:i] + _SWAPPABLE[v[i]] + v[i + 1 :] for v in variants}
    return variants


def _alternation(words: set[str], either_form: bool = False) -> str:
    """The words as one alternation, longest first, so that "Comments" is tried before "Comment".

    `either_form` is for patterns where only whether a line matches counts, not which word did:
    a word with at most _MAX_SWAPPED yeh and kaf is written once, a class for each of them, which
    matches the same strings as its variants and compiles faster (the regex parser is Python)."""
    if either_form:
        patterns = set()
        for word in words:
            if sum(char in _SWAPPABLE for char in word) <= _MAX_SWAPPED:
                patterns.add(_word_pattern(word, either_form=True))
            else:
                patterns.update(_word_pattern(variant) for variant in _letter_variants(word))
        return "|".join(sorted(patterns, key=lambda pattern: (-len(pattern), pattern)))
    variants = {variant for word in words for variant in _letter_variants(word)}
    return "|".join(_word_pattern(w) for w in sorted(variants, key=lambda w: (-len(w), w)))


def expand_placeholders(source: str, sets: dict[str, list[str]]) -> str:
    """`source` with each `{name}` of `sets` replaced by its words; a set without words matches nothing."""

    def expand(found: regex.Match) -> str:
        name = found.group(1)
        if name not in sets:
            return found.group()  # not a set: regex syntax such as \p{script=...}
        return f"(?:{_alternation(set(sets[name]))})" if sets[name] else "(?!)"

    return _PLACEHOLDER.sub(expand, source)


def _word_list(data: RuleData, key: str, value: object) -> list[str]:
    tables = value.values() if isinstance(value, dict) else [value]
    words: list[str] = []
    for table in tables:
        if not isinstance(table, list) or not all(isinstance(w, str) and w for w in table):
            raise data.fail(f"`{key}` must hold lists of non-empty strings")
        words.extend(table)
    return words


class PatternCheck(PackRule):
    type_name = "pattern"

    def configure(self, data: RuleData) -> None:
        sets = {"tokens": set(_word_list(data, "tokens", data.take("tokens", dict, {})))}
        for name, value in data.take("sets", dict, {}).items():
            if name == "tokens" or not _PLACEHOLDER.fullmatch("{" + name + "}"):
                raise data.fail(f"`sets.{name}`: a set name is lower-case letters, digits, - and _, not `tokens`")
            sets[name] = set(_word_list(data, f"sets.{name}", value))
        self.match = data.take_choice("match", ("line", "search"), "line")
        self.where = data.take_choice("where", ("anywhere", "tail", "head"), "anywhere")
        self.tail_lines = data.take("tail-lines", int, 3)
        self.head_lines = data.take("head-lines", int, 3)
        ignore_case = data.take("ignore-case", bool, True)
        self.fix_kind = data.take_choice("fix", ("delete-line", "delete-match", "none"), "none")
        self.fixable = self.fix_kind != "none"
        unsafe = data.take("unsafe", bool, False)
        if unsafe and not self.fixable:
            raise data.fail("`unsafe` is about a fix, and this rule has none (`fix = \"delete-line\"`)")
        self.applicability = Applicability.UNSAFE if unsafe else Applicability.SAFE
        self.fix_applicability = self.applicability.value
        self.flags = regex.VERSION1 | regex.UNICODE | (regex.IGNORECASE | regex.FULLCASE if ignore_case else 0)
        patterns = data.table.get("patterns")
        if ignore_case and isinstance(patterns, list) and not any("[[" in str(p) for p in patterns):
            # Simple case folding (the regex module's version 0) unless a pattern uses version 1's
            # nested sets: compiling the word lists is 2.5 times faster (start-up), and a run of
            # letters cannot backtrack over "ff" / "fi" read as the ligatures ﬀ / ﬁ.
            self.flags = regex.VERSION0 | regex.UNICODE | regex.IGNORECASE
        self.sources: list[str] = []  # as written: {tokens} is expanded when compiled (start-up)
        for source in data.take_list("patterns", str):
            for found in _PLACEHOLDER.finditer(source):
                name = found.group(1)
                if (name in sets or name == "tokens") and not sets.get(name):
                    key = "tokens" if name == "tokens" else f"sets.{name}"
                    raise data.fail(f"a pattern uses {{{name}}} but the rule has no `{key}`")
            self.sources.append(source)
        self.sets = sets
        if not self.sources:
            raise data.fail("`patterns` is empty")
        self.patterns: list[regex.Pattern] | None = None

    def prepare(self) -> None:
        if self.patterns is not None:
            return
        if self.match == "line":
            # Whole-line patterns are tried together, each word list compiled once: the
            # regex module's parser is Python, and compiling every list per use cost start-up.
            combined = self._combined()
            if combined is not None:
                self.patterns = [combined]
                self.pattern_names = [" | ".join(self.sources)]
                return
        patterns = []
        sets = {name: list(words) for name, words in self.sets.items()}
        for source in self.sources:
            try:
                patterns.append(regex.compile(expand_placeholders(source, sets), self.flags))
            except regex.error as error:
                raise self.fail(f"invalid pattern {source!r}: {error}") from None
        self.patterns = patterns
        self.pattern_names = list(self.sources)

    def _combined(self) -> regex.Pattern | None:
        used = {name for source in self.sources for name in _PLACEHOLDER.findall(source) if name in self.sets}
        groups = {name: f"qa_{name.replace('-', '_')}" for name in used}
        # A whole-line match quotes the line, not the word: either form of a letter will do.
        define = "".join(
            f"(?<{groups[name]}>{_alternation(self.sets[name], either_form=True)})" for name in sorted(used)
        )

        def refer(found: regex.Match) -> str:
            name = found.group(1)
            return f"(?&{groups[name]})" if name in groups else found.group()

        body = "|".join(f"(?:{_PLACEHOLDER.sub(refer, source)})" for source in self.sources)
        try:
            return regex.compile(f"(?(DEFINE){define})(?:{body})" if define else f"(?:{body})", self.flags)
        except regex.error:
            return None

    def check(self, doc: Document) -> Iterator[Finding]:
        self.prepare()
        lines = doc.lines
        if self.where == "tail":
            candidates = [line for line in lines if not line.is_blank][-self.tail_lines :]
        elif self.where == "head":
            candidates = [line for line in lines[:200] if not line.is_blank][: self.head_lines]
        else:
            candidates = lines
        budget = PatternBudget(doc, self.time_limited)
        line_mode = self.match == "line"
        for line in candidates:
            text = line.text
            stripped = text.strip()
            if not stripped:
                continue
            offset = line.start + (len(text) - len(text.lstrip()))
            subject = stripped if line_mode else text
            for number, pattern in enumerate(self.patterns):
                if budget.limited:
                    method = pattern.fullmatch if line_mode else pattern.search
                    found = budget.match(method, subject, self.pattern_names[number], line.number)
                else:
                    found = pattern.fullmatch(subject) if line_mode else pattern.search(subject)
                if not found:
                    continue
                if line_mode:
                    start, end = offset, offset + len(stripped)
                else:
                    start, end = line.start + found.start(), line.start + found.end()
                shown = found.group()
                if len(shown) > _MAX_SHOWN:
                    shown = shown[: _MAX_SHOWN - 1] + "…"
                message = self.message.replace("{match}", shown)
                fix = self._fix(doc, line, start, end, offset + len(stripped))
                yield self.finding(doc, start, end, message, fix)
                break
    def _fix(self, doc: Document, line: Line, start: int, end: int, text_end: int) -> Fix | None:
        if self.fix_kind == "none":
            return None
        whole = start <= line.start + len(line.text) - len(line.text.lstrip()) and end >= text_end
        if self.fix_kind == "delete-line" or whole:
            return self.delete_lines_fix(doc, line.number, line.number, applicability=self.applicability)
        # Glued leftovers: remove the match and the spaces after it.
        while end < text_end and doc.text[end] in " \t\u00a0":
            end += 1
        return self.fix("Delete the leftover", [self.edit(doc, start, end, "")], self.applicability)
