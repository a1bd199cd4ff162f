"""A person named again by age or job at the head of a sentence: "The 38-year-old works for X", "De
31-jarige werkt bij X", "Ce docker de 34 ans travaillait pour X", "L'homme de 41 ans", "The
longshoreman had worked at the port", "De havenarbeider was werkzaam bij X", "Le grutier travaillait
pour X"; and two people named again together: "Both men worked at the terminal", "Les deux hommes
travaillaient pour X", "Beide mannen werkten bij X".

Such a phrase stands for the person named before only when the last sentence that named anyone named
one person alone: after "A and B were arrested", "the 38-year-old" could be either, and a relation
given to the wrong one is worse than none. The phrase becomes a reference (:class:`Ref`, ``anaphor``)
to that person, so relations read from it record what they resolved. A plural phrase stands for the
two people of that sentence only when it named exactly two; a plural pronoun ("They", "Ils") is not read,
as it may stand for the officers of the sentence before. A person written with an official's title
("Judge X", "Detective Y", "de officier van justitie Z") is no antecedent of a job phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.components.coreference import Ref
from nlp.resources import _rows

_AGE_HEAD = {
    "en": re.compile(r"\s*(?:the|The)\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old(?:\s+(?:man|woman|docker|dockworker"
                     r"|longshoreman|driver|father|mother|suspect|defendant))?\b"),
    "nl": re.compile(r"\s*(?:De|de)\s+\d{1,3}-jarige(?:\s+(?:man|vrouw|verdachte|havenarbeider|Rotterdammer"
                     r"|Antwerpenaar|chauffeur))?\b"),
    "fr": re.compile(r"\s*(?:Ce|Cet|Cette|Le|La|L['’])\s*(?:[a-zéèêàç-]+\s+){0,2}?(?:de|âgée? de)\s+\d{1,3}\s+ans\b"),
}
# jobs that name one of the people of a case, besides the port jobs of data/port_jobs.tsv
_JOBS = {
    "en": r"employee|worker|truck driver|lorry driver|haulier|company director|managing director|businessman"
          r"|businesswoman|man|woman",
    "nl": r"werknemer|medewerker|chauffeur|vrachtwagenchauffeur|zaakvoerder|bestuurder|directeur|ondernemer|zakenman"
          r"|man|vrouw",
    "fr": r"salariée?|employée?|chauffeur|routier|gérante?|dirigeant|cheffe? d['’]entreprise|transporteur|homme|femme",
}
# port jobs done by officials, who are mostly not the person named before: no reference
_OFFICIAL_JOB = re.compile(r"customs|border force|douan|pilot|loods|harbou?r ?master|havenmeester|capitaine", re.I)
_ARTICLE = {"en": r"(?:the|The)\s+", "nl": r"(?:De|de|Het|het|Deze|deze)\s+", "fr": r"(?:(?:Le|La|le|la|Ce|Cet|Cette|ce|cet|cette)\s+|[Ll]['’]\s*)"}
# the title of an official written before a name: no job phrase stands for that person
OFFICIAL_TITLE = re.compile(r"\b(?:judge|justice|magistrate|detective|inspector|sergeant|constable|prosecutor|attorney"
                            r"|counsel|lawyer|solicitor|barrister|spokes(?:man|woman|person)|minister|commissioner"
                            r"|rechter|officier van justitie|advocaat|advocate|raadsman|woordvoerder|inspecteur"
                            r"|commissaris|rechercheur|juge|procureur|avocate?|commissaire|enquêteur|porte-parole"
                            r"|président)\s*,?\s*$", re.I)
_TITLE_BEFORE = re.compile(OFFICIAL_TITLE.pattern[:-len(r")\s*,?\s*$")] + r"|officer|agent|officier|capitaine|lieutenant)\s*,?\s*$",
                           re.I)
# someone else brought in after the antecedent, whom a job phrase may stand for
_SOMEONE_ELSE = re.compile(r"\b(?:an?|another|one|some|een|andere|un|une|autre|d['’]autres)\s+(?:[\w-]+\s+)?(?:man|woman|men"
                           r"|person|stranger|individual|driver|worker|docker|employee|homme|femme|individu|inconnue?|personne"
                           r"|chauffeur|vrouw|persoon|onbekende|medewerker|chauffeur)\b", re.I)
_PLURAL_HEAD = {
    "en": re.compile(r"\s*(?:Both(?:\s+(?:men|women|suspects|defendants|dockers|workers|employees))?|The\s+(?:two|pair of)"
                     r"\s+(?:men|women|suspects|defendants|dockers|longshoremen|workers|employees|brothers)|The\s+pair)\b"
                     r"(?!\s+(?:of|were\s+arrested|were\s+charged))"),
    "nl": re.compile(r"\s*(?:(?:Beide|De\s+twee|Allebei\s+de)\s+(?:mannen|vrouwen|verdachten|havenarbeiders|dokwerkers"
                     r"|broers|werknemers)|Beiden|Zij\s+beiden)\b"),
    "fr": re.compile(r"\s*(?:Les\s+deux\s+(?:hommes|femmes|suspects|prévenus|mis en cause|dockers|salariés|frères)"
                     r"|Tous\s+(?:les\s+)?deux)\b"),
}


@cache
def _job_head(lang: str) -> re.Pattern[str] | None:
    rows = [row[1] for row in _rows("port_jobs.tsv") if len(row) >= 2 and row[0] == lang]
    if lang not in _JOBS or lang not in _ARTICLE:
        return None
    jobs = "|".join(["(?:" + r + ")" for r in rows] + [_JOBS[lang]])
    age = {"en": r"(?:(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\s+)?", "nl": r"(?:\d{1,3}-jarige\s+)?", "fr": r""}[lang]
    return re.compile(r"\s*" + _ARTICLE[lang] + age + r"(?:" + jobs + r")\b(?![\w-])(?!\s+(?:of|de|van|du|d['’])\s)"
                      r"(?!\s+(?:who|that|whom|whose|die|dat|wiens|qui|que|dont)\b)")


def _one_antecedent(text: str, last_named: Sequence, in_sent: Sequence, end: int) -> Ref | None:
    if not last_named or len({(r.target_start, r.target_end) for r in last_named}) != 1:
        return None
    if any(r.type == "PERSON" and r.start < end for r in in_sent):
        return None
    return last_named[-1]


def age_reference(text: str, s_start: int, s_end: int, lang: str, in_sent: Sequence,
                  last_named: Sequence) -> Ref | None:
    """A reference for the age or job phrase that opens the sentence ``text[s_start:s_end]``, or None.

    ``last_named`` holds the person mentions of the last sentence that named anyone; the phrase
    resolves only when they are all one person and the sentence itself names no person before it.
    """
    pattern = _AGE_HEAD.get(lang)
    match = pattern.match(text, s_start, s_end) if pattern is not None else None
    job = False
    if match is None:
        head = _job_head(lang)
        match = head.match(text, s_start, s_end) if head is not None else None
        if match is None or _OFFICIAL_JOB.search(match.group(0)):
            return None
        job = True
    ante = _one_antecedent(text, last_named, in_sent, match.end())
    if ante is None:
        return None
    if job and _TITLE_BEFORE.search(text[max(0, ante.start - 40):ante.start]):
        return None  # "Judge Ann Ross adjourned the case. The docker ...": not the judge
    if job and _SOMEONE_ELSE.search(text, ante.end, s_start):
        return None  # "X said he met a stranger. The man worked for Y": the man is the stranger
    return Ref(s_start + (len(match.group(0)) - len(match.group(0).lstrip())), match.end(), "PERSON",
               ante.target_start, ante.target_end, anaphor=True)


def plural_reference(text: str, s_start: int, s_end: int, lang: str, in_sent: Sequence,
                     last_named: Sequence) -> tuple[Ref, list[tuple[int, int]]] | None:
    """(a reference to the first of two people, the target spans of the others) for "Both men" / "Les deux
    hommes" / "Beide mannen" opening the sentence, when the last sentence that named anyone named two people."""
    pattern = _PLURAL_HEAD.get(lang)
    match = pattern.match(text, s_start, s_end) if pattern is not None else None
    if match is None:
        return None
    people = list(dict.fromkeys((r.target_start, r.target_end) for r in last_named))
    if len(people) != 2 or any(r.type == "PERSON" and r.start < match.end() for r in in_sent):
        return None
    if any(_TITLE_BEFORE.search(text[max(0, r.start - 40):r.start]) for r in last_named):
        return None
    first = last_named[0]
    ref = Ref(s_start + (len(match.group(0)) - len(match.group(0).lstrip())), match.end(), "PERSON",
              first.target_start, first.target_end, anaphor=True)
    return ref, [p for p in people if p != (first.target_start, first.target_end)]
