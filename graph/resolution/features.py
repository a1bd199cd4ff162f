"""Named, weighted features that compare two entity records and explain their score.

A feature returns a value in [0, 1] or ``VETO`` (the pair must not be merged, whatever else says).
The decision rule (``decide``) lives in one place, with the thresholds.

>>> a = Record("person:jan-peeters", "PERSON", ["Jan Peeters"], properties={"birth_date": "1980"})
>>> decide(a, Record("person:peeters-jan", "PERSON", ["PEETERS Jan"], properties={"birth_date": "1980-01-02"})).verdict
'merge'
>>> decide(a, Record("person:j-peeters", "PERSON", ["J. Peeters"])).verdict
'review'
>>> decide(a, Record("person:peeters-jan", "PERSON", ["PEETERS Jan"], properties={"birth_date": "1991"})).verdict
'distinct'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein
from rapidfuzz.fuzz import ratio, token_sort_ratio

from graph.resolution.normalize import (
    PersonName,
    acronym,
    compact,
    company_name,
    org_core,
    person_name,
    vessel_name,
    weak_org,
)

VETO = -1.0

#: auto-merge at or above, review between REVIEW and MERGE, ignore below
MERGE_THRESHOLD = 0.9
REVIEW_THRESHOLD = 0.6
#: identity-bearing properties: different values mean different entities
CONFLICT_PROPERTIES = ("birth_date", "date_of_birth", "national_id", "passport", "nationality_id")
#: identifiers that never change: when they agree, a difference elsewhere (a new MMSI) is no conflict
PERMANENT = ("IMO", "VAT", "LEI", "CONTAINER", "IBAN")
#: neighbour types that are evidence of identity when shared (a phone, an account...)
STRONG_NEIGHBOURS = ("phone:", "email:", "account:", "address:")
#: neighbours that are an affiliation: the employer, the firm someone directs, the group they belong to
AFFILIATIONS = ("company:", "org:")
#: how much shared context adds to a compatible name (an initial 0.75 + a shared phone = merge)
CONTEXT_WEIGHT = 0.3
#: a name that differs by a letter or two: reviewed, or merged with shared context
TYPO_SCORE = 0.8
#: the same name with two adjacent letters swapped
SLIP_SCORE = 0.92
#: how many distinct names of a record are compared
MAX_NAMES = 8


@dataclass
class Record:
    """What resolution knows of one entity."""

    entity_id: str
    type: str
    names: list[str]
    identifiers: dict[str, str] = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)
    neighbours: set[str] = field(default_factory=set)
    _memo: dict[str, tuple[int, Any]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def name(self) -> str:
        return self.names[0]

    def memo(self, kind: str, compute: Callable[[list[str]], Any]) -> Any:
        """``compute(names)``, kept until the record gains a name (names are only ever added)."""
        hit = self._memo.get(kind)
        if hit is None or hit[0] != len(self.names):
            hit = (len(self.names), compute(self.names))
            self._memo[kind] = hit
        return hit[1]


def _best(values: list[float]) -> float:
    return max(values) if values else 0.0


# --- persons -----------------------------------------------------------------------------------
def person_name_score(a: PersonName, b: PersonName) -> float:
    """1.0 same full name; 0.92 two letters swapped; 0.8 a surname one letter off or with another
    particle ("el Amrani" / "Amrani"); 0.75 initial vs full first name; 0.5 surname only;
    VETO on conflicting given names, initials or generations (Jr/Sr); at most 0.6 for abbreviated surnames."""
    if not a.surname or not b.surname:
        return 0.0
    if a.generation and b.generation and a.generation != b.generation:
        return VETO
    a, b = _align(a, b), _align(b, a)
    sa, sb = a.surname_key, b.surname_key
    surname_sim = 1.0 if sa == sb else JaroWinkler.similarity(sa, sb)
    if surname_sim < 0.93:
        return 0.0
    if surname_sim == 1.0 and a.particles != b.particles:
        # "el Amrani" / "Amrani", "van Dam" / "Dam", "van der Berg" / "van den Berg": the particle is part
        # of the family name, so this is another family as often as another spelling: review, like a typo
        surname_sim = 0.99
    if a.first and b.first:
        if a.first[0] == b.first[0]:
            # one letter apart is often another family (Peeters/Peters, Maréchal/Marchal): review;
            # two neighbouring letters swapped is a slip of the keyboard (Benhdadou)
            score = 1.0 if surname_sim == 1.0 else (SLIP_SCORE if is_slip(sa, sb) else TYPO_SCORE)
        elif _first_names_match(a.first[:1], b.first[:1]):  # Daniel / Danielle
            score = TYPO_SCORE
        else:
            return VETO
    elif a.surname_only or b.surname_only:
        score = 0.5
    else:
        ia, ib = a.given_initials, b.given_initials
        if ia and ib and ia[0] != ib[0]:
            return VETO
        score = 0.75 if surname_sim == 1.0 else 0.7
    if a.abbreviated or b.abbreviated:  # "Mohamed B.": a surname reduced to an initial identifies nobody
        score = min(score, 0.6)
    return score


def _align(a: PersonName, b: PersonName) -> PersonName:
    """``a`` with its last given names moved into the surname when that makes it ``b``'s surname:
    "Héctor Gómez Ibáñez" read beside "H. Gómez Ibáñez" has the surname "Gómez Ibáñez"."""
    if a.surname_key == b.surname_key:
        return a
    for k in range(1, len(a.first)):
        moved = replace(a, first=a.first[:-k], surname=a.first[-k:] + a.surname)
        if moved.surname_key == b.surname_key:
            return moved
    return a


def is_slip(a: str, b: str) -> bool:
    """Two adjacent letters swapped ("castnao" for "castano"), in a name long enough to tell."""
    return min(len(a), len(b)) >= 6 and OSA.distance(a, b) == 1 and Levenshtein.distance(a, b) == 2


def _first_names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return JaroWinkler.similarity(" ".join(a), " ".join(b)) >= 0.93


def is_tail(p: PersonName, q: PersonName) -> bool:
    """``p`` is the end of ``q``'s name ("Gómez Ibáñez" of "Inés Gómez Ibáñez"): a surname, whatever it looks like."""
    pw, qw = p.first + p.surname, q.first + q.surname
    return not p.initials and 0 < len(pw) < len(qw) and qw[-len(pw):] == pw


