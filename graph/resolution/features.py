"""Named, weighted features that compare two entity records and explain their score.

A feature returns a value in [0, 1] or ``VETO`` (the pair must not be merged, whatever else says).
The decision rule (``decide``) lives in one place, with the thresholds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import JaroWinkler
from rapidfuzz.fuzz import token_sort_ratio

from graph.resolution.normalize import PersonName, acronym, company_name, person_name, vessel_name

VETO = -1.0

#: auto-merge at or above, review between REVIEW and MERGE, ignore below
MERGE_THRESHOLD = 0.9
REVIEW_THRESHOLD = 0.5
#: identity-bearing properties: different values mean different entities
CONFLICT_PROPERTIES = ("birth_date", "date_of_birth", "national_id", "passport", "nationality_id")
#: neighbour types that are evidence of identity when shared (a phone, an account...)
STRONG_NEIGHBOURS = ("phone:", "email:", "account:", "address:")


@dataclass
class Record:
    """What resolution knows of one entity."""

    entity_id: str
    type: str
    names: list[str]
    identifiers: dict[str, str] = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)
    neighbours: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return self.names[0]


def _best(values: list[float]) -> float:
    return max(values) if values else 0.0


# --- persons -----------------------------------------------------------------------------------
def person_name_score(a: PersonName, b: PersonName) -> float:
    """1.0 same full name; 0.75 initial vs full first name; 0.5 surname only; VETO on conflicting given names."""
    if not a.surname or not b.surname:
        return 0.0
    sa, sb = a.surname_key, b.surname_key
    surname_sim = 1.0 if sa == sb else JaroWinkler.similarity(sa, sb)
    if surname_sim < 0.93:
        return 0.0
    abbreviated = len(sa.replace(" ", "")) <= 1 or len(sb.replace(" ", "")) <= 1
    if a.first and b.first:
        if set(a.first) & set(b.first) or _first_names_match(a.first, b.first):
            score = 1.0 if surname_sim == 1.0 else 0.92
        else:
            return VETO
    elif a.surname_only or b.surname_only:
        score = 0.5
    else:
        ia, ib = a.given_initials, b.given_initials
        if ia and ib and ia[0] != ib[0]:
            return VETO
        score = 0.75 if surname_sim == 1.0 else 0.7
    if abbreviated:  # "Mohamed B.": a surname reduced to an initial identifies nobody
        score = min(score, 0.6)
    return score


def _first_names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return JaroWinkler.similarity(" ".join(a), " ".join(b)) >= 0.93


def f_person_name(a: Record, b: Record) -> float:
    scores = [person_name_score(person_name(x), person_name(y)) for x in a.names[:6] for y in b.names[:6]]
    if VETO in scores and max(scores) < 0.9:
        return VETO
    return _best([s for s in scores if s != VETO])


# --- companies, vessels, generic ---------------------------------------------------------------
def f_company_name(a: Record, b: Record) -> float:
    best = 0.0
    for x in a.names[:6]:
        ca = company_name(x)
        for y in b.names[:6]:
            cb = company_name(y)
            if not ca.core or not cb.core:
                continue
            if ca.legal_form and cb.legal_form and ca.legal_form != cb.legal_form and ca.core == cb.core:
                return VETO  # "X NV" and "X BV" are two registered firms
            if ca.core == cb.core:
                best = max(best, 1.0)
            elif len(ca.core) >= 2 and (ca.core == acronym(cb.core) or cb.core == acronym(ca.core)):
                best = max(best, 0.75)  # "ZL bvba" ~ "Zeebrugge Logistics BVBA": review, not merge
            else:
                best = max(best, token_sort_ratio(ca.core, cb.core) / 100.0 * 0.95)
    return best


def f_vessel_name(a: Record, b: Record) -> float:
    return _best([1.0 if vessel_name(x) == vessel_name(y) else JaroWinkler.similarity(vessel_name(x), vessel_name(y)) * 0.9
                  for x in a.names[:4] for y in b.names[:4]])


def f_generic_name(a: Record, b: Record) -> float:
    return _best([token_sort_ratio(x, y) / 100.0 for x in a.names[:4] for y in b.names[:4]])


# --- context -----------------------------------------------------------------------------------
def f_identifiers(a: Record, b: Record) -> float:
    """1.0 when they share an identifier value, VETO when one scheme has two values."""
    shared = set(a.identifiers) & set(b.identifiers)
    if any(a.identifiers[s] != b.identifiers[s] for s in shared):
        return VETO
    return 1.0 if shared else 0.0


def f_conflicting_properties(a: Record, b: Record) -> float:
    for prop in CONFLICT_PROPERTIES:
        va, vb = a.properties.get(prop), b.properties.get(prop)
        if va and vb and str(va) != str(vb):
            return VETO
    return 0.0


def f_shared_context(a: Record, b: Record) -> float:
    """Shared phones, e-mails, accounts, addresses (1.0), or shared other neighbours (0.5)."""
    shared = a.neighbours & b.neighbours
    if any(n.startswith(STRONG_NEIGHBOURS) for n in shared):
        return 1.0
    return 0.5 if len(shared) >= 2 else 0.0


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
    features.update({n: f(a, b) for n, f in CONTEXT_FEATURES.items()})
    vetoes = [n for n, v in features.items() if v == VETO]
    if vetoes:
        return Judgement(0.0, "distinct", features, "conflict on " + ", ".join(vetoes))
    name = features["name"]
    if features["identifiers"] == 1.0 and name >= REVIEW_THRESHOLD:
        return Judgement(1.0, "merge", features, "shared identifier and compatible name")
    score = min(1.0, name + 0.25 * features["shared_context"]) if name >= REVIEW_THRESHOLD else name
    if score >= MERGE_THRESHOLD:
        why = "same name" if name >= MERGE_THRESHOLD else "compatible name and shared " + (
            "phone/e-mail/account/address" if features["shared_context"] == 1.0 else "neighbours")
        return Judgement(score, "merge", features, why)
    if score >= REVIEW_THRESHOLD:
        return Judgement(score, "review", features, "similar name, not enough evidence to merge")
    return Judgement(score, "none", features, "different names")
