"""Lines and columns count Unicode code points, 1-based, end exclusive; fingerprints survive moves."""

from __future__ import annotations

from pathlib import Path

from qa_lint.document import Document
from qa_lint.model import Position

from conftest import run_cli, write

PACK = (
    '[[rule]]\ncode = "X001"\nname = "no-lorem"\ncategory = "typography"\ntype = "substitution"\n'
    'message = "write {replacement}"\nwhat = "w"\nwhy = "y"\n[rule.swap]\n"lorem" = "ipsum"\n'
    '[[rule.examples]]\ntext = "lorem"\n[[rule.examples]]\ntext = "dolor"\nfires = false\n'
)


def test_document_positions_with_crlf_and_last_line_without_newline():
    doc = Document(path="x", file=Path("x"), text="ab\r\ncd\nef", lang=None)
    assert [line.text for line in doc.lines] == ["ab", "cd", "ef"]
    assert doc.position(0) == Position(1, 1)
    assert doc.position(2) == Position(1, 3)  # end of "ab"
    assert doc.position(4) == Position(2, 1)
    assert doc.position(9) == Position(3, 3)  # end of the text
    assert doc.position(len("ab\r\ncd\n")) == Position(3, 1)


def test_lines_of_a_text_with_only_newlines_are_those_of_the_general_split():
    """Text without "\r" takes a faster path to its lines: it must find the same ones."""
    import itertools

    from qa_lint.document import _LINE_BREAK

    def general(text):  # every terminator, as for text holding "\r"
        lines, start = [], 0
        for number, match in enumerate(_LINE_BREAK.finditer(text), start=1):
            lines.append((number, start, text[start:match.start()], match.group()))
            start = match.end()
        if start < len(text) or not lines:
            lines.append((len(lines) + 1, start, text[start:], ""))
        return lines

    pieces = ["a", "é ", "\n", "\u2028", "\x0c"]
    for size in range(6):
        for combination in itertools.product(pieces, repeat=size):
            text = "".join(combination)
            doc = Document(path="a.txt", file=Path("a.txt"), text=text, lang=None)
            assert [(x.number, x.start, x.text, x.terminator) for x in doc.lines] == general(text), repr(text)


def test_columns_in_persian_vietnamese_and_astral_text(tmp_path):
    write(tmp_path / "qa-lint.toml", 'rule-packs = ["pack"]\nselect = ["X001"]\n')
    write(tmp_path / "pack" / "x.toml", PACK)
    # 😀 is one code point (two UTF-16 units, four UTF-8 bytes); "Phạm" is precomposed.
    write(tmp_path / "a.txt", "سلام 😀 Phạm lorem\nnothing\n\U0001F1FB\U0001F1F3 lorem")
    result = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    spans = [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in result.json()]
    assert spans == [(1, 13, 1, 18), (3, 4, 3, 9)]
    edit = result.json()[0]["fix"]["edits"][0]
    assert (edit["line"], edit["column"], edit["end_column"], edit["content"]) == (1, 13, 18, "ipsum")


def test_fingerprints_survive_unrelated_lines_moving(tmp_path):
    body = "Bonjour.\n\n\n\nComment (0)\nSource : https://example.org/a\n"
    write(tmp_path / "fr" / "a.txt", body)
    before = {f["code"]: f for f in run_cli("check", "--format", "json", ".", cwd=tmp_path).json()}
    write(tmp_path / "fr" / "a.txt", "Titre ajouté.\nUne ligne de plus.\n" + body)
    after = {f["code"]: f for f in run_cli("check", "--format", "json", ".", cwd=tmp_path).json()}
    assert after["B001"]["line"] == before["B001"]["line"] + 2
    assert {c: f["fingerprint"] for c, f in after.items()} == {c: f["fingerprint"] for c, f in before.items()}


def test_identical_lines_get_distinct_fingerprints(tmp_path):
    write(tmp_path / "fr" / "a.txt", "Comment (0)\nTexte.\nComment (0)\n")
    findings = run_cli("check", "--format", "json", "--select", "B001", ".", cwd=tmp_path).json()
    assert len({f["fingerprint"] for f in findings}) == 2
