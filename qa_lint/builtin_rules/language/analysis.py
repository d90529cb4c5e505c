"""Finding text that is not in a document's language: script first, function words, then lingua.

A line is looked at in three steps, cheapest first (a line with too few
function words of the languages that could be found in it skips them all):

1. **Script.** Words in a script the document's language does not write
   (Latin in Persian, Cyrillic in French) are foreign without asking anyone;
   runs of them with enough non-name words and function words are reported,
   as a line, a sentence of the line, or a run inside one.
2. **Function words.** Words in the document's own script, the line's and
   each of its sentences', are suspicious only when more of them are function
   words of another language in play than of the document's. Almost every
   line stops here.
3. **lingua**, with the languages in play only (the document's, its article
   group's, the source language, English), decides the suspicious lines and
   sentences, with a confidence (between the suspected language and the
   document's) that must be higher for short ones.

The result is computed once per document and shared by the rules L001-L004.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from dataclasses import dataclass, field

from ... import detect
from ...document import Document, Line
from ...languages import primary
from .data import FamilyData, load
from .sentences import LINE, SENTENCE, run_kind, sentence_around, sentence_breaks, sentence_pieces
from .ui_strings import ui_language
from .verdict import detector_codes, foreign_verdict, has_function_words, rival_only_words, rivals_of, suspicious
from .words import Word, has_content_words, keeps_words, mask, other_script_letter, word_forms, words


@dataclass(frozen=True, slots=True)
class Foreign:
    """Text in another language than the document's: a whole line, or a run inside one."""

    kind: str  # LINE, SENTENCE (a whole sentence of a longer line) or RUN (part of a sentence)
    lang: str
    start: int  # offsets into the document
    end: int
    words: int
    confidence: float  # 1.0 when the script alone decided
    ui_string: bool = False  # a page widget's label (comment counter, share button)


@dataclass(slots=True)
class Analysis:
    lang: str
    in_play: tuple[str, ...]
    # Lines long enough to judge: counted in full only when some whole line is foreign, the one
    # case that asks (the document's language); lines `_plainly_own` passes are left out otherwise.
    checked_lines: int = 0
    foreign: list[Foreign] = field(default_factory=list)
    # The language most of the document is really in, when that is not the declared one.
    actual_lang: str | None = None
    actual_lines: int = 0


def analyse(doc: Document, in_play: tuple[str, ...]) -> Analysis | None:
    """The document's foreign text, shared between the family's rules; None for unknown languages."""
    return doc.memo(("language-analysis", in_play), lambda d: _analyse(d, in_play))


def _analyse(doc: Document, in_play: tuple[str, ...]) -> Analysis | None:
    data = load()
    lang = primary(doc.lang)
    if lang not in data.languages:
        return None
    analysis = Analysis(lang, in_play)
    function_words = _function_words(in_play)
    plain: list[Line] = []  # lines where steps 1 to 3 find nothing (most of them)
    for line in doc.lines:
        if line.is_blank:
            continue
        masked = _masked_unless_plain(line.text, lang, in_play, data)
        if masked is None:
            found: list[Foreign] = []
            plain.append(line)
        else:
            found, checked = _foreign_in_line(line, masked, lang, in_play, data, function_words)
            analysis.checked_lines += checked
        analysis.foreign.extend(found or _ui_string(line, lang, in_play, data, function_words))
    _decide_document_language(analysis, data, plain, function_words)
    return analysis


def _masked_unless_plain(text: str, lang: str, in_play: tuple[str, ...], data: FamilyData) -> str | None:
    """The line masked, or None when steps 1 to 3 cannot find anything in it (`_plainly_own`).

    When masking blanks whole words only, the line's words hold the masked line's (and its letters
    theirs): a line plain unmasked is plain masked, and need not be masked.
    """
    if keeps_words(text) and _plainly_own(text, lang, in_play, data):
        return None
    masked = mask(text)
    return None if _plainly_own(masked, lang, in_play, data) else masked


@functools.lru_cache(maxsize=64)
def _function_words(in_play: tuple[str, ...]) -> frozenset[str]:
    """One set object per set of languages: `words` memoizes word forms per set (an identity-fast key)."""
    data = load()
    return frozenset().union(*(data.stopwords(code) for code in in_play))


