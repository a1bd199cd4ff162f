"""Cut long texts into pieces spaCy can parse, on boundaries no entity crosses.

A cut falls, in order of preference, on a blank line (paragraph), a line break, a sentence end
(". " before a capital) or, for a run of text with no such place, on white space. Every chunk
keeps its offset into the document, so spans found in it map back exactly.

>>> text = "First paragraph.\\n\\nSecond one here.\\n\\nThird."
>>> [(c.start, text[c.start:c.end]) for c in chunk_text(text, max_chars=25)]
[(0, 'First paragraph.\\n\\n'), (18, 'Second one here.\\n\\n'), (36, 'Third.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.language import Segment

#: spaCy's parser needs about 1 GB per 100,000 characters; stay well below that per chunk.
DEFAULT_MAX_CHARS = 100_000

_BREAKS = (
    re.compile(r"\n[ \t]*\n\s*"),        # paragraph
    re.compile(r"\n"),                   # line
    re.compile(r"[.!?;][\"')\]]*\s+(?=[A-Z0-9\"'(À-Ý])"),  # sentence end
    re.compile(r"\s+"),                  # any white space
)


@dataclass(frozen=True)
class Chunk:
    start: int
    end: int
    lang: str


def _cut_point(text: str, start: int, limit: int) -> int:
    """Largest boundary position in ``text[start:limit]`` after at least a third of the window."""
    floor = start + (limit - start) // 3
    for pattern in _BREAKS:
        best = -1
        for match in pattern.finditer(text, floor, limit):
            best = match.end()
        if best > floor:
            return best
    return limit  # one unbroken token longer than the window: nothing to protect


def chunk_text(text: str, max_chars: int = DEFAULT_MAX_CHARS, lang: str = "en",
               start: int = 0, end: int | None = None) -> list[Chunk]:
    """Chunks of ``text[start:end]`` no longer than ``max_chars``, cut on natural boundaries."""
    end = len(text) if end is None else end
    chunks: list[Chunk] = []
    pos = start
    while end - pos > max_chars:
        cut = _cut_point(text, pos, pos + max_chars)
        chunks.append(Chunk(pos, cut, lang))
        pos = cut
    if pos < end or not chunks:
        chunks.append(Chunk(pos, end, lang))
    return chunks


def chunk_segments(text: str, segments: list[Segment], max_chars: int = DEFAULT_MAX_CHARS) -> list[Chunk]:
    """Chunks for every language segment of a document, in text order."""
    out: list[Chunk] = []
    for seg in segments:
        out.extend(chunk_text(text, max_chars=max_chars, lang=seg.lang, start=seg.start, end=seg.end))
    return out