def _distinct_people(names: list[str]) -> list[PersonName]:
    out: dict[tuple[Any, ...], PersonName] = {}
    for n in names:
        p = person_name(n)
        out.setdefault((p.first, p.initials, p.surname_key, p.particles, p.generation), p)
    people = list(out.values())
    return [p for p in people if not any(is_tail(p, q) for q in people)][:MAX_NAMES]


def f_person_name(a: Record, b: Record) -> float:
    scores = [person_name_score(x, y) for x in a.memo("people", _distinct_people)
              for y in b.memo("people", _distinct_people)]
    if VETO in scores and max(scores) < 0.9:
        return VETO
    return _best([s for s in scores if s != VETO])


# --- companies, organisations, vessels ---------------------------------------------------------
def strong_names(names: list[str], key: Callable[[str], str]) -> list[str]:
    """Names that are not a shorter form of another name of the same record ("Blauwhoeve" beside
    "Blauwhoeve Logistics BV"): short forms pooled from many documents must not match on their own."""
    keys = {n: key(n) for n in names}
    out = [n for n in names
           if not any(k != keys[n] and (k.startswith(keys[n] + " ") or keys[n].replace(" ", "") == acronym(k))
                      for k in keys.values())]
    return (out or names)[:MAX_NAMES]


def _company_core(name: str) -> str:
    return company_name(name).core