def _foreign_in_line(line: Line, masked: str, lang: str, in_play: tuple[str, ...], data: FamilyData,
                     function_words: frozenset[str]) -> tuple[list[Foreign], bool]:
    """The line's foreign text (steps 1 to 3), and whether it has enough words to be judged."""
    line_words = words(masked, function_words, data.names)
    content = [w for w in line_words if not w.is_name]
    own_scripts = data.languages[lang].scripts
    breaks = sentence_breaks(masked)
    found: list[Foreign] = []
    # 1. Script: runs of words in a script the document's language does not write.
    for run in _foreign_script_runs(line_words, own_scripts):
        found.extend(_judge_foreign_script(line, masked, run, content, in_play, data, breaks))
    # 2. and 3. Function words, then lingua, for words in the document's own script.
    same = [w for w in content if w.script in own_scripts]
    if len(same) >= data.thresholds.min_words:
        found.extend(_judge_same_script(line, masked, same, lang, in_play, data, breaks))
    return found, len(content) >= data.thresholds.min_words


def _ui_string(line: Line, lang: str, in_play: tuple[str, ...], data: FamilyData,
               function_words: frozenset[str]) -> list[Foreign]:
    """The line as a page widget's label in another language in play, if it is one."""
    ui_lang = ui_language(line.text, lang, in_play)
    if not ui_lang:
        return []
    count = len(words(mask(line.text), function_words, data.names))
    return [Foreign(LINE, ui_lang, line.start, line.end, count, 1.0, ui_string=True)]


def _plainly_own(text: str, lang: str, in_play: tuple[str, ...], data: FamilyData) -> bool:
    """A line where steps 1 to 3 cannot find anything, told without cutting it into words (most lines).

    Each finding needs `min_stopwords` function words among a part of the line's words: of a language
    writing the foreign run's script in step 1 (`_judge_foreign_script`), of a rival that `lang` lacks
    in step 2 (`suspicious`, `has_function_words`). The first kind counts only when the line has a
    letter of a script `lang` does not write. `text` is the masked line, or one holding its words.
    """
    foreign_letters = other_script_letter(data.languages[lang].scripts).search(text) is not None
    clues = _clue_words(lang, in_play, foreign_letters)
    if not clues:
        return True
    return sum(map(clues.__contains__, map(str.lower, word_forms(text)))) < data.thresholds.min_stopwords


@functools.lru_cache(maxsize=64)
def _clue_words(lang: str, in_play: tuple[str, ...], foreign_letters: bool) -> frozenset[str]:
    """The function words that can make a finding in a line of a `lang` document (see `_plainly_own`)."""
    data = load()
    clues = rival_only_words(lang, rivals_of(lang, in_play))
    if foreign_letters:
        own_scripts = data.languages[lang].scripts
        writers = [code for code in in_play if code in data.languages and data.languages[code].scripts - own_scripts]
        clues = clues.union(*(data.stopwords(code) for code in writers))
    return clues


def _foreign_script_runs(line_words: list[Word], own_scripts: frozenset[str]) -> list[list[Word]]:
    """Maximal runs of consecutive words in one script the document does not write."""
    runs: list[list[Word]] = []
    for word in line_words:
        if word.script in own_scripts or word.script == "Other":
            runs.append([])
        elif runs and runs[-1] and runs[-1][-1].script == word.script:
            runs[-1].append(word)
        else:
            runs.append([word])
    return [run for run in runs if run]


def _judge_foreign_script(line: Line, masked: str, run: list[Word], content: list[Word],
                          in_play: tuple[str, ...], data: FamilyData, breaks: list[int]) -> list[Foreign]:
    limits = data.thresholds
    run_content = [w for w in run if not w.is_name]
    if len(run_content) < limits.min_words:
        return []  # names, acronyms, a short label
    script = run[0].script
    candidates = data.writing(script, in_play)
    if not candidates:
        return []  # no language in play writes it: leave it to the script family
    counts = {code: sum(w.lower in data.stopwords(code) for w in run_content) for code in candidates}
    best = max(candidates, key=lambda code: counts[code])
    if counts[best] < limits.min_stopwords:
        return []
    text = masked[run[0].start : run[-1].end]
    lang, confidence = best, 1.0
    codes = detect.supported(candidates)
    if len(codes) > 1:
        values = detect.confidences(text, codes)
        lang = max(values, key=values.get)
        confidence = values[lang]
    # Letters, not words: scripts such as Khmer or Chinese write no spaces between words.
    letters = sum(w.end - w.start for w in run_content)
    if letters >= limits.whole_line_share * sum(w.end - w.start for w in content):
        # The span is the run's own words: a gloss in brackets after it is not part of it.
        return [Foreign(LINE, lang, line.start + run[0].start, line.start + run[-1].end, len(run_content),
                        confidence)]
    # Part of the line: one finding per sentence the run reaches into ("... Molinari។ All 12 of
    # his players played very well." is a name, then a whole sentence).
    found = []
    for piece in sentence_pieces(run, breaks):
        piece_content = [w for w in piece if not w.is_name]
        # A capital right after text in the document's script starts a sentence ("... है Sur les médias").
        kind = run_kind(masked, piece[0].start, piece[-1].end, opens=piece[0].text[0].isupper())
        if len(piece_content) < (limits.min_words if kind == SENTENCE else limits.min_run_words):
            continue
        found.append(Foreign(kind, lang, line.start + piece[0].start, line.start + piece[-1].end,
                             len(piece_content), confidence))
    return found


