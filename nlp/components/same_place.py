"""A job "at the same terminal" or "on the quays" ("Ocasio-Reyes worked as a checker at the same terminal", "Jonas V.,
pointeur au même terminal", "die op dezelfde terminal werkte"): the workplace is the port or terminal
named last before, and the person is the one whose job it is (``WORKS_AT``). "He worked as a lasher on
the quays", "il travaillait comme docker sur les quais", "hij werkte als sjorder op de kaaien" name the
quays of that port; there a pronoun may stand for the person.

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
# the quays of the port named before: "he worked as a lasher on the quays", "docker sur les quais", "op de kade"
_QUAYS = re.compile(r"\b(?:(?:on|at|along) the (?:quays|quayside|docks|dockside|wharves|waterfront)|(?:sur|dans) les (?:quais|docks)"
                    r"|(?:op|aan) de (?:kades|kaaien)|au port(?!\s+(?:(?:de|du|autonome)\b|d['’]|(?-i:[A-Z]))))\b", re.I)
# "at the terminal", "au terminal", "op de terminal": the terminal named before (a port's name is not enough)
_TERMINAL = re.compile(r"\b(?:(?:at|on|in) the (?:container )?terminal|(?:au|sur le|dans le) terminal|(?:op|aan|bij) de"
                       r" (?:container)?terminal)\b(?!\s+(?:of|de|du|van|in|at|à)\b)(?!\s+(?-i:[A-Z]))", re.I)
TERMINAL_NAME = re.compile(r"\b(?:terminal|terminals|dock|quay|quai|kaai|kade|berth|wharf|pier|\w+terminal|\w+kaai|\w+kade)\b", re.I)
# between a person and the town named as their home: "X, 36, of Savannah", "X (41) uit Breda", "X, 38 ans, de Rouen"
_HOME_BEFORE = re.compile(r"^\s*(?:,\s*\d{1,3}(?:\s*(?:ans|jaar))?\s*|\(\d{1,3}\)\s*)?,?\s*(?:of|from|uit|de|d['’]|du)\s+$", re.I)
_WORK = re.compile(r"\b(?:work(?:ed|s|ing)?|employed|travaill\w*|employée?|werk(?:te|t|ten|zaam)|in dienst)\b", re.I)


@cache
def _jobs(lang: str) -> re.Pattern[str] | None:
    words = [row[1] for row in _rows("port_jobs.tsv") if len(row) >= 2 and row[0] == lang]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I) if words else None


def same_place(text: str, refs: Sequence, s_start: int, s_end: int, lang: str) -> list[tuple[int, tuple[int, int]]]:
    """``(person index, phrase span)`` for each "at the same terminal" of the sentence that follows a job."""
    out = []
    jobs = _jobs(lang)
    matches = [(m, False) for m in _SAME.finditer(text, s_start, s_end)]
    matches += [(m, True) for m in _QUAYS.finditer(text, s_start, s_end)]
    matches += [(m, True) for m in _TERMINAL.finditer(text, s_start, s_end)]
    for match, quays in matches:
        before = [k for k, r in enumerate(refs) if r.end <= match.start()]
        while len(before) > 1 and refs[before[-1]].type in ("LOCATION", "PORT") and _HOME_BEFORE.search(
                text[refs[before[-2]].end:refs[before[-1]].start]):
            before.pop()  # "X, 36, of Savannah, who works as a checker at the same terminal": a home town between
        if not before or refs[before[-1]].type != "PERSON":
            continue
        if refs[before[-1]].anaphor and not (quays and refs[before[-1]].end > refs[before[-1]].start):
            continue  # a pronoun ("He worked on the quays") stands for its person; a possessive does not
        k = before[-1]
        between = text[refs[k].end:match.start()]
        if len(between) > 90 or negated(lang, between.lower()) or not (
                _WORK.search(between) or (jobs is not None and jobs.search(between))):
            continue
        out.append((k, (match.start(), match.end())))
    return out
