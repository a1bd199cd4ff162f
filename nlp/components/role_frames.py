"""A role noun attached to a person in the parse, and the place of that role: jobs, crews, managers.

Where the language has a parser, a mention of a port, vessel, firm or public body that is the object
of a preposition ("at", "on", "aboard", "for", "with", "of"; "chez", "à bord de", "de") hanging from
a role noun (``data/role_words.tsv``: "longshoreman", "deckhand", "manager", "grutier") or from a job
verb ("work", "serve", "travailler") is tied to the person that role belongs to:

- the role noun is an apposition of the person ("X, 41, a crane operator at Y");
- it is the complement of a copula whose subject is the person ("X was a docker at Y", "who is ...");
- it follows "as" / "comme" after a verb whose subject is the person ("A and B served as deckhands
  on the Y"), or the person is the subject of the job verb itself ("X worked at Y");
- a participle on the role noun carries the place ("a longshoreman employed by Y").

The subject distributes over its conjuncts ("A and B served ..."). The relation follows from the
role class and the type of the place, as for surface appositions (:data:`RELATION`). A negation on
the verb, or a role hanging from another noun than the person's, gives nothing: the frame reads
only direct attachments, never a role stated of someone else in the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Token

from nlp.components.appositions import RELATION
from nlp.components.dependency import NEGATION_LEMMAS
from nlp.resources import _rows

Frame = tuple[str, int, int, str]
_TARGETS = ("PORT", "VESSEL", "COMPANY", "ORGANIZATION")
# prepositions that place a role: per class (a director "of" a firm, crew "on" a ship, a docker "at" a port)
_PREPS = {
    "crew": {"on", "aboard", "of", "for", "with", "at", "onboard", "à", "au", "sur", "de", "du", "d'", "d’", "pour", "chez"},
    "job": {"at", "for", "with", "of", "in", "by", "on", "chez", "pour", "à", "au", "de", "du", "d'", "d’", "par", "dans"},
    "director": {"of", "at", "de", "du", "d'", "d’"},
    "owner": {"of", "de", "du", "d'", "d’"},
}
# job verbs: the subject works at the place ("X worked at Y", "Z travaillait chez W")
_JOB_VERBS = {"work", "serve", "station", "post", "employ", "hire", "travailler", "employer", "exercer", "affecter"}
_COPULAS = {"be", "être", "become", "devenir", "remain", "rester"}
# generic nouns between the preposition and the name: "on the bulk carrier Y", "at the Port of Y", "chez la société Y"
_PLACE_NOUNS = re.compile(r"(?:port|harbou?r|terminal|quay|dock|wharf|pier|berth|company|firm|business|société|entreprise"
                          r"|firme|vessel|ship|carrier|tanker|trawler|freighter|reefer|navire|cargo|porte-conteneurs"
                          r"|vraquier|transport|line|agency|force|service|office|bureau|department|groupe?|group)s?$", re.I)
_CONJUNCT = {"conj", "flat", "flat:name", "compound"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass"}


# a word in two classes ("manager" is a job and a director) takes the narrower one
_PRIORITY = ("director", "owner", "crew", "job")


@cache
def _role_classes(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    rows = [(row[1], re.compile(r"(?:" + row[2] + r")", re.I)) for row in _rows("role_words.tsv")
            if len(row) >= 3 and row[0] == lang and row[1] != "kin"]
    return sorted(rows, key=lambda row: _PRIORITY.index(row[0]) if row[0] in _PRIORITY else len(_PRIORITY))


def _role_class(token: Token, lang: str) -> str | None:
    """The role class of a noun ("deckhand" -> crew), read with its compounds ("crane operator")."""
    words = [c for c in token.lefts if c.dep_ in ("compound", "amod")] + [token]
    phrases = {" ".join(w.lower_ for w in words), token.lower_, token.lemma_.lower()}
    for cls, pattern in _role_classes(lang):
        if any(pattern.fullmatch(p) for p in phrases):
            return cls
    return None


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lemma_.lower() in NEGATION_LEMMAS for c in token.children)


def _place_anchor(token: Token) -> tuple[Token, str] | None:
    """(the word the place's preposition hangs from, the preposition) for the head token of a place mention."""
    for _ in range(3):  # "the bulk carrier Santa Isabel II", "the Port of Felixstowe", "la société X"
        head = token.head
        if head is token:
            break
        if token.dep_ in ("appos", "compound", "flat", "flat:name", "nmod") and head.pos_ == "NOUN" \
                and _PLACE_NOUNS.match(head.lower_):
            token = head
            continue
        if token.dep_ == "pobj" and head.lower_ in ("of", "de", "du") and head.head.pos_ == "NOUN" \
                and _PLACE_NOUNS.match(head.head.lower_):
            token = head.head
            continue
        break
    if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent"):
        prep = token.head
        return prep.head, prep.lower_
    if token.dep_ in ("nmod", "obl", "obl:arg", "obl:mod", "obl:agent"):
        case = [c.lower_ for c in token.children if c.dep_ == "case"]
        if case:
            return token.head, " ".join(case)
    return None


def _subjects(verb: Token) -> list[Token]:
    """The subjects of ``verb`` (of the verb it is conjoined to when it has none); a relative pronoun
    stands for the noun its clause hangs from, which is returned as a token that is no subject of
    ``verb`` (so it is not distributed over the names listed with it)."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects and verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX"):
        subjects = [c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS]
    out = []
    for s in subjects:
        if s.tag_ in ("WP", "WDT") or s.lower_ in ("who", "qui", "that", "which"):
            if verb.dep_ in ("relcl", "acl:relcl"):
                out.append(verb.head)  # "X, who is a docker at Y": the relative pronoun is X
            continue
        out.append(s)
    return out


def _holders(anchor: Token, lang: str) -> tuple[str | None, list[Token], bool]:
    """(role class, head tokens of the people holding the role) for the word the place hangs from."""
    if anchor.pos_ in ("VERB", "AUX"):
        if _negated(anchor):
            return None, [], False
        role = next((c for c in anchor.children if c.dep_ in ("attr", "oprd")), None)
        as_noun = next((g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "as"
                        for g in c.children if g.dep_ == "pobj"), None)
        noun = role or as_noun
        cls = _role_class(noun, lang) if noun is not None else None
        if cls is None and anchor.lemma_.lower() in _JOB_VERBS:
            cls = "job"
        if cls is None:
            return None, [], False
        if anchor.dep_ in ("acl", "relcl") and anchor.head.pos_ in ("NOUN", "PROPN") and not _subjects(anchor):
            return _holders_of_noun(anchor.head, cls, lang)  # "a longshoreman employed by Y"
        return cls, _subjects(anchor), True
    if anchor.pos_ not in ("NOUN", "PROPN", "ADV"):
        return None, [], False
    cls = _role_class(anchor, lang)
    if cls is None:
        return None, [], False
    return _holders_of_noun(anchor, cls, lang)


def _holders_of_noun(noun: Token, cls: str, lang: str) -> tuple[str | None, list[Token], bool]:
    head, dep = noun.head, noun.dep_
    if dep == "appos" and head.pos_ == "PROPN":
        return cls, [head], False  # the apposition is of that one name, not of the names listed with it
    if dep in ("attr", "oprd") and head.pos_ in ("VERB", "AUX") and not _negated(head):
        return cls, _subjects(head), True
    if dep == "pobj" and head.lower_ in ("as", "comme") and head.head.pos_ in ("VERB", "AUX") and not _negated(head.head):
        return cls, _subjects(head.head), True  # "A and B served as deckhands on Y"
    if dep in ("obl", "obl:mod", "obl:arg") and any(c.lower_ == "comme" for c in noun.children) and not _negated(head):
        return cls, _subjects(head), True  # "A et B travaillaient comme grutiers au ..."
    if dep == "ROOT" and any(c.dep_ == "cop" or c.lemma_ in _COPULAS for c in noun.children) and not _negated(noun):
        return cls, _subjects(noun), True  # UD copula: the role noun heads the clause
    return None, [], False


def _with_conjuncts(token: Token) -> set[int]:
    out, todo = {token.i}, [token]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ in _CONJUNCT and c.i not in out:
                out.add(c.i)
                todo.append(c)
    return out


# the text between a name and a role in the singular that is that name's: ", ", ", 36, a ", " (36), een "
_SINGULAR_AFTER = re.compile(r"\s*(?:,\s*\d{1,3}\s*,|\(\d{1,3}\))?\s*,?\s*(?:a|an|un|une|een)\s+", re.I)


def _singular_role_after(text: str, name_end: int, role_start: int) -> bool:
    """Whether the role that opens at ``role_start`` is an indefinite one right after the name ending at ``name_end``."""
    m = _SINGULAR_AFTER.match(text, name_end)
    return m is not None and role_start < m.end() <= role_start + 4


def role_attachments(doc: Doc, refs: Sequence, typed: set[tuple[int, int]], blocked: set[tuple[int, int]],
                     lang: str) -> list[Frame]:
    """``(type, person index, place index, rule)`` for roles attached to people in the parse of one sentence."""
    roots: list[Token | None] = []
    for ref in refs:
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand") if ref.end > ref.start else None
        roots.append(span.root if span is not None and len(span) else None)
    out: list[Frame] = []
    for j, place in enumerate(refs):
        root = roots[j]
        if place.type not in _TARGETS or place.anaphor or root is None:
            continue
        found = _place_anchor(root)
        if found is None:
            continue
        anchor, prep = found
        cls, holders, distribute = _holders(anchor, lang)
        if cls is None or not holders or prep not in _PREPS[cls]:
            continue
        type_ = RELATION.get((cls, place.type))
        if type_ is None or (cls == "job" and prep == "by" and anchor.pos_ == "NOUN"):
            continue
        # a subject distributes over its conjuncts; an apposition holds only for the name it follows
        held = set().union(*(_with_conjuncts(h) if distribute and h.dep_ in _SUBJECT_DEPS and h.head.i in (
            anchor.i, anchor.head.i, anchor.head.head.i) else {h.i} for h in holders))
        role_start = anchor.left_edge.idx
        text = doc.text
        for i, person in enumerate(refs):
            r = roots[i]
            if person.type != "PERSON" or r is None or r.i not in held:
                continue
            if any(k != i and other.type == "PERSON" and not other.anaphor and person.end <= other.start
                   and other.end <= role_start and _singular_role_after(text, other.end, role_start)
                   for k, other in enumerate(refs)):
                continue  # "A, B and C, a lorry driver for X": one role in the singular is the name's right before it
            pair = (min(i, j), max(i, j))
            if pair in typed or pair in blocked:
                continue
            typed.add(pair)
            out.append((type_, i, j, f"{lang}:role-parse"))
    return out