def f_company_name(a: Record, b: Record) -> float:
    best = 0.0
    for x in a.memo("companies", _company_names):
        ca = company_name(x)
        for y in b.memo("companies", _company_names):
            cb = company_name(y)
            if not ca.core or not cb.core:
                continue
            if ca.form_class and cb.form_class and ca.form_class != cb.form_class:
                return VETO  # "X NV" and "X BV" are two registered firms
            if ca.core == cb.core:
                best = max(best, 1.0)
            elif len(ca.core) >= 2 and (ca.core == acronym(cb.core) or cb.core == acronym(ca.core)):
                best = max(best, 0.75)  # "ZL bvba" ~ "Zeebrugge Logistics BVBA": review, not merge
            elif cb.core.startswith(ca.core + " ") or ca.core.startswith(cb.core + " "):
                best = max(best, 0.7)  # "Blauwhoeve" ~ "Blauwhoeve Logistics": review
            else:
                sim = token_sort_ratio(ca.core, cb.core) / 100.0
                if is_slip(ca.core, cb.core):
                    best = max(best, SLIP_SCORE)
                elif sim >= 0.85:
                    best = max(best, min(TYPO_SCORE, sim))
    return best


def f_vessel_name(a: Record, b: Record) -> float:
    """1.0 same name; 0.8 (review) for a likely typo; ship names are too often reused to go further."""
    best = 0.0
    for x in a.names[:MAX_NAMES]:
        for y in b.names[:MAX_NAMES]:
            vx, vy = vessel_name(x), vessel_name(y)
            best = max(best, 1.0 if vx == vy else (0.8 if ratio(vx, vy) >= 88 else 0.0))
    return best


def _acronym_like(name: str) -> bool:
    """"DEA", "MAOC-N": one token in capitals, an agency's usual name."""
    return len(name.split()) == 1 and len(compact(name)) >= 3 and name.upper() == name


def _company_names(names: list[str]) -> list[str]:
    return strong_names(names, _company_core)


def _org_names(names: list[str]) -> list[str]:
    """Strong names, and the acronyms an agency goes by ("DEA" beside "Drug Enforcement Administration"),
    but not the head of a longer name ("HSI" pooled with "HSI Baltimore": the field office is not the
    agency, and its short form must not match the agency's acronym)."""
    strong = strong_names(names, org_core)
    heads = {org_core(n).split(" ", 1)[0] for n in strong if " " in org_core(n)}
    return strong + [n for n in names if n not in strong and _acronym_like(n) and org_core(n) not in heads][:MAX_NAMES]


def f_generic_name(a: Record, b: Record) -> float:
    """1.0 same name (0.5 if the name is only a generic word such as "Douane"); an acronym followed by
    the same words (0.9, "PJF Anvers"), or alone (0.75, review); fuzzy above 0.85."""
    best = 0.0
    for x in a.memo("organisations", _org_names):
        for y in b.memo("organisations", _org_names):
            gx, gy = org_core(x), org_core(y)
            if gx == gy or compact(x) == compact(y):
                best = max(best, 0.5 if weak_org(x) else 1.0)
                continue
            abbreviation = max(_abbreviation(gx, gy), _abbreviation(gy, gx))
            if abbreviation:
                best = max(best, abbreviation)
                continue
            sim = token_sort_ratio(gx, gy) / 100.0
            best = max(best, sim * 0.95 if sim >= 0.85 else 0.0)
    return best


def _abbreviation(short: str, long_: str) -> float:
    """0.9 when ``short`` is an acronym followed by the same words ("pjf anvers" for "police judiciaire
    federale anvers"); 0.75 for an acronym alone ("maoc n", "nca"), which several bodies may share."""
    words = long_.split()
    if len(words) >= 3 and short.replace(" ", "") == "".join(w[0] for w in words):
        return 0.75
    head, _, rest = short.partition(" ")
    n = len(head)
    if n < 3 or n >= len(words) or not rest or rest != " ".join(words[n:]):
        return 0.0
    return 0.9 if head == "".join(w[0] for w in words[:n]) else 0.0


# --- context -----------------------------------------------------------------------------------
def f_identifiers(a: Record, b: Record) -> float:
    """1.0 when they share an identifier value, VETO when one scheme has two values (unless a
    permanent identifier such as the IMO number agrees)."""
    shared = set(a.identifiers) & set(b.identifiers)
    agree = {s for s in shared if a.identifiers[s] == b.identifiers[s]}
    if shared - agree and not agree & set(PERMANENT):
        return VETO
    return 1.0 if agree else 0.0


