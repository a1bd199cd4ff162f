"""A job "at the same terminal" ("Ocasio-Reyes worked as a checker at the same terminal", "Jonas V.,
pointeur au même terminal", "die op dezelfde terminal werkte"): the workplace is the port or terminal
named last before, and the person is the one whose job it is (``WORKS_AT``).

The person must be the last one named before the phrase in the sentence, with a job word or a verb of
work between them (``data/port_jobs.tsv``, "worked", "travaillait", "werkte") and no other mention; the
relation records the phrase as the reference it resolved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.relation_rules import negated
from nlp.resources import _rows

_SAME = re.compile(r"\b(?:at|on|in|to|au|sur le|dans le|du|op|in|aan|bij) (?:the )?(?:same|même|dezelfde|hetzelfde)"
                   r" (?:terminal|port|dock|quay|quai|wharf|haven|kaai|havenbedrijf|container terminal)\b", re.I)
_WORK = re.compile(r"\b(?:work(?:ed|s|ing)?|employed|travaill\w*|employée?|werk(?:te|t|ten|zaam)|in dienst)\b", re.I)


@cache
def _jobs(lang: str) -> re.Pattern[str] | None:
    words = [row[1] for row in _rows("port_jobs.tsv") if len(row) >= 2 and row[0] == lang]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I) if words else None


def same_place(text: str, refs: Sequence, s_start: int, s_end: int, lang: str) -> list[tuple[int, tuple[int, int]]]:
    """``(person index, phrase span)`` for each "at the same terminal" of the sentence that follows a job."""
    out = []
    jobs = _jobs(lang)
    for match in _SAME.finditer(text, s_start, s_end):
        before = [k for k, r in enumerate(refs) if r.end <= match.start()]
        if not before or refs[before[-1]].type != "PERSON" or refs[before[-1]].anaphor:
            continue
        k = before[-1]
        between = text[refs[k].end:match.start()]
        if len(between) > 90 or negated(lang, between.lower()) or not (
                _WORK.search(between) or (jobs is not None and jobs.search(between))):
            continue
        out.append((k, (match.start(), match.end())))
    return out
