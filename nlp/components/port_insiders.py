"""Port insiders: a person named with a port job ("longshoreman", "grutier", "havenarbeider") in a
sentence that names one port or terminal works there (``WORKS_AT``), as the annotation guide asks.

The job must be the person's own: an apposition right after the name ("X, 52, a lasher,"), the
job word right before it ("longshoreman Dominic Ferrante", "de havenarbeiders A en B"), or "as a
..." after it ("X worked as a crane operator"). The sentence must name exactly one port (its home
towns -- ", of Newark," -- and authority seats -- "the Antwerp court" -- set aside), no vessel's
voyage (a port of call is no workplace), and no one else whose own words tie them to that port. Job words live in ``data/port_jobs.tsv``.
A negation between the name and its job blocks the frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.components.co_accused import _SHORT_ASIDE, _lists
from nlp.relation_rules import negated
from nlp.resources import _rows

Frame = tuple[str, int, int, str]
_ARTICLE = r"(?:(?:the|a|an|le|la|les|un|une|de|het|een|als|as|comme)\s+|l['’]\s*)?"
_ADJECTIVES = r"(?:(?!(?:and|et|en|or|ou|of)\s)[\w'’-]+\s+){0,2}?"
# a voyage in the sentence: its ports are ports of call, not a workplace
_VOYAGE = re.compile(r"\b(?:arriv\w*|sail\w*|depart\w*|bound for|en route|inbound|outbound|escale|provenance|à destination"
                     r"|vertrokken|vertrok|aangekomen|vanuit|onderweg|afkomstig uit|shipped from|from the port of"
                     r"|en provenance)\b", re.I)
_HOME = re.compile(r"(?:\b(?:of|from|uit|de|van|à|in)\s+|\bwonende te\s+|,\s*)$", re.I)
_SEAT = re.compile(r"^\s*(?:(?:'s|’s)\s+)?(?:public\s+|district\s+|crown\s+)?(?:prosecutors?|court|police|judges?|tribunal"
                   r"|rechtbank|politie|parket|parquet|magistrates?|office)\b", re.I)
_COURT_BEFORE = re.compile(r"\b(?:rechtbank|tribunal(?: correctionnel)?(?: de)?|court of|hof van|parket|parquet de"
                           r"|politie|police de)\s+$", re.I)


@cache
def _job_pattern(lang: str) -> re.Pattern[str] | None:
    words = [row[1] for row in _rows("port_jobs.tsv") if len(row) >= 2 and row[0] == lang]
    if not words:
        return None
    job = r"(?:" + "|".join(words) + r")"
    return re.compile(job, re.I)


@cache
def _after_name(lang: str) -> re.Pattern[str] | None:
    job = _job_pattern(lang)
    if job is None:
        return None
    return re.compile(r"(?:" + _SHORT_ASIDE + r")*\s*(?:,|\(|\s(?:worked|works|working|was|is|served|employed|werkte"
                      r"|werkt|was|travaillait|travaille|était|est)\s+)\s*" + _ARTICLE + _ADJECTIVES
                      + r"(?:" + job.pattern + r")\b(?!\s+(?:of|de|van|du)\s)", re.I)


@cache
def _before_name(lang: str) -> re.Pattern[str] | None:
    job = _job_pattern(lang)
    if job is None:
        return None
    return re.compile(r"(?:^|[\s,;:(])(?:" + job.pattern + r")\s*[,:]?\s*(?:\(\w+\)\s*)?$", re.I)


def _workplace(text: str, refs: Sequence, s_start: int, s_end: int) -> int | None:
    """The index of the one port the sentence names (its home towns and court seats set aside), else None."""
    found: dict[tuple[int, int], int] = {}
    for k, ref in enumerate(refs):
        if ref.type != "PORT":
            continue
        before = text[max(s_start, ref.start - 30):ref.start]
        after = text[ref.end:min(s_end, ref.end + 30)]
        if _SEAT.match(after) or _COURT_BEFORE.search(before):
            continue
        if _HOME.search(before) and not re.search(r"\b(?:port|haven|terminal|quay|kaai)\s+(?:of|de|du|van)\s+$",
                                                  before, re.I) and re.match(r"\s*[,;)]", after) \
                and re.search(r"\b(?:of|from|uit|de|wonende te)\s+$", before, re.I):
            continue  # "X, 52, of Newark," is a home town
        if re.search(r"(?:\)|\d|\.)\s+(?:uit|wonende te|woonachtig te|domicilié à|demeurant à)\s+$", before, re.I):
            continue  # "Havenarbeider Sander K. (34) uit Rotterdam werd veroordeeld": where he lives
        found.setdefault((ref.target_start, ref.target_end), k)
    return next(iter(found.values())) if len(found) == 1 else None


def port_insiders(text: str, refs: Sequence, typed: set[tuple[int, int]], blocked: set[tuple[int, int]],
                  s_start: int, s_end: int, lang: str) -> list[Frame]:
    """``(WORKS_AT, person index, port index, rule)`` for people named with a port job next to the one port."""
    after, before = _after_name(lang), _before_name(lang)
    if after is None or before is None:
        return []
    if _VOYAGE.search(text[s_start:s_end]) or any(r.type == "VESSEL" for r in refs):
        return []
    port = _workplace(text, refs, s_start, s_end)
    if port is None:
        return []
    if any(port in pair and refs[sum(pair) - port].type == "PERSON" for pair in typed):
        return []  # "A, a crane operator employed by X, and B, a checker at the Port": the port is B's alone
    lists = {g[0]: g for g in _lists(text, refs, plain=True)}
    out: list[Frame] = []
    for i, person in enumerate(refs):
        if person.type != "PERSON" or person.anaphor:
            continue
        nxt = min([r.start for r in refs if r.start >= person.end] + [s_end])
        stated = after.match(text, person.end, nxt)
        if stated is not None and negated(lang, stated.group(0).lower()):
            continue
        members = [i]
        if stated is None:
            head = text[max(s_start, person.start - 40):person.start]
            if not before.search(head) or negated(lang, head.lower()):
                continue
            members = lists.get(i, [i])  # "de havenarbeiders A (41) en B (35)"
        for k in members:
            pair = (min(k, port), max(k, port))
            if refs[k].type == "PERSON" and pair not in typed and pair not in blocked:
                typed.add(pair)
                out.append(("WORKS_AT", k, port, f"{lang}:port-insider"))
    return out
