"""Within-document coreference: the short forms of a document join the one full name they fit.

Inside one document "Peeters", "Mr Peeters" and "J. Peeters" after "Jan Peeters" are the same man,
"PEETERS Jan" in the header is him too, "Blauwhoeve" is "Blauwhoeve Logistics BV" and "NCA" is the
"National Crime Agency". A short form that fits two full names ("Peeters" beside Jan and Joris
Peeters) joins neither.

>>> from graph.model import Document, Entity, Extraction
>>> people = [Entity("person:jan-peeters", "PERSON", "Jan Peeters"), Entity("person:peeters", "PERSON", "Peeters"),
...           Entity("person:peeters-jan", "PERSON", "PEETERS Jan"), Entity("person:tom", "PERSON", "Tom")]
>>> sorted(within_document(Extraction(Document("d", ""), people)).items())
[('person:peeters', 'person:jan-peeters'), ('person:peeters-jan', 'person:jan-peeters')]
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz.distance import JaroWinkler

from graph.ids import fold
from graph.model import Entity, Extraction
from graph.resolution.features import TYPO_SCORE, VETO, is_tail, person_name_score, properties_conflict
from graph.resolution.normalize import (
    PersonName,
    company_name,
    for_matching,
    generic_name,
    name_words,
    org_core,
    person_name,
    vessel_name,
)

_STOP = {"and", "of", "the", "de", "du", "des", "la", "le", "et", "en", "van", "der", "den", "het", "d", "l"}


def within_document(ex: Extraction) -> dict[str, str]:
    """Map entity ids of ``ex`` to the id of the fuller entity they refer to (ids absent map to themselves)."""
    local: dict[str, str] = {}
    lang = ex.document.lang
    _persons([_matching(e, lang) for e in ex.entities if e.type == "PERSON"], local)
    _named([e for e in ex.entities if e.type == "COMPANY"], local, lambda n: company_name(n).core,
           lambda n: company_name(n).form_class, min_acronym=3)
    _named([e for e in ex.entities if e.type == "ORGANIZATION"], local, org_core, lambda n: None,
           contained=True)
    _named([e for e in ex.entities if e.type == "VESSEL"], local, vessel_name, lambda n: None, prefixes=False)
    for raw_id in list(local):  # flatten chains
        seen = {raw_id}
        while local[raw_id] in local and local[raw_id] not in seen:
            seen.add(local[raw_id])
            local[raw_id] = local[local[raw_id]]
    return {k: v for k, v in local.items() if k != v}


def _matching(e: Entity, lang: str | None) -> Entity:
    names = [for_matching(n, e.type, lang) for n in (e.name, *e.aliases)]
    return Entity(e.entity_id, e.type, names[0], names[1:], e.identifiers, e.properties)


def _names(e: Entity) -> list[str]:
    return [n for n in (e.name, *e.aliases) if n]


# --- persons -----------------------------------------------------------------------------------
def _display(name: str) -> tuple[bool, bool, bool, bool, int]:
    """How good a name is as the display name: full, in natural order, not shouted, long."""
    p = person_name(name)
    natural = bool(p.first) and fold(name).split()[0].strip(".,") == p.first[0]
    return (not p.weak, bool(p.first), natural, not name.isupper(), len(name))


def _fits(p: PersonName, names: list[PersonName]) -> bool:
    if any(is_tail(p, q) for q in names):
        return True
    if p.surname_only and len(p.surname) == 1:  # one word: a surname (maybe misspelt once), or a given name
        word = p.surname[0]
        return any(word == q.surname_key or word in q.first or (len(word) >= 5 and q.surname_key
                   and JaroWinkler.similarity(word, q.surname_key) >= 0.93) for q in names)
    scores = [person_name_score(p, q) for q in names]
    return VETO not in scores and max(scores, default=0.0) > 0.0


def _persons(persons: list[Entity], local: dict[str, str]) -> None:
    if len(persons) < 2:
        return
    parsed = {e.entity_id: [person_name(n) for n in _names(e)] for e in persons}
    props = {e.entity_id: e.properties for e in persons}
    every = [p for ps in parsed.values() for p in ps]
    full = [e.entity_id for e in persons
            if any(p.full and not any(is_tail(p, q) for q in every) for p in parsed[e.entity_id])]

    def same(a: str, b: str) -> bool:
        if props[a] and props[b] and properties_conflict(props[a], props[b]):
            return False
        scores = [person_name_score(x, y) for x in parsed[a] for y in parsed[b]]
        return max(scores) >= TYPO_SCORE and VETO not in scores  # in one document a slip is a slip

    groups: list[list[str]] = []
    for eid in full:
        fits = [g for g in groups if all(same(eid, m) for m in g)]
        if len(fits) == 1:
            fits[0].append(eid)
        else:
            groups.append([eid])
    full_set = set(full)
    partial = [e.entity_id for e in persons if e.entity_id not in full_set]
    heads = groups + [[eid] for eid in partial if not parsed[eid][0].weak]
    for eid in partial:
        p = parsed[eid][0]
        fits = [g for g in heads if eid not in g and _fits(p, [q for m in g for q in parsed[m]])]
        if len(fits) > 1 and not p.weak:  # an initialled name beside several full names: keep it apart
            continue
        full_fits = [g for g in fits if g in groups]
        chosen = full_fits if full_fits else fits
        if len(chosen) == 1:
            chosen[0].append(eid)
            if [eid] in heads:
                heads.remove([eid])
    names = {e.entity_id: e.name for e in persons}
    for g in heads:
        if len(g) > 1:
            rep = max(g, key=lambda m: (_display(names[m]), m))
            for m in g:
                local[m] = rep


# --- firms, organisations, vessels -------------------------------------------------------------
def _acronyms(name: str) -> set[str]:
    """"ofac" for "Office of Foreign Assets Control", "kvk" for "Kamer van Koophandel"..."""
    every = name_words(name)
    found = {"".join(w[0] for w in ws) for ws in (generic_name(name).split(), company_name(name).core.split())}
    return found | {"".join(w[0] for w in every), "".join(w[0] for w in every if w not in _STOP)}


def _named(entities: list[Entity], local: dict[str, str], key: Callable[[str], str],
           form: Callable[[str], str | None], prefixes: bool = True, contained: bool = False,
           min_acronym: int = 2) -> None:
    """Group by normalised key; a shorter form joins the one longer name it starts (``contained``:
    whose words it all has, "Revenue" in "Revenue Customs Service"), or abbreviates."""
    groups: dict[str, list[Entity]] = {}
    for e in sorted(entities, key=lambda e: -len(e.name)):
        k = key(e.name)
        if not k:
            continue
        g = groups.get(k)
        if g is not None and form(e.name) and any(form(m.name) and form(m.name) != form(e.name) for m in g):
            continue  # "X NV" and "X BV" in one document: two firms
        groups.setdefault(k, []).append(e)
    keys = sorted(groups, key=len)
    for k in keys:
        longer = [other for other in keys if len(other) > len(k) and _extends(other, k, contained)] if prefixes else []
        if contained and all(_bare_acronym(m.name) for m in groups[k]):
            # "HSI" beside "HSI Baltimore": the agency and one of its field offices, not one body
            longer = [other for other in longer if not other.startswith(k + " ")]
        short = k.replace(" ", "")
        one_token = " " not in k or len(groups[k][0].name.split()) == 1
        if prefixes and not longer and min_acronym <= len(short) <= 6 and one_token:
            longer = [other for other in keys if other != k and other in groups
                      and any(short == a for a in _acronyms(groups[other][0].name)
                                                                   if len(a) >= 2)]
        if len(longer) == 1:
            groups[longer[0]].extend(groups.pop(k))
    for g in groups.values():
        rep = max(g, key=lambda m: (form(m.name) is not None, not m.name.isupper(), len(m.name), m.entity_id))
        for m in g:
            local[m.entity_id] = rep.entity_id


def _bare_acronym(name: str) -> bool:
    """"HSI", "PJF", "OM": one short word in capitals."""
    word = name.strip()
    return " " not in word and 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


def _extends(longer: str, short: str, contained: bool) -> bool:
    if longer.startswith(short + " "):
        return True
    return contained and set(short.split()) < set(longer.split())
