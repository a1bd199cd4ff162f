"""The part of a long evidence sentence a line of text shows, with the names it is about in sight."""

from __future__ import annotations

from collections.abc import Iterable


def snippet(sentence: str, names: Iterable[str] = (), width: int = 110) -> str:
    """The part of an evidence sentence a terminal line shows: ``width`` characters around the names.

    The window covers the first and the last place where one of ``names`` is written (case folded),
    so both ends of a relation stay in sight when the sentence is long; when they lie further apart
    than ``width``, both stay, joined by " … ". Cut sides are marked with "…".
    """
    sentence = " ".join(sentence.split())
    if len(sentence) <= width:
        return sentence
    low = sentence.casefold()
    found = [(i, i + len(n)) for n in {n.casefold() for n in names if n} if (i := low.find(n)) >= 0]
    if not found:
        return sentence[:width] + "…"
    first, last = min(s for s, _ in found), max(e for _, e in found)
    if last - first > width:
        head_end = min(e for s, e in found if s == first)
        tail_start = max(s for s, e in found if e == last)
        half = max(width // 2 - 2, head_end - first)
        return "…" + sentence[first:first + half] + " … " + sentence[max(tail_start, last - half):last] + "…"
    pad = (width - (last - first)) // 2
    start = max(0, min(first - pad, len(sentence) - width))
    end = start + width
    return ("…" if start > 0 else "") + sentence[start:end] + ("…" if end < len(sentence) else "")