def _judge_same_script(line: Line, masked: str, same: list[Word], lang: str,
                       in_play: tuple[str, ...], data: FamilyData, breaks: list[int]) -> list[Foreign]:
    limits = data.thresholds
    rivals = rivals_of(lang, in_play)
    if not rivals:
        return []
    line_verdict = foreign_verdict(masked, same, lang, rivals, data)
    if len(same) < 2 * limits.min_run_words:
        if line_verdict:
            return [Foreign(LINE, line_verdict[0], line.start, line.end, len(same), line_verdict[1])]
        return []
    # A longer line: cut it into runs of one language, and call the whole line
    # foreign only when the runs in the document's language are a small part of it.
    runs = []
    # The detector's languages are asked for only now: listing them imports lingua.
    codes = detector_codes(lang, rivals) if line_verdict or suspicious(same, lang, rivals, data) else ()
    if codes:
        foreign_words = 0
        # Words are in order and do not overlap, so a span's words are one slice, found by bisection:
        # filtering every word for every span was quadratic in the line's length (a 5 MB one-line file).
        starts, ends = [w.start for w in same], [w.end for w in same]
        for span in detect.spans(masked, codes):
            inside = same[bisect.bisect_left(starts, span.start) : bisect.bisect_right(ends, span.end)]
            if span.lang == lang:
                continue
            foreign_words += len(inside)
            if len(inside) >= limits.min_run_words and has_function_words(inside, span.lang, lang, data):
                runs.append((span, inside))
        if line_verdict and foreign_words >= limits.whole_line_share * len(same):
            return [Foreign(LINE, line_verdict[0], line.start, line.end, len(same), line_verdict[1])]
    found = []
    # Sentences judged one by one: a sentence glued onto a line of the document's language
    # is untranslated text like a line of its own, whatever the detector's spans say.
    if breaks:
        for piece in sentence_pieces(same, breaks):
            if len(piece) < limits.min_words:
                continue
            start, end = sentence_around(masked, breaks, piece[0].start)
            verdict = foreign_verdict(masked[start:end], piece, lang, rivals, data)
            if verdict:
                text = line.text[start:end]
                start += len(text) - len(text.lstrip())
                end -= len(text) - len(text.rstrip())
                found.append(Foreign(SENTENCE, verdict[0], line.start + start, line.start + end, len(piece),
                                     verdict[1]))
    for span, inside in runs:
        start, end = line.start + inside[0].start, line.start + inside[-1].end
        if any(f.start < end and start < f.end for f in found):
            continue  # already reported as a whole sentence
        text = masked[inside[0].start : inside[-1].end]
        confidence = detect.confidences(text, codes).get(span.lang, 0.0)
        if confidence < limits.confidence_for(len(inside)):
            continue
        kind = run_kind(masked, inside[0].start, inside[-1].end)
        found.append(Foreign(kind, span.lang, start, end, len(inside), confidence))
    return sorted(found, key=lambda f: f.start)


def _decide_document_language(analysis: Analysis, data: FamilyData, plain: list[Line],
                               function_words: frozenset[str]) -> None:
    """Most of the judged lines in one other language: the document is in it."""
    limits = data.thresholds
    whole_lines = Counter(f.lang for f in analysis.foreign if f.kind == LINE and not f.ui_string)
    if not whole_lines:
        return
    analysis.checked_lines += sum(has_content_words(mask(line.text), limits.min_words, function_words, data.names)
                                  for line in plain)
    if not analysis.checked_lines:
        return
    lang, count = whole_lines.most_common(1)[0]
    if count >= limits.min_document_lines and count >= limits.document_share * analysis.checked_lines:
        analysis.actual_lang, analysis.actual_lines = lang, count
