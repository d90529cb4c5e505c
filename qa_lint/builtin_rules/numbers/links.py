"""Links a translation must keep as they are: web addresses, e-mail addresses, @handles."""

from __future__ import annotations

from dataclasses import dataclass

import regex

_LINK = regex.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"«»“”()\[\]{}]+)"
    r"|(?P<email>(?<![A-Za-z0-9.+_-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
    r"|(?P<handle>(?<![\w@/.])@[A-Za-z0-9_]{2,30}(?![\w@]))"
)
# Punctuation that ends the sentence, not the address.
_TRAILING = ".,;:!?'’)]}»،؛。，、"


@dataclass(frozen=True, slots=True)
class Link:
    kind: str  # url, email, handle
    key: str  # compared form: no scheme, no www., no trailing slash, lower-case host
    start: int  # offsets into the line
    end: int
    text: str


def _key(kind: str, text: str) -> str:
    if kind != "url":
        return text.casefold()
    bare = regex.sub(r"^(?:https?://)?(?:www\.)?", "", text, flags=regex.IGNORECASE)
    host, slash, rest = bare.partition("/")
    return (host.casefold() + slash + rest).rstrip("/")


def line_links(text: str) -> list[Link]:
    if "@" not in text and "http" not in text and "www." not in text:
        return []
    links = []
    for match in _LINK.finditer(text):
        kind = match.lastgroup
        found = match.group().rstrip(_TRAILING) if kind == "url" else match.group()
        if not found:
            continue
        start = match.start()
        links.append(Link(kind, _key(kind, found), start, start + len(found), found))
    return links