def _compatible(va: Any, vb: Any) -> bool:
    """Equal, or one a prefix of the other ("1980" and "1980-01-02" are the same birth date)."""
    sa, sb = str(va).strip(), str(vb).strip()
    return sa.startswith(sb) or sb.startswith(sa)


def properties_conflict(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two different birth dates, passports, national ids..."""
    for prop in CONFLICT_PROPERTIES:
        va, vb = a.get(prop), b.get(prop)
        if va and vb and not _compatible(va, vb):
            return True
    return False


def f_conflicting_properties(a: Record, b: Record) -> float:
    if a.properties and b.properties and properties_conflict(a.properties, b.properties):
        return VETO
    return 0.0


def f_shared_context(a: Record, b: Record) -> float:
    """Shared phones, e-mails, accounts, addresses (1.0); a shared employer or organisation (0.5);
    shared associates (0.25 each); at most 0.5 without a shared phone, e-mail, account or address."""
    shared = a.neighbours & b.neighbours
    if any(n.startswith(STRONG_NEIGHBOURS) for n in shared):
        return 1.0
    return min(0.5, sum((0.5 if n.startswith(AFFILIATIONS) else 0.25 for n in shared), 0.0))


NAME_FEATURES: dict[str, Callable[[Record, Record], float]] = {
    "PERSON": f_person_name,
    "COMPANY": f_company_name,
    "VESSEL": f_vessel_name,
}
CONTEXT_FEATURES: dict[str, Callable[[Record, Record], float]] = {
    "identifiers": f_identifiers,
    "conflicting_properties": f_conflicting_properties,
    "shared_context": f_shared_context,
}


@dataclass
class Judgement:
    score: float
    verdict: str  # "merge" | "review" | "distinct" | "none"
    features: dict[str, float]
    reason: str


def decide(a: Record, b: Record) -> Judgement:
    """Compare two records of the same type: features, score, verdict and a one-line reason."""
    name_feature = NAME_FEATURES.get(a.type, f_generic_name)
    features = {"name": name_feature(a, b)}
    if features["name"] == VETO:
        return Judgement(0.0, "distinct", features, "conflict on name")
    if features["name"] < REVIEW_THRESHOLD:  # nothing can lift it: only a conflict would still matter
        features.update(identifiers=f_identifiers(a, b), conflicting_properties=f_conflicting_properties(a, b))
        if VETO in features.values():
            return Judgement(0.0, "distinct", features, "conflict on " + ", ".join(
                n for n, v in features.items() if v == VETO))
        return Judgement(round(features["name"], 4), "none", features, "different names")
    features.update({n: f(a, b) for n, f in CONTEXT_FEATURES.items()})
    vetoes = [n for n, v in features.items() if v == VETO]
    if vetoes:
        return Judgement(0.0, "distinct", features, "conflict on " + ", ".join(vetoes))
    name = features["name"]
    if features["identifiers"] == 1.0 and name >= REVIEW_THRESHOLD:
        return Judgement(1.0, "merge", features, "shared identifier and compatible name")
    score = min(1.0, name + CONTEXT_WEIGHT * features["shared_context"]) if name >= REVIEW_THRESHOLD else name
    if name <= 0.6:  # abbreviated, surname only, generic: never merged on context alone
        score = min(score, MERGE_THRESHOLD - 0.05)
    if score >= MERGE_THRESHOLD:
        why = "same name" if name >= MERGE_THRESHOLD else "compatible name and shared " + (
            "phone/e-mail/account/address" if features["shared_context"] == 1.0 else "affiliation or associates")
        return Judgement(round(score, 4), "merge", features, why)
    if score >= REVIEW_THRESHOLD:
        return Judgement(round(score, 4), "review", features, "similar name, not enough evidence to merge")
    return Judgement(round(score, 4), "none", features, "different names")
