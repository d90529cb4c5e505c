"""F001-F005: files that cannot be linted at all.

The reader (`qa_lint.reading`) reports a file it cannot read or decode as a
problem of a kind; the rule naming that kind in `reports_problem` turns it into
its finding, so these can be listed, explained, selected and shown in every
output format like any other rule.
A run with any of them exits with status 2.
"""

from __future__ import annotations

from ...model import Category, Severity
from ...reading import ProblemKind
from ...rule import Example, Rule


class FileRule(Rule):
    category = Category.FILE
    severity = Severity.ERROR


class UnreadableFile(FileRule):
    """## What it does
    Reports a path that cannot be read: permission denied, a folder or device
    where a file was expected, a file that vanished during the run.

    ## Why is this bad?
    A translation nobody can open is not published, and a lint step that skips it
    silently would pass an incomplete delivery.
    """

    code = "F001"
    reports_problem = ProblemKind.UNREADABLE
    name = "unreadable-file"
    examples = (Example("", readable=False), Example("Bonjour.\n", fires=False))


class UndecodableFile(FileRule):
    """## What it does
    Reports a file that is not valid text in the configured encoding (UTF-8 by
    default), with the line, column and bytes where decoding failed.

    ## Why is this bad?
    Legacy code pages (Windows-1256 for Persian, Windows-1258 for Vietnamese)
    turn into mojibake in a CMS; a guess would hide the problem and might corrupt
    the text when fixed.
    """

    code = "F002"
    reports_problem = ProblemKind.UNDECODABLE
    name = "undecodable-file"
    # "\udce9" is the byte 0xE9 (Latin-1 "é") carried through surrogateescape.
    examples = (Example("caf\udce9 au lait\n"), Example("café au lait\n", fires=False))


class BinaryFile(FileRule):
    """## What it does
    Reports a file that holds NUL bytes in its first 8 KiB, as git does: an
    image, a word-processor document or a UTF-16 file without its byte-order mark.

    ## Why is this bad?
    A translator output folder should hold plain text; a binary file there is
    usually a wrong export (a `.docx` renamed `.txt`).
    """

    code = "F003"
    reports_problem = ProblemKind.BINARY
    name = "binary-file"
    examples = (Example("PK\x03\x04\x00\x00word/document.xml"), Example("PK is a sign\n", fires=False))


class EmptyFile(FileRule):
    """## What it does
    Reports a file that is empty or holds only whitespace.

    ## Why is this bad?
    An empty translation is a lost article: the pipeline failed, or the file was
    saved before the text arrived.
    """

    code = "F004"
    reports_problem = ProblemKind.EMPTY
    name = "empty-file"
    examples = (Example(""), Example(" \n\n\t\n"), Example("Bonjour.\n", fires=False))


class FileTooLarge(FileRule):
    """## What it does
    Reports a file larger than `max-file-size` (10 MB by default) instead of
    reading it.

    ## Why is this bad?
    A news article is a few kilobytes; a file of many megabytes is a dump or a
    concatenation that would stall a pre-commit hook.
    """

    code = "F005"
    reports_problem = ProblemKind.TOO_LARGE
    name = "file-too-large"
    examples = (
        Example("Le conseil municipal a ouvert une ligne.\n", settings=(("max_file_size", 16),)),
        Example("Bonjour.\n", settings=(("max_file_size", 16),), fires=False),
    )


RULES = (UnreadableFile(), UndecodableFile(), BinaryFile(), EmptyFile(), FileTooLarge())
