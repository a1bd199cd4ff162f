"""Event dates in case-file text (English, French, Dutch) and their attachment to relation evidence.

A relation found in a sentence that names a day ("on 19 June 2023 he called", "le 3 mars",
"op 21 november", "12/04/2024", "2023-06-19") is dated by that day rather than by the document's
own date. A day named without a year takes the year of the document date (the year before when
that would put it after the document), else the last year written earlier in the text; when
neither is known the day is left undated rather than guessed.

>>> [d.iso for d in find_dates("Le 3 mars 2024, puis op 21 november.", reference="2024-12-01")]
['2024-03-03', '2024-11-21']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date

from graph.model import Evidence, Extraction

__all__ = ["DateMention", "find_dates", "header_date", "assign_event_dates", "TEXT_METHODS"]

#: evidence read from running text; structured rows and mail headers keep their own dates
TEXT_METHODS = frozenset({"rule", "dependency", "cooccurrence"})

_MONTHS = {
    1: "january jan januari janvier janv",
    2: "february feb februari février fevrier févr fevr",
    3: "march mar maart mars mrt",
    4: "april apr avril avr",
    5: "may mei mai",
    6: "june jun juni juin",
    7: "july jul juli juillet juil",
    8: "august aug augustus août aout",
    9: "september sep sept septembre",
    10: "october oct oktober octobre okt",
    11: "november nov novembre",
    12: "december dec décembre decembre",
}
MONTH_OF = {name: number for number, names in _MONTHS.items() for name in names.split()}
_MONTH = "|".join(sorted(MONTH_OF, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th|er|e|ste|de)?"

_PATTERNS = (
    # 2023-06-19 (ISO), optionally with a time after it
    ("ymd", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
    # 19/06/2023, 19.06.2023, 19-06-2023: day first, as in Europe
    ("dmy", re.compile(r"(?<![\d./-])(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})(?![\d./-]*\d)")),
    # June 19, 2023 / June 19th 2023 (the year is required: "May 5" alone is too often not a date)
    ("mdy", re.compile(rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})\b", re.I)),
    # 19 June 2023, le 3 mars, 1er mai, op 21 november
    ("dm", re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?P<mon>{_MONTH})\b\.?(?:,?\s+(?P<y>\d{{4}})\b)?", re.I)),
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
#: a header line that dates the document: "Date: 12 September 2023", "Date de l'audition : 4 mars 2024", "Datum: ..."
_HEADER_DATE = re.compile(r"^[ \t]*(?:date|datum|dated)\b[^:\n]{0,40}:[ \t]*(?P<rest>[^\n]+)$", re.I | re.M)
HEADER_CHARS = 1500


@dataclass(frozen=True)
class DateMention:
    """A day named in text: its span, the words, and the ISO date (``YYYY-MM-DD``)."""

    start: int
    end: int
    text: str
    iso: str


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _reference_day(reference: str | None) -> date | None:
    if not reference:
        return None
    try:
        return date.fromisoformat(reference[:10])
    except ValueError:
        return None


def find_dates(text: str, reference: str | None = None) -> list[DateMention]:
    """Days named in ``text``, in text order; ``reference`` (the document date, ISO) completes a missing year.

    >>> [d.iso for d in find_dates("On 19 June 2023 he called; on June 20, 2023 he met her.")]
    ['2023-06-19', '2023-06-20']
    >>> find_dates("le 3 mars")  # no year anywhere: not dated
    []
    """
    ref = _reference_day(reference)
    years = [(m.start(), int(m.group())) for m in _YEAR.finditer(text)]
    year_starts = [pos for pos, _ in years]
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for _kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            month = MONTH_OF[m.group("mon").lower()] if "mon" in pattern.groupindex else int(m.group("m"))
            day_n = int(m.group("d"))
            year_text = m.group("y")
            when: date | None
            if year_text:
                when = _day(int(year_text), month, day_n)
            elif ref is not None:
                when = _day(ref.year, month, day_n)
                if when is not None and when > ref:
                    when = _day(ref.year - 1, month, day_n)
            else:
                before = bisect.bisect_left(year_starts, m.start())
                when = _day(years[before - 1][1], month, day_n) if before else None
            if when is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), m.group().strip(), when.isoformat()))
    found.sort(key=lambda d: d.start)
    return found


def header_date(text: str) -> str | None:
    """The date a document's header gives itself ("Date: 12 September 2023"), in its first lines.

    >>> header_date("POLICE REPORT\\nDate : 4 octobre 2023. Analyste : J. Peeters\\n\\nOn 2 May ...")
    '2023-10-04'
    """
    for line in _HEADER_DATE.finditer(text[:HEADER_CHARS]):
        found = find_dates(line.group("rest"))
        if found:
            return found[0].iso
    return None


def _sentence_span(text: str, evidence: Evidence) -> tuple[int, int] | None:
    sentence = evidence.sentence
    if not sentence:
        return None
    at = text.find(sentence, max(0, evidence.end - len(sentence) - 1))
    if at < 0 or at > evidence.start:
        at = text.rfind(sentence, 0, evidence.end + 1)
    return None if at < 0 else (at, at + len(sentence))


def assign_event_dates(extraction: Extraction) -> Extraction:
    """Date each piece of text evidence by the day its sentence names (the one nearest the relation).

    Evidence whose sentence names no day keeps the document date, or, when the reader found none,
    the date the document's header gives itself (:func:`header_date`); structured and header
    evidence is left as read. The extraction is changed in place and returned.
    """
    document = extraction.document
    text = document.text
    if not text or not any(e.method in TEXT_METHODS for r in extraction.relations for e in r.evidence):
        return extraction
    written = document.date or header_date(text)
    dates = find_dates(text, written)
    if not dates:
        return extraction
    starts = [d.start for d in dates]
    for relation in extraction.relations:
        dated: list[Evidence] = []
        for ev in relation.evidence:
            span = _sentence_span(text, ev) if ev.method in TEXT_METHODS else None
            if span is not None:
                lo, hi = bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])
                inside = [d for d in dates[lo:hi] if d.end <= span[1]]
                if inside:
                    nearest = min(inside, key=lambda d: (_gap(d, ev), d.start))
                    ev = replace(ev, date=nearest.iso)
                elif ev.date is None and written:
                    ev = replace(ev, date=written)
            dated.append(ev)
        relation.evidence = dated
    return extraction


def _gap(mention: DateMention, ev: Evidence) -> int:
    if mention.end <= ev.start:
        return ev.start - mention.end
    if mention.start >= ev.end:
        return mention.start - ev.end
    return 0
