"""Co-accused named clause by clause: ``CO_ACCUSED`` where a verb interrupts the list.

Sentencing releases and judgments often give each defendant a clause of his own: "Luis C. was
sentenced to 14 years, while Pedro I. received 11", "Karim B. a été mis en examen ; Youssef A. a
été placé sous contrôle judiciaire", "Karim B. a été condamné à dix ans et Youssef A. à huit ans",
"Ronald V. kreeg tien jaar cel, Dennis K. zes jaar". A sentence is cut into clauses at ";" and
before a person or firm that follows a comma or a conjunction; a clause *charges* its subject
when a predicate of the criminal process follows it (``data/co_accused_verbs.tsv``: passive or
intransitive forms only, so that the judge who "sentenced" someone is no subject of it), or when
it shares the verb of the clause before ("..., and Y to eight years"). The subjects charged in
the clauses of one sentence are ``CO_ACCUSED`` with each other.

What counts as *together in one case*: the schema's ``CO_ACCUSED`` is the tie of people charged in
one case or operation, and the annotation guide reads it as "one sentence or one list names
them". Two sentences that each charge their own defendant ("A was sentenced to nine years. B was
sentenced to seven.") are two lists, not one: the development gold keeps them apart, and pairing
them cost precision on texts that report several cases or several groups of one trial. The one
link across sentences is a co-defendant named as such: "A pleaded guilty. Co-defendant B ...",
"His co-defendants, B and C, ...", "Son coprévenu B ...", "De medeverdachte B ..." join the people
charged in the sentence before (its subject, its list or the one object of "sentenced X"), unless
a person or firm whom nothing charges is named in between (a witness, an investigator), a
predicate is negated ("was not charged", "n'a pas été poursuivi", "werd niet vervolgd"), or words
open another case ("in a separate case", "dans une autre affaire", "in een andere zaak"). A name
whose role is given before it (judge, prosecutor, lawyer, detective ...) is never a subject.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from nlp.components import accomplice_settling  # noqa: F401  (registers havengraph_accomplices_v1)
from nlp.components.co_accused import (
    _NOT_ACCUSED_BEFORE,
    _NUMBER_WORDS,
    _OFFICIAL,
    _TAIL,
    MEMBER_TYPES,
    _charge_words,
    _lists,
    _Ref,
    co_accused_pairs,
)
from nlp.components.co_accused_headline import counted_body, counted_case
from nlp.components.co_accused_naming import naming_lists
from nlp.resources import _rows

MAX_QUIET = 2  # sentences without a subject that a run may step over
_CO_DEFENDANT = (r"co-?defendants?|co-?accused|co-?conspirators?|co-?prévenue?s?|coprévenue?s?|co-?accusée?s?|complices?"
                 r"|medeverdachten?|mededaders?|medebeklaagden?")
_ORDINAL = (r"second|third|fourth|fifth|sixth|seventh|other|another|further|last|final|deuxième|second|troisième|quatrième"
            r"|cinquième|sixième|autre|dernier|tweede|derde|vierde|vijfde|zesde|andere|laatste")
# what may stand before the subject at the head of its sentence: a time or a connector, an
# apposition ("The alleged organiser, X"), a role noun ("Hoofdverdachte X", "boatswain X"), "Tegen X"
_HEAD = re.compile(r"^\W*(?:(?:and|while|whereas|but|et|tandis que|alors que|mais|en|terwijl|maar)\s+)?"
                   r"(?:(?:on|in|at|earlier|later|today|yesterday|meanwhile|also|additionally|separately|finally|likewise"
                   r"|similarly|le|la|en|de même|par ailleurs|enfin|quant à|op|daarnaast|verder|ook|tot slot)\b[^,;]{0,35},\s*"
                   r"|(?:on|in|op|le|en)\s+[^,;\d]{0,20}?\d{1,2}[^,;\d]{1,15}\d{4}\s+)?"  # "On 14 March 2024 X was ...": a date
                   r"(?:(?:also|ook|aussi|également|eveneens|zelfs)\s+)?"
                   r"(?:(?:tegen|contre|à l['’]encontre de|against|for|voor)\s+)?"
                   r"(?:(?:the|a|an|his|her|their|its|son|sa|ses|leur|leurs|le|la|les|l['’]|un|une|de|het|een|zijn|haar|hun)\s*)?"
                   r"(?:(?:[\w'’-]+\s+){0,8}?[\w'’-]+\s*,\s*(?:(?:the|a|an|le|la|l['’]|un|une|de|het|een)\s*)?)?"
                   r"(?P<role>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?[\s:]*$", re.I)
_OFFICIAL_BEFORE = re.compile(r"\b(?:" + _OFFICIAL + r"|solicitors?|officier van justitie|juge d['’]instruction|onderzoeksrechter)"
                              r"\b\.?\s*,?\s*$", re.I)
_OTHER_CASE = re.compile(r"\b(?:(?:a |an |another )?(?:separate|unrelated|different|other) (?:case|matter|investigation|prosecution)"
                         r"|separately|(?:une |dans une )?autre (?:affaire|enquête|dossier)|affaire distincte|(?:een )?andere zaak"
                         r"|(?:een )?ander onderzoek|afzonderlijke zaak|los daarvan)\b", re.I)
_ADVERBS = (r"(?:(?:on|in|at|last|this|earlier|later|also|previously|today|yesterday|each|both|all|then|subsequently|ultimately"
            r"|eventually|finally|jointly|recently|formally|mr|ms|\w+day|\d[\d,]*|[a-z]+ \d{1,2},?|week|month|year|the|a|an"
            r"|également|aussi|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ook|eveneens|maandag|dinsdag|woensdag"
            r"|donderdag|vrijdag|zaterdag|zondag|gisteren|vandaag|toen|daarna|later)\b,?\s+)")
_CLAUSE_CUT = re.compile(r";")
# an acquittal or a dropped charge: the guide pairs no defendant who was acquitted
_ACQUITTED = re.compile(r"\b(?:acquitted|cleared|exonerated|found not guilty|not guilty|released without charge|charges? (?:against "
                        r"\w+ )?(?:was|were) dropped|acquittée?s?|relaxée?s?|mise? hors de cause|blanchie?s?|bénéficié d['’]un non-lieu"
                        r"|non-lieu|vrijgesproken|vrijgesproken|vrijgelaten zonder|ontslagen van (?:alle )?rechtsvervolging|vrijspraak)\b",
                        re.I)
# a charge said to be one more of the same case: "B was also sentenced", "C a également été condamné",
# "D werd eveneens veroordeeld" (not "also known as", read as an alias before the verb)
_ALSO = re.compile(r"\b(?:also|likewise|similarly|également|aussi|de même|ook|eveneens|evenzeer)\b", re.I)
_OTHER_DEFENDANTS = re.compile(r"\b(?:the (?:other|remaining|two other|three other|four other)|les (?:autres|deux autres|trois autres)"
                               r"|de (?:andere|overige|twee andere|drie andere)|(?:two|three|four|five|deux|trois|quatre|cinq|twee"
                               r"|drie|vier|vijf) (?:other|more|further|autres|andere))\s+(?:[\w-]+\s+)?(?:defendants?|accused|men|women"
                               r"|suspects|co-?conspirators|prévenus|accusés|hommes|suspects|mis en cause|verdachten|mannen"
                               r"|beklaagden)\b", re.I)
_OF_ROLE = re.compile(r"\b(?:of|van|de|du|des|d['’]|bij|at|for|voor|chez|with|met|avec|by|door|par)\s*$", re.I)
_CONJUNCTION = re.compile(r"(?:,\s*(?:(?:and|while|whereas|but|et|tandis que|alors que|mais|en|terwijl|maar)\s+)?"
                          r"|\s+(?:and|while|whereas|but|et|tandis que|alors que|mais|en|terwijl|maar)\s+)"
                          r"(?:(?:his|her|their|son|sa|leur|zijn|haar|hun)\s+(?:[\w-]+\s+){0,2}?"
                          r"|(?:tegen|contre|à l['’]encontre de|against)\s+"
                          # "..., medeverdachte B vier jaar", "..., co-defendant B to six years"
                          r"|(?:(?:the|de|le|la|l['’]|son|sa)\s*)?(?:" + _CO_DEFENDANT + r")\s+)?$", re.I)  # "..., tegen B (41) vier jaar"
# "..., Y to eight years", "... et Y à huit ans", "..., Y zes jaar": a conjunct that shares the verb before it
_GAPPED = re.compile(r"^(?:(?:\s*,?\s*\(?(?:aged?\s+)?\d{1,3}(?:\s*(?:ans|jaar|years? old))?\)?)?(?:\s*,?\s*(?:uit|of|from|de|d['’]|van)"
                     r"\s+[\w'’ -]{1,30}?)?\s*,?\s+(?:(?:to|for|à|de|d['’]|tot)\s*(?:[\w'’-]+\s+){0,3}?|(?:" + _NUMBER_WORDS + r"|\d{1,3})\s+)"
                     r"(?:years?|months?|ans|mois|jaar|maanden)\b|\s+(?:to|à|tot)\s+(?:" + _NUMBER_WORDS + r"|\d{1,3})\W*$"
                     # "A was arrested at Tilbury and B in Grays": only a place, to the end of the clause
                     r"|\s+(?:in|at|à|au|en|te|op)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}\W*$)", re.I)


@cache
def _verbs(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    def rows(kind: str) -> list[str]:
        return [r[2] for r in _rows("co_accused_verbs.tsv") if len(r) >= 3 and r[0] == lang and r[1] == kind]
    verb_re = re.compile(r"^\s*,?\s*(?:(?:uit|of|from|van|de)\s+[\w'’-]+(?:\s+[\w'’-]+)?\s*,?\s+(?=\S))??" + _ADVERBS + r"{0,4}(?P<verb>" + "|".join(rows("verb") or ["(?!)"]) + r")\b", re.I)
    demand_re = re.compile(r"^\s*,?\s*(?:" + "|".join(rows("demand") or ["(?!)"]) + r")\b", re.I)
    return verb_re, re.compile("|".join(rows("negation") or ["(?!)"]), re.I), demand_re


def _clauses(text: str, sentence_starts: Sequence[int], member_starts: Sequence[int]) -> list[tuple[int, int, bool]]:
    """Sentences cut at ";" and before a person or firm after a conjunction ("X was jailed for 14 years and Y
    received 11"): ``(start, end, same sentence as the clause before)``."""
    bounds = list(sentence_starts) + [len(text)]
    out = []
    for s, e in zip(bounds, bounds[1:], strict=False):
        cuts = [(m.start(), m.end()) for m in _CLAUSE_CUT.finditer(text, s, e)]
        lo, hi = bisect.bisect_left(member_starts, s), bisect.bisect_left(member_starts, e)
        for m_start in member_starts[lo:hi]:
            conj = _CONJUNCTION.search(text, max(s, m_start - 25), m_start)
            if conj and conj.end() == m_start:
                cuts.append((conj.start(), conj.start()))
        start = s
        for c_start, c_end in sorted(cuts):
            if c_start > start:
                out.append((start, c_start, start != s))
            start = max(start, c_end)
        out.append((start, e, start != s))
    return out


def _same_person(text: str, refs: Sequence[_Ref], i: int, j: int) -> bool:
    a, b = (text[refs[k].start:refs[k].end].lower().replace(".", " ").split() for k in (i, j))
    short, long_ = sorted((a, b), key=len)
    return bool(short) and set(short) <= set(long_) and (len(short) > 1 or short[0] == long_[-1] or short[0] in long_[1:])


def _official(text: str, ref: _Ref, c_start: int) -> bool:
    before = text[max(c_start, ref.start - 40):ref.start]
    return bool(_NOT_ACCUSED_BEFORE.search(before) or _OFFICIAL_BEFORE.search(before))


def _subject(text: str, refs: Sequence[_Ref], members: list[int], c_start: int, c_end: int,
             lang: str) -> tuple[list[int], str] | None:
    """The subject(s) of a clause that charges them, with how it was read: ``verb`` or ``cue``."""
    if not members:
        return None
    first = refs[members[0]]
    head = _HEAD.match(text[c_start:first.start])
    if head is None or _official(text, first, c_start) or _OF_ROLE.search(head.group(0)):
        return None  # "De zaakvoerder van X BV, Y, werd opgepakt": the firm only names Y's role
    group = next(([k for k in g if refs[k].end <= c_end] for g in _lists(text, refs, smallest=1) if g[0] == members[0]),
                 [members[0]])
    last = refs[group[-1]]
    aside = _TAIL.match(text, last.end, c_end)
    after = text[aside.end() if aside else last.end:c_end]
    verb_re, negation, demand_re = _verbs(lang)
    verb = verb_re.match(after) or (demand_re.match(after) if re.match(r"\W*(?:tegen|contre|against)\b", head.group(0), re.I)
                                    else None)
    if verb and negation.search(after[:verb.end()]):
        return None
    acquitted = _ACQUITTED.search(after)
    if acquitted and (verb is None or acquitted.start() < verb.start()):
        return None  # "B, his co-defendant, was acquitted": a defendant the case did not charge to the end
    named_as = re.match(r"\s*,\s*(?:(?:his|her|their|son|sa|leur|zijn|haar|hun|a|an|the|un|une|een|de)\s+)?(?:[\w-]+\s+)?(?:"
                        + _CO_DEFENDANT + r")\s*,", text[last.end:c_end], re.I)  # "B, his co-defendant, was ..."
    if named_as or re.search(r"\b(?:" + _CO_DEFENDANT + r")\b", head.group(0), re.I):
        return group, "cue"  # "Co-defendant B pleaded guilty earlier", "His co-defendants, B and C, ..."
    if verb and (_ALSO.search(after[:verb.end()]) or _OTHER_DEFENDANTS.search(head.group(0))):
        return group, "also"  # "B, 41, was also sentenced", "The other defendants, B and C, received ..."
    if verb:
        return group, "verb"
    if _GAPPED.match(text[last.end:c_end]):
        return group, "gapped"  # "..., and Y to eight years": shares the verb of the clause before it
    return None


def _affirmed_not(segment: str) -> bool:
    return re.search(r"\b(?:not|never|without|pas|jamais|sans|niet|nooit|geen|zonder)\b", segment) is not None


def _listed(text: str, refs: Sequence[_Ref], members: list[int], c_start: int, c_end: int, lang: str) -> list[int]:
    """The people and firms a clause charges as a list, or as the one object of a charge verb ("sentenced X")."""
    pairs = co_accused_pairs(text, [refs[k] for k in members], c_start, c_end, lang)
    if pairs:
        listed = sorted({members[i] for pair in pairs for i in pair})
        return [k for k in listed if refs[k].type != "COMPANY"
                or not _OF_ROLE.search(text[max(c_start, refs[k].start - 30):refs[k].start])]
    if members and not _official(text, refs[members[0]], c_start):
        first = refs[members[0]]
        after_re, before_re = _charge_words(lang)
        head = text[c_start:first.start].lower()
        aside = _TAIL.match(text, first.end, c_end)
        tail = text[aside.end() if aside else first.end:c_end].lower()
        charged_after = re.match(r"\W*(?:[\w'’-]+\s+)?(?:" + after_re.pattern + ")", tail)
        if (before_re.search(head) or charged_after) and not _affirmed_not(head + tail[:40]):
            return [members[0]]  # "The court sentenced X to ...", "A jury found X guilty"
    return []


def subject_runs(text: str, refs: Sequence[_Ref], sentence_starts: Sequence[int],
                 lang: str) -> list[tuple[list[int], int, int]]:
    """Groups of co-accused named clause by clause, or as co-defendants of the sentence before:
    ``(indices into refs, start, end)``; ``start:end`` is the evidence span, from the first clause to the last."""
    starts = [r.start for r in refs]
    out: list[tuple[list[int], int, int]] = []
    run: list[int] = []
    span = [0, 0]
    quiet = 0

    def close() -> None:
        distinct = [k for x, k in enumerate(run) if not any(_same_person(text, refs, k, j) for j in run[:x])]
        if len(distinct) >= 2:
            out.append((distinct, span[0], span[1]))

    charged = False  # whether the clause before charged its subject
    charged_all: list[int] = []  # everyone a clause charges, for the count of the headline
    run_sentence: int | None = None  # the sentence of the run's last charged clause
    inner = {refs[k].start for g in _lists(text, refs) for k in g[1:]}  # no cut inside a list: "B and C, remain"
    member_starts = [r.start for r in refs if r.type in MEMBER_TYPES and not r.anaphor and r.start not in inner]
    clauses = _clauses(text, sentence_starts, member_starts)
    piece_start = 0
    for n, (c_start, c_end, inside) in enumerate(clauses):
        lo, hi = bisect.bisect_left(starts, c_start), bisect.bisect_left(starts, c_end)
        members = [k for k in range(lo, hi) if refs[k].type in MEMBER_TYPES and not refs[k].anaphor
                   and refs[k].end <= c_end]
        if not inside:
            piece_start = c_start
        if piece_start < c_start:  # "A, a docker, and B were charged": the piece before has no verb of its own
            lo = bisect.bisect_left(starts, piece_start)
            joined = [k for k in range(lo, hi) if refs[k].type in MEMBER_TYPES and not refs[k].anaphor
                      and refs[k].end <= c_end]
            found = _subject(text, refs, joined, piece_start, c_end, lang)
            alone = None if found else _subject(text, refs, members, c_start, c_end, lang)
            if alone is None:
                members, c_start = joined, piece_start
            found = found or alone
        else:
            found = _subject(text, refs, members, c_start, c_end, lang)
        last_piece = n + 1 == len(clauses) or not clauses[n + 1][2]
        if found is None and not last_piece:
            continue  # the piece before a conjunction that has no verb of its own: read it with the next one
        piece_start = c_end
        if _OTHER_CASE.search(text[c_start:c_end]):
            close()
            run, quiet = [], 0
        sentence = bisect.bisect_right(sentence_starts, c_start)
        if found is not None and found[1] == "also" and not run:
            found = (found[0], "verb")  # one more of nobody named yet: a subject of its own
        if found is not None and found[1] == "verb" and run_sentence not in (None, sentence):
            close()  # a new sentence with a charged subject of its own: another list (the annotation's "one sentence")
            run, quiet = [], 0
        if found is not None and (found[1] in ("verb", "also") or (found[1] == "cue" and run)
                                  or (found[1] == "gapped" and inside and charged)):
            if not run:
                span[0] = c_start
            run.extend(found[0])
            charged_all.extend(found[0])
            span[1] = c_end
            quiet, charged, run_sentence = 0, True, sentence
            continue
        charged = False
        if found is not None and found[1] == "cue":
            continue  # a co-defendant of nobody named yet
        listed = _listed(text, refs, members, c_start, c_end, lang)
        if listed:  # "A jury found A and B guilty.": co-defendants named in a later sentence join them
            charged_all.extend(listed)
            close()
            run, span, quiet, run_sentence = listed, [c_start, c_end], 0, sentence
            continue
        quiet += 1
        # a new person or firm that the sentence does not charge: a witness, an investigator, another story
        fresh = [k for k in members if not any(_same_person(text, refs, k, j) for j in run)
                 and not _official(text, refs[k], c_start)]
        if fresh or quiet > MAX_QUIET:
            close()
            run, quiet = [], 0
    close()
    counted = counted_case(text, refs, sentence_starts, lang, sorted(set(charged_all)),
                           lambda i, j: _same_person(text, refs, i, j))
    if not counted:  # "Les six personnes ont été mises en examen" after the six were named, each in a sentence of their own
        counted = counted_body(text, refs, sentence_starts, lang, lambda i, j: _same_person(text, refs, i, j),
                               lambda ref: _official(text, ref, max(0, ref.start - 40)))
    return out + naming_lists(text, refs, sentence_starts, lang) + counted
