"""Verb patterns over the dependency parse (EN and FR models): subject - verb - object, and groups.

A mention whose head is the subject of a trigger verb (``data/relation_verbs.tsv``) and another
that is the verb's object, or the object of a preposition or agent attached to it, are related
as the trigger says; the passive voice swaps the roles ("X was employed by Y"). A negation
child of the verb ("not", "ne ... pas") blocks the pattern. Rows whose last column is ``group``
tie together every mention in one role of the verb: the passive subjects of "charge", "condamner"
or the objects of "arrest", coordination distributed over all conjuncts (``CO_ACCUSED``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from nlp.components.common import doc_text
from nlp.components.kin_lists import kin_pairs
from nlp.resources import _rows

SUBJECT = {"nsubj", "nsubjpass", "nsubj:pass", "csubj"}
PASSIVE_SUBJECT = {"nsubjpass", "nsubj:pass"}
OBJECT = {"dobj", "obj", "iobj", "dative", "attr", "oprd", "obl", "obl:arg", "obl:mod", "obl:agent"}
AGENT = {"agent", "obl:agent"}
CLIMB = {"appos", "conj", "compound", "flat", "flat:name", "nmod"}
_CONJUNCTS = frozenset({"conj", "compound", "flat", "flat:name"})  # a group is its conjuncts, not their appositions
# group verbs whose active subjects are the accused ("A and B pleaded guilty", "A et B comparaissent")
_INTRANSITIVE_GROUP = {"plead", "appear", "face", "comparaître", "écoper"}
NEGATION_LEMMAS = {"not", "never", "ne", "pas", "jamais", "n'", "n’"}


@dataclass(frozen=True)
class VerbTrigger:
    type: str
    sources: frozenset[str]
    targets: frozenset[str]
    subject_is_source: bool


def _triggers(lang: str) -> dict[str, list[VerbTrigger]]:
    out: dict[str, list[VerbTrigger]] = defaultdict(list)
    for row in _rows("relation_verbs.tsv"):
        if len(row) >= 6 and row[0] == lang and row[5] != "group":
            out[row[1]].append(VerbTrigger(row[2], frozenset(row[3].split("|")), frozenset(row[4].split("|")),
                                           row[5] == "source"))
    return dict(out)


def _role(token: Token, climb: frozenset[str] | set[str] = CLIMB) -> tuple[Token, str] | None:
    """(verb, role) for the token heading a mention: role is ``subj``, ``subjpass``, ``obj`` or ``agent``."""
    for _ in range(4):
        dep = token.dep_
        if dep in climb and token.head is not token:
            token = token.head
            continue
        break
    dep, head = token.dep_, token.head
    if dep in SUBJECT:
        return head, "subjpass" if dep in PASSIVE_SUBJECT else "subj"
    if dep in AGENT:
        return head, "agent"
    if dep in OBJECT:
        return head, "obj"
    if dep == "pobj" and head.dep_ in ("prep", "agent"):
        return head.head, "agent" if head.dep_ == "agent" or head.lower_ == "by" else "obj"
    return None


def _group_verbs(lang: str) -> dict[str, tuple[str, frozenset[str]]]:
    """Verbs whose subjects (passive) or objects (active) are tied to each other: lemma -> (type, types)."""
    return {row[1]: (row[2], frozenset(row[3].split("|"))) for row in _rows("relation_verbs.tsv")
            if len(row) >= 6 and row[0] == lang and row[5] == "group"}


class DependencyRelations:
    def __init__(self, lang: str):
        self.lang = lang
        self.triggers = _triggers(lang)
        self.groups = _group_verbs(lang)

    def group(self, doc: Doc, refs: list[Any]) -> list[tuple[str, int, int]]:
        """``(type, i, j)`` for mentions that are all subjects of a passive group verb ("A, B and C were
        charged") or all objects of an active one ("police arrested A and B"): coordination is
        distributed over every conjunct, whose heads climb to the first one."""
        if not self.groups:
            return []
        by_verb: dict[tuple[int, str], list[int]] = defaultdict(list)
        for k, ref in enumerate(refs):
            if getattr(ref, "anaphor", False):
                continue
            span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            role = _role(span.root, _CONJUNCTS)
            if role is None:
                continue
            verb, kind = role
            lemma = verb.lemma_.lower()
            if lemma not in self.groups or ref.type not in self.groups[lemma][1]:
                continue
            if any(c.lemma_.lower() in NEGATION_LEMMAS or c.dep_ == "neg" for c in verb.children):
                continue
            if kind in ("subjpass", "obj") or (kind == "subj" and lemma in _INTRANSITIVE_GROUP):
                by_verb[(verb.i, kind)].append(k)
        out = []
        for (verb_i, _kind), members in by_verb.items():
            type_ = self.groups[doc[verb_i].lemma_.lower()][0]
            out.extend((type_, a, b) for x, a in enumerate(members) for b in members[x + 1:])
        return out

    def find(self, doc: Doc, sent: Any, refs: list[Any]) -> list[tuple[str, int, int, bool]]:
        """``(type, i, j, reverse)`` for mention pairs ``refs[i]``, ``refs[j]`` (i < j) of ``sent``; kin named as a
        group ("the brothers A and B") come first (:mod:`nlp.components.kin_lists`)."""
        kin = [("FAMILY_OF", i, j, False) for i, j in kin_pairs(doc_text(doc), refs, sent.start_char, sent.end_char,
                                                                  self.lang)]
        if not self.triggers:
            return kin
        roles: dict[int, list[tuple[Token, str]]] = {}
        for k, ref in enumerate(refs):
            span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            role = _role(span.root)
            if role is None:
                continue
            # "X is registered in Rotterdam and managed by Y": a conjoined verb without a subject shares X
            found = [role] + [(c, role[1]) for c in role[0].children if role[1] in ("subj", "subjpass")
                              and c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                              and not any(g.dep_ in SUBJECT for g in c.children)]
            found = [(verb, r) for verb, r in found if verb.lemma_.lower() in self.triggers]
            if found:
                roles[k] = found
        out = []
        keys = sorted(roles)
        for x, i in enumerate(keys):
            for j in keys[x + 1:]:
                for (vi, ri), (vj, rj) in ((a, b) for a in roles[i] for b in roles[j]):
                    if vi.i != vj.i or any(c.lemma_.lower() in NEGATION_LEMMAS or c.dep_ == "neg" for c in vi.children):
                        continue
                    pair = self._pair(vi.lemma_.lower(), refs[i].type, ri, refs[j].type, rj)
                    if pair is not None:
                        out.append((pair[0], i, j, pair[1]))
                        break
        done = {(i, j) for _t, i, j, _r in kin}
        return kin + [hit for hit in out if (hit[1], hit[2]) not in done]

    def _pair(self, lemma: str, ti: str, ri: str, tj: str, rj: str) -> tuple[str, bool] | None:
        """(type, reverse) when the roles of mentions i and j fit a trigger of ``lemma``."""
        for trig in self.triggers.get(lemma, []):
            for subj_first in (True, False):
                subj_role, other_role = (ri, rj) if subj_first else (rj, ri)
                if subj_role == "subj" and other_role == "obj":
                    subject_is_source = trig.subject_is_source
                elif subj_role == "subjpass" and other_role == "agent":
                    subject_is_source = not trig.subject_is_source
                else:
                    continue
                # which of i/j is the source?
                source_is_i = subject_is_source == subj_first
                src_t, tgt_t = (ti, tj) if source_is_i else (tj, ti)
                if src_t in trig.sources and tgt_t in trig.targets:
                    return trig.type, not source_is_i
        return None
