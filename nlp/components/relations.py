"""``havengraph_relations_v1``: typed relations between the mentions of one sentence.

For every pair of mentions (entities and identifier nodes: phones, e-mails, accounts,
containers) in a sentence, the text between them is matched against the cue rules of the
document's language (``data/relation_cues.tsv``); where the language has a parser, verb
patterns over the dependency tree (:mod:`nlp.components.dependency`) add what the cue rules miss.
A negation between the two ("was not employed by", "n'était pas", "was geen") blocks the pair.
A subject pronoun or "the witness" / "le navire" at the start of a sentence stands for the
last person or vessel named before it, so "He works for X" links that person.
Pairs left without a typed relation get the weak ``CO_MENTIONED``.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.age_references import OFFICIAL_TITLE, age_reference, plural_reference
from nlp.components.appositions import (
    BARE_ROLE_CELL,
    NOUN_OF_BEFORE,
    apposition_relations,
    kin_of,
    kin_words,
    official_relations,
    roles_at_the_firm,
    staff_before_name,
)
from nlp.components.co_accused import PLURAL, bullet_lists, charged_people, charged_sentence, co_accused_pairs
from nlp.components.co_accused_runs import subject_runs
from nlp.components.common import doc_text, sentence_starts
from nlp.components.contacts import contact_pairs
from nlp.components.contradictions import HOLDER_TYPES, contradicted
from nlp.components.coreference import Coreference, Ref
from nlp.components.crew_roles import crew_relations, misread_vessels
from nlp.components.dependency import DependencyRelations
from nlp.components.holder_checks import label_only, other_subject_between
from nlp.components.plural_contacts import plural_contacts
from nlp.components.port_insiders import port_insiders
from nlp.components.relation_settling import AUTHORITY as _AUTHORITY
from nlp.components.relation_settling import HELD_ROLES, settle, singular_role
from nlp.components.role_frames import role_attachments
from nlp.components.same_place import TERMINAL_NAME, same_place
from nlp.components.voyages import cargo, port_calls, table_rows, vessel_clauses, voyage
from nlp.components.workplaces import settle_workplaces
from nlp.relation_rules import cue_rules, negated
from nlp.resources import country_names

MAX_BETWEEN = 250
MAX_PAIR_GAP = 6
MAX_COMENTION = 12
_IDENTIFIER_NODES = {"PHONE": "PHONE", "EMAIL": "EMAIL", "IBAN": "BANK_ACCOUNT", "CONTAINER": "CONTAINER"}
_SPACES = re.compile(r"\s+")
_FIRM_NOUN_END = re.compile(r"(?<=\w) (?:\w+bedrijf|rederij|expediteur|transporteur|the (?:trucking|shipping|haulage)"
                            r" (?:company|firm)|bv|nv|bvba|vof|sarl|sas|sa|eurl)$")
_HOMETOWN = re.compile(r"^,? ?(?:of|from|de|uit) ent ?(?:,? ?ent ?)?(?=,)")
# ", born 04/06/1986," and "(IMO 9312456, MMSI 636020417)" between two mentions are asides
_BORN = re.compile(r",? (?:born|né|née|geboren)(?: on| le| op| in| à| te)? [^,;]{1,30}(?=,)")
_ASIDE = re.compile(r" ?\((?![^()]*\bent\b)[^()]{1,80}\)")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_OWN_POSSESSIVE = re.compile(r"(?i)(?:his|her|their|son|sa|ses|leur|leurs|zijn|haar|hun)\b")
# "director of A and (of) B", "bestuurder van A en van B": the preposition may be said again
_SECOND_LISTED = re.compile(r" ent(?: ?,| and| et| en| &| ou| or| of)(?: (?:of|van|de|du|d'|d’|bij|chez|at|for|voor|pour))?$")
_CLAUSE_END = re.compile(r"[.;:!?()\n]")
_LISTED = re.compile(r"^(?:(?:,|and|en|et|&|ou|or|of|, and|, et|, en) ?ent,? ?)+")
_COORDINATION = re.compile(r"^,? ?(?:and|et|en|as well as|ainsi que|alsook) ")
# ", 46," and "(46)" after a name; ", a cousin of Blom," between two mentions: not part of the cue
_AGE = re.compile(r"^,? ?\(?\d{1,3}(?: ans| jaar| years old)?\)?(?=,|$|\s)|, \d{1,3}(?: ans| jaar| years old)?(?= ?,)")
# (not a relative clause naming the next mention's role: ", a fruit importer whose director, X"; the comma of a
# figure, "a 9,400 teu vessel", closes no apposition)
_APPOSITION = re.compile(r", (?:a|an|the|his|her|their|its|le|la|les|un|une|son|sa|ses|een|de|het|zijn|haar)"
                         r" (?:(?!\b(?:whose|dont|wiens|wier|waarvan)\b)(?:[^,;()]|,(?=\d))){1,60}?,(?!\d)")


# "the leaders of the group: A, his son B and C" -- a role noun before the group, a colon after it
_ROLE_BEFORE = re.compile(r"(?:members?|leaders?|heads?|bosses|chiefs?|lieutenants?|ringleaders?|membres?|chefs?"
                          r"|dirigeants?|leden|lid|leiders?|kopstukken) (?:of|in|within|de|du|des|d'|van|binnen)"
                          r" ?(?:the |la |le |les |l'|de |het )?$")
_ROLE_AFTER = re.compile(r"^(?: (?:group|gang|network|organi[sz]ation|clan|cartel|syndicate|groep|bende|netwerk|organisatie"
                         r"|réseau|groupe|bande))?,? ?(?:(?:are|were|include|included|sont|étaient|zijn|waren) ?)?:")
_LIST_END = re.compile(r"[;.!?\n]")
_NAMED_NEXT = re.compile(r"^, ?ent ?,")
# a kin noun that stands for several people: "his brothers X and Y", "ses fils X et Y", "zijn broers X en Y"
_KIN_PLURAL = re.compile(r"\b(?:brothers|sisters|sons|daughters|cousins|nephews|nieces|children|siblings|relatives"
                         r"|frères|sœurs|soeurs|cousin(?:e)?s|neveux|nièces|enfants|ses fils|ses filles"
                         r"|broers|zussen|zusters|zonen|dochters|neven|nichten|kinderen)\b", re.I)
_RELATIVE = re.compile(r"^,? ?(?:who|whose|die|wiens|wier|qui|dont)\b")
_WORKPLACES = ("COMPANY", "ORGANIZATION", "PORT")
_TERMINAL_WORD = re.compile(r"terminal", re.I)
# a second role after a first: "and a member of", "et membre de", "en lid van"
_SECOND_ROLE = re.compile(r"^,? ?(?:and|et|en|as well as|ainsi que) (?=(?:a|an|un|une|een) |(?:member|membre|lid|director"
                          r"|directeur|gérante?|zaakvoerder|bestuurder|owner|propriétaire|eigenaar)\b)")
# the first role, written as an apposition or a copula: ", a longshoreman at", "is docker au", "was planner bij"
_ROLE_HEAD = re.compile(r"^(?:\d{1,3}(?: ans| jaar)?,? ?)?(?:(?:who|qui|die) )?(?:is |was |est |était |a |an |un |une |een |the |le |la |de |het )"
                        r"?(?:(?!ent\b)[a-zà-ÿ'’-]+ ){1,3}(?:at|for|with|of|on|in|au|à|de|du|chez|pour|bij|van|voor|op|in)"
                        r"(?: the| la| le| l'| de| het)?(?: port of| haven van| port de| port du)? ?$")
# the phrase of a second workplace inside one job clause: "at the ent", "for ent,", "bij stuwadoor ent", "pour le compte de la société ent"
_PLACE_PHRASE = re.compile(r"(?:(?<=^)|(?<= ))(?:at|on|in|for|with|by|bij|voor|op|aan|in|van|pour|chez|sur|au|à|dans|de|du"
                           r"|pour le compte de|au sein de|in dienst van)(?: (?!ent\b)[a-zà-ÿ'’-]+){0,3}? ent(?: ?,)?(?= |$)")


@dataclass(frozen=True)
class RelationHit:
    """One stated relation; ``source``/``target`` are character spans of entity mentions."""

    type: str
    source: tuple[int, int]
    target: tuple[int, int]
    start: int
    end: int
    sent_start: int
    sent_end: int
    method: str
    confidence: float
    rule: str = ""
    # ((antecedent start, end), (reference start, end)) for an end named by a reference in the sentence
    resolved: tuple[tuple[tuple[int, int], tuple[int, int] | None], ...] = ()


# between a firm written as a title and the name: a comma, or an aside in lower case ("X, destinataire de la
# cargaison, Paul F.")
_TITLE_GAP = re.compile(r"\s*[,:]\s*(?:[a-zà-ÿ][^,;.()\d]{2,60},\s*)?")


def _title_firms(text: str, hits: list[RelationHit]) -> set[tuple[int, int]]:
    """Spans of firms and bodies written as a person's title next to the name ("the director of X, Y",
    "Y, X's director"): a role links them and only a comma or colon stands between, so the firm is no
    subject of the clause."""
    out = set()
    for h in hits:
        if h.type not in HELD_ROLES:
            continue
        if h.target[1] <= h.source[0] and _TITLE_GAP.fullmatch(text[h.target[1]:h.source[0]]):
            out.add(h.target)
        elif h.source[1] <= h.target[0] and text[h.source[1]:h.target[0]].strip() == "," \
                and text[h.target[1]:h.target[1] + 2] in ("'s", "’s"):
            out.add(h.target)  # "Mark Hale, Swift Freight's managing director, was arrested"
        elif h.source[1] <= h.target[0] and BARE_ROLE_CELL.fullmatch(text[h.source[1]:h.target[0]]):
            out.add(h.target)  # "A, 41, crane operator, Harwich Lashing Ltd; B, ...": the employer of a list item
    return out


def _for_each(hits: list[RelationHit], ref: Ref, others: list[tuple[int, int]]) -> list[RelationHit]:
    """The sentence's hits with each job or membership read from a plural reference ("Both men worked at
    X") given to the other people it stands for too; its other relations are dropped (whose they are is open)."""
    out = []
    span = (ref.start, ref.end)
    for hit in hits:
        own = [ante for ante, r in hit.resolved if r == span]
        if not own:
            out.append(hit)
            continue
        if hit.type not in HELD_ROLES or hit.source != own[0]:
            continue
        out.append(hit)
        for other in others:
            resolved = tuple((other if r == span else ante, r) for ante, r in hit.resolved)
            out.append(dataclasses.replace(hit, source=other, resolved=resolved))
    return out


class RelationFinder:
    def __init__(self, nlp: Language):
        self.lang = nlp.lang
        self.rules = cue_rules(self.lang)
        self.dependency = DependencyRelations(self.lang) if "parser" in nlp.pipe_names else None
        self.coreference = Coreference(self.lang)

    def _mentions(self, doc: Doc) -> list[Ref]:
        # a span without a letter ("|" of a table row) names nobody: no relation is built on it
        refs = [Ref(s.start_char, s.end_char, s.label_, s.start_char, s.end_char)
                for s in doc.spans.get("hg_entities", []) if any(c.isalpha() for c in s.text)]
        for hit in doc._.hg_identifiers or []:
            node = _IDENTIFIER_NODES.get(hit.type)
            if node:
                refs.append(Ref(hit.start, hit.end, node, hit.start, hit.end))
        refs.sort(key=lambda r: r.start)
        return refs

    def _kin_reaches(self, text: str, a: Ref, b: Ref, inner: list[Ref]) -> bool:
        """Whether a kin word read between ``a`` and ``b`` is about ``b`` when other people stand between them:
        "his brother X and Y" makes X his brother, not Y; "his brothers X and Y" and "his brother X and his
        cousin Y" make both kin."""
        people = [r for r in inner if r.type == "PERSON" and r.start >= a.end and r.end <= b.start]
        if not people:
            return True
        words = kin_words(self.lang)
        if words is not None and words.search(text[people[-1].end:b.start]):
            return True
        return bool(_KIN_PLURAL.search(text[a.end:people[0].start]))

    def _between(self, doc: Doc, a: Ref, b: Ref, inner: list[Ref]) -> str:
        text = doc_text(doc)
        parts, pos = [], a.end
        for ref in inner:
            if ref.anaphor and ref.end - ref.start <= 6 and (ref.target_start, ref.target_end) == (a.target_start, a.target_end) \
                    and _OWN_POSSESSIVE.match(text, ref.start):
                continue  # "X belde zijn neef Y": the possessive is X's own, no third party between the two
            if ref.start >= pos and ref.end <= b.start:
                parts.append(text[pos:ref.start])
                parts.append(" ent ")
                pos = ref.end
        parts.append(text[pos:b.start])
        between = _SPACES.sub(" ", "".join(parts).lower()).strip()
        between = _APPOSITION.sub(",", _AGE.sub("", between)).strip()
        between = _ASIDE.sub("", _BORN.sub("", between)).strip()
        if a.type == "PERSON":  # "bij containerbedrijf X", "van de bv X": the noun or form only names X as a firm
            between = _FIRM_NOUN_END.sub("", between)
        if a.anaphor and a.end > a.start and self.lang == "nl":
            # Dutch inversion: "Op 19 juni belde hij X" -- the verb stands before the pronoun
            word = _WORD_BEFORE.search(text[max(0, a.start - 30):a.start])
            if word is not None and word.group(1).islower():
                between = f"{word.group(1)} {between}".strip()
        return between

    def _after(self, doc: Doc, b: Ref, refs: list[Ref], s_end: int) -> str:
        """The clause after mention ``b``, lower case, up to the next mention or punctuation (8 words)."""
        text = doc_text(doc)
        end = min([s_end] + [r.start for r in refs if r.start >= b.end])
        clause = _CLAUSE_END.split(text[b.end:end].lower(), maxsplit=1)[0]
        return " ".join(clause.split()[:8])

    def _typed(self, a: Ref, b: Ref, between: str, inner: list[Ref] | None = None,
               after: str = "") -> list[tuple[str, bool, str]]:
        found = self._match(a, b, between, after)
        if found and a.type == "PERSON" and inner and any(r.type == "PERSON" for r in inner) and re.search(r"\bent\b", between):
            # "A (41) en om B (58), zaakvoerder van X": a role read past another person is that person's
            found = [f for f in found if f[0] not in HELD_ROLES]
        if not found and inner and all(r.type == a.type for r in inner):
            # "X and Y, both members of Z": the cue after a list of like mentions holds for each
            listed = _LISTED.match(between)
            rest = between[listed.end():] if listed else ""
            if rest and not re.search(r"\bent\b", rest) and not singular_role(self.lang, rest) \
                    and not (b.type in ("PHONE", "EMAIL", "BANK_ACCOUNT") and label_only(rest)):  # "A, B, C (+32 ...)": C's
                found = self._match(a, b, between[listed.end():].lstrip())
        if not found and inner and inner[-1].type == b.type and _SECOND_LISTED.search(between):
            # "belongs to PSA and MSC": the cue before a list of like mentions holds for each
            stripped = between
            while _SECOND_LISTED.search(stripped):
                stripped = _SECOND_LISTED.sub("", stripped).rstrip()
            found = self._match(a, b, stripped, after)
        if not found and inner and inner[0].type in ("LOCATION", "PORT") and _HOMETOWN.match(between):
            # "Keller, 41, of Elizabeth, a member of X": the home town is an aside
            town = _HOMETOWN.match(between)
            assert town is not None
            found = self._typed(a, b, between[town.end():].lstrip(), inner[town.group(0).count("ent"):], after)
        if not found and inner and a.type == "PERSON":
            # "X, planner employed by Y, who works at Z": the relative clause after an apposition
            head, sep, tail = between.rpartition("ent ")
            if sep and _RELATIVE.match(tail) and not any(r.type == "PERSON" for r in inner):  # "who" is the person named last
                found = self._match(a, b, tail, after)
        if not found and a.type == "PERSON" and inner and len(inner) <= 2 and b.type in _WORKPLACES \
                and all(r.type in _WORKPLACES and not r.anaphor for r in inner):
            # "worked at the Trinity Terminal for X", "als kraanmachinist bij X op de Y-terminal werkte": one job
            # names both the employer and the place; the other's phrase is read past
            stripped = _SPACES.sub(" ", _PLACE_PHRASE.sub("", between)).strip()
            if stripped != between and not re.search(r"\bent\b", stripped.replace(" @ ", " ")):
                found = [f for f in self._match(a, b, stripped, after) if f[0] in ("EMPLOYED_BY", "WORKS_AT")]
        if not found and inner and inner[-1].type == b.type:
            # "X is director of A and manager of B": read "manager of" for the pair (X, B)
            head, sep, tail = between.rpartition("ent ")
            if sep and _COORDINATION.match(tail) and (a.type != "PERSON" or _ROLE_HEAD.match(head.lstrip(", "))):
                found = self._match(a, b, _COORDINATION.sub("", tail, count=1))
        if not found and a.type == "PERSON" and inner and all(r.type in _WORKPLACES + ("VESSEL",) for r in inner):
            # "X, a longshoreman at A and a member of B": a second role of the same person, in the singular
            head, sep, tail = between.rpartition("ent ")
            second = _SECOND_ROLE.match(tail) if sep else None
            if second is not None and _ROLE_HEAD.match(head.lstrip(", ")):
                rest = re.sub(r" (?:société|entreprise|firme|company|firm|bedrijf|vennootschap|onderneming)$", " ",
                              tail[second.end():]).rstrip()
                found = [f for f in self._match(a, b, rest) or self._match(a, b, ", " + rest) if f[0] in HELD_ROLES]
        return found

    def _match(self, a: Ref, b: Ref, between: str, after: str = "") -> list[tuple[str, bool, str]]:
        out = []
        candidates = (between + " ", between) if between else ("",)
        tail = f"{between} @ {after}".lstrip()
        for i, rule in enumerate(self.rules):
            if a.type not in rule.first_types() or b.type not in rule.second_types():
                continue
            if rule.tail:
                if rule.regex.fullmatch(tail) and not negated(self.lang, after):
                    out.append((rule.type, rule.reverse, f"{self.lang}:{rule.type}:{i}"))
                continue
            if any(rule.regex.fullmatch(text) for text in candidates):
                out.append((rule.type, rule.reverse, f"{self.lang}:{rule.type}:{i}"))
        return out

    def __call__(self, doc: Doc) -> Doc:
        refs = self._mentions(doc)
        hits: list[RelationHit] = []
        if len(refs) < 2 and not refs:
            doc._.hg_relations = hits
            return doc
        starts = [r.start for r in refs]
        text = doc_text(doc)
        self.coreference.reset()
        self.vessels: list[Ref] = []  # the named vessels of the text so far, for crew named by rank alone
        self.misread: set[tuple[int, int]] = set()
        self.ports: list[Ref] = []  # the named ports and terminals so far, for "at the same terminal"
        last_named: list[Ref] = []  # the persons of the last sentence that named anyone
        bounds = sentence_starts(doc) + [len(doc)]
        for k in range(len(bounds) - 1):
            sent = doc[bounds[k]:bounds[k + 1]]
            s_start, s_end = sent.start_char, sent.end_char
            lo, hi = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
            in_sent = [r for r in refs[lo:hi] if r.end <= s_end]
            in_sent = sorted(in_sent + self.coreference.refs(text, s_start, s_end, in_sent), key=lambda r: (r.start, r.end))
            aged = age_reference(text, s_start, s_end, self.lang, in_sent, last_named)
            if aged is not None:
                in_sent = sorted(in_sent + [aged], key=lambda r: (r.start, r.end))
            plural = plural_reference(text, s_start, s_end, self.lang, in_sent, last_named) if aged is None else None
            if plural is not None:
                in_sent = sorted(in_sent + [plural[0]], key=lambda r: (r.start, r.end))
            for x, y in plural_contacts(text, s_start, s_end, self.lang, in_sent, last_named):
                hits.append(self._hit("CONTACTED", x, y, x, y, s_start, s_end, "rule", 0.6, f"{self.lang}:contact-plural"))
            named = [r for r in in_sent if r.type == "PERSON" and not r.anaphor]
            if named:
                last_named = named
            self.coreference.update(in_sent, text)
            if len(in_sent) >= 2 or ((self.vessels or self.ports) and in_sent):
                found = settle_workplaces(text, self._sentence(doc, sent, in_sent), self.ports)
                # "Judge Ann Ross adjourned. The docker worked at X": a reference is no official's job
                found = [h for h in found if h.type not in HELD_ROLES or not any(
                    OFFICIAL_TITLE.search(text[max(0, ante[0] - 40):ante[0]]) for ante, _r in h.resolved)]
                hits.extend(found if plural is None else _for_each(found, *plural))
            self.ports.extend(r for r in in_sent if r.type == "PORT" and not r.anaphor)
            self.misread |= misread_vessels(text, in_sent, self.lang)
            self.vessels.extend(r for r in in_sent if r.type == "VESSEL" and not r.anaphor
                                and (r.target_start, r.target_end) not in self.misread)
        runs = subject_runs(text, refs, [doc[b].idx for b in bounds[:-1]], self.lang)
        titles = _title_firms(text, hits)
        for members, b_start, b_end, kind in ([(*g, "bullets") for g in bullet_lists(text, refs, self.lang)]
                                              + [(*g, "subjects") for g in runs]):
            for x, i in enumerate(members):
                for j in members[x + 1:]:
                    a, b = refs[i], refs[j]
                    if kind == "subjects" and {(a.start, a.end), (b.start, b.end)} & titles:
                        continue  # "Le gérant de l'EURL X, Paul F., a été placé en garde à vue": X names his role
                    hits.append(self._hit("CO_ACCUSED", a, b, a, b, b_start, b_end, "rule", 0.7,
                                          f"{self.lang}:co-accused-{kind}"))
        doc._.hg_relations = hits
        return doc

    def _sentence(self, doc: Doc, sent, refs: list[Ref]) -> list[RelationHit]:  # type: ignore[no-untyped-def]
        s_start, s_end = sent.start_char, sent.end_char
        text = doc_text(doc)
        out: list[RelationHit] = []
        blocked: set[tuple[int, int]] = set()
        typed_pairs: set[tuple[int, int]] = set()
        for i, a in enumerate(refs):
            for j in range(i + 1, min(len(refs), i + 1 + MAX_PAIR_GAP)):
                b = refs[j]
                if b.start - a.end > MAX_BETWEEN or (a.target_start, a.target_end) == (b.target_start, b.target_end):
                    continue
                between = self._between(doc, a, b, refs[i + 1:j])
                if negated(self.lang, between):
                    blocked.add((i, j))
                    continue
                conf = 0.6 if (a.anaphor or b.anaphor) else 0.8
                after = self._after(doc, b, refs, s_end)
                found = self._typed(a, b, between, refs[i + 1:j], after)
                if found and _NAMED_NEXT.match(between) and NOUN_OF_BEFORE.search(text[max(s_start, a.start - 40):a.start]):
                    found = []  # "the father of X, Y, owned Z": Y is the subject, X names whose father he is
                if any(f[0] == "FAMILY_OF" for f in found) and not self._kin_reaches(text, a, b, refs[i + 1:j]):
                    found = [f for f in found if f[0] != "FAMILY_OF"]
                kin = kin_of(self.lang) if found and a.type == "PERSON" else None
                if kin is not None and _RELATIVE.match(between) and kin.search(text[max(s_start, a.start - 40):a.start]):
                    # "De echtgenote van Dekker, die mede-eigenaar van het bedrijf is": the clause is the wife's
                    found = [f for f in found if f[0] == "FAMILY_OF"]
                for type_, reverse, rule in settle(found, a, b, text):
                    src, tgt = (b, a) if reverse else (a, b)
                    out.append(self._hit(type_, src, tgt, a, b, s_start, s_end, "rule", conf, rule))
                    typed_pairs.add((i, j))
        for type_, src_k, tgt_k in (apposition_relations(text, refs, s_start, s_end, self.lang)
                                    + official_relations(text, refs, s_start, s_end)
                                    + staff_before_name(text, refs, s_start, self.lang)
                                    + roles_at_the_firm(text, refs, s_start, s_end, self.lang)):
            pair = (min(src_k, tgt_k), max(src_k, tgt_k))
            if pair in typed_pairs or pair in blocked:
                continue
            src, tgt = refs[src_k], refs[tgt_k]
            a, b = refs[pair[0]], refs[pair[1]]
            out.append(self._hit(type_, src, tgt, a, b, s_start, s_end, "rule", 0.75, f"{self.lang}:apposition"))
            typed_pairs.add(pair)
        if self.dependency is not None:
            for type_, i, j, reverse in self.dependency.find(doc, sent, refs):
                if (i, j) in typed_pairs or (i, j) in blocked:
                    continue
                a, b = refs[i], refs[j]
                for type2, reverse2, _rule in settle([(type_, reverse, "dep")], a, b, text):
                    src, tgt = (b, a) if reverse2 else (a, b)
                    out.append(self._hit(type2, src, tgt, a, b, s_start, s_end, "dependency", 0.7, "dep"))
                typed_pairs.add((i, j))
            for type_, i, j, rule in role_attachments(doc, refs, typed_pairs, blocked, self.lang):
                a, b = refs[min(i, j)], refs[max(i, j)]
                for type2, reverse2, _rule in settle([(type_, i > j, rule)], a, b, text):
                    src, tgt = (b, a) if reverse2 else (a, b)
                    out.append(self._hit(type2, src, tgt, a, b, s_start, s_end, "dependency", 0.7, rule))
        out = self._co_accused(text, refs, out, typed_pairs, s_start, s_end, doc)
        for frame in (vessel_clauses, port_calls, cargo, voyage, table_rows):
            for type_, src_k, tgt_k, rule in frame(text, refs, typed_pairs, blocked, s_start, s_end, self.lang):
                a, b = refs[min(src_k, tgt_k)], refs[max(src_k, tgt_k)]
                out.append(self._hit(type_, refs[src_k], refs[tgt_k], a, b, s_start, s_end, "rule", 0.6, rule))
        for type_, i, j, rule in port_insiders(text, refs, typed_pairs, blocked, s_start, s_end, self.lang):
            a, b = refs[min(i, j)], refs[max(i, j)]
            out.append(self._hit(type_, refs[i], refs[j], a, b, s_start, s_end, "rule", 0.6, rule))
        for i, k, (r_start, r_end) in crew_relations(text, refs, typed_pairs, s_start, self.lang,
                                                     self.vessels, self.misread):
            person = refs[i]
            ship = refs[k] if k is not None else Ref(r_start, r_end, "VESSEL", self.vessels[-1].target_start,
                                                     self.vessels[-1].target_end, anaphor=True)
            a, b = (person, ship) if person.start <= ship.start else (ship, person)
            out.append(self._hit("WORKS_AT", person, ship, a, b, s_start, s_end, "rule", 0.6, f"{self.lang}:crew-rank"))
            if k is not None:
                typed_pairs.add((min(i, k), max(i, k)))
        ports = [r for r in refs if r.type == "PORT" and not r.anaphor]
        for i, (p_start, p_end) in same_place(text, refs, s_start, s_end, self.lang):
            # named before the person: "X, of Savannah, who works at the same port" is not Savannah's port
            before = [r for r in self.ports + ports if r.end <= min(p_start, refs[i].start)]
            if _TERMINAL_WORD.search(text[p_start:p_end]):  # "at the terminal": the terminal named last, not a port
                before = [r for r in before if TERMINAL_NAME.search(text[r.target_start:r.target_end])]
            last = max(before, key=lambda r: r.end, default=None)
            if last is not None:
                place = Ref(p_start, p_end, "PORT", last.target_start, last.target_end, anaphor=True)
                out.append(self._hit("WORKS_AT", refs[i], place, refs[i], place, s_start, s_end, "rule", 0.6,
                                     f"{self.lang}:same-place"))
        out.extend(self._role_lists(text, refs, typed_pairs, s_start, s_end))
        contacted = {frozenset((h.source, h.target)) for h in out if h.type == "CONTACTED"}
        done = {(i, j) for i, j in typed_pairs if frozenset(((refs[i].target_start, refs[i].target_end),
                                                             (refs[j].target_start, refs[j].target_end))) in contacted}
        for type_, i, j, rule in contact_pairs(text, refs, typed_pairs, s_start, self.lang, done):
            out.append(self._hit(type_, refs[i], refs[j], refs[i], refs[j], s_start, s_end, "rule", 0.7, rule))
        countries = country_names()
        out = [h for h in out if h.type != "CALLED_AT" or text[h.target[0]:h.target[1]] not in countries]
        out = [h for h in out if not _contradicted(text, refs, h, self.lang)]
        real = [k for k, r in enumerate(refs) if not r.anaphor]
        if len(real) <= MAX_COMENTION:
            for x, i in enumerate(real):
                for j in real[x + 1:]:
                    a, b = refs[i], refs[j]
                    if (i, j) in typed_pairs or (i, j) in blocked or text[a.start:a.end] == text[b.start:b.end]:
                        continue
                    out.append(RelationHit("CO_MENTIONED", (a.start, a.end), (b.start, b.end), a.start, b.end,
                                           s_start, s_end, "cooccurrence", 0.3))
        return out

    def _co_accused(self, text: str, refs: list[Ref], out: list[RelationHit], typed: set[tuple[int, int]],
                    s_start: int, s_end: int, doc: Doc | None = None) -> list[RelationHit]:
        """CO_ACCUSED for the lists of people and firms charged together; it replaces ASSOCIATE_OF on a pair."""
        pairs = co_accused_pairs(text, refs, s_start, s_end, self.lang)
        rule = f"{self.lang}:co-accused-list"
        if not pairs and self.dependency is not None and doc is not None:
            pairs = [(min(i, j), max(i, j)) for _t, i, j in self.dependency.group(doc, refs)]
            rule = f"{self.lang}:co-accused-parse"
        if not pairs:
            pairs, rule = charged_people(text, refs, s_start, s_end, self.lang), f"{self.lang}:co-accused-sentence"
        elif rule.endswith("parse"):
            pairs = sorted(set(pairs) | set(charged_people(text, refs, s_start, s_end, self.lang)))
        if charged_sentence(text[s_start:s_end], self.lang) and PLURAL.search(text[s_start:s_end].lower()):
            # "X et son complice Y ont été condamnés": accomplices charged in the same sentence are co-accused
            out = [dataclasses.replace(h, type="CO_ACCUSED", rule=f"{self.lang}:co-accused-accomplice")
                   if h.type == "ASSOCIATE_OF" and {types.get(h.source), types.get(h.target)} <= {"PERSON", "COMPANY"}
                   else h for h in out for types in [{(r.target_start, r.target_end): r.type for r in refs}]]
        if not pairs:
            return out
        spans = set()
        # "the director of X BV, Y, and Z were arrested": X BV names Y's role; it is no member of the list
        titled = {i for i, j in typed if j == i + 1 and refs[i].type in ("COMPANY", "ORGANIZATION")
                  and refs[j].type == "PERSON" and _TITLE_GAP.fullmatch(text[refs[i].end:refs[j].start])}
        # "Mark Hale, Swift Freight's managing director, was arrested": the firm after the name is his title
        titled |= {j for i, j in typed if j == i + 1 and refs[j].type in ("COMPANY", "ORGANIZATION")
                   and refs[i].type == "PERSON" and text[refs[i].end:refs[j].start].strip() == ","
                   and text[refs[j].end:refs[j].end + 2] in ("'s", "’s")}
        # "A, 41, crane operator, Harwich Lashing Ltd; B, 38, ...": the employer of a list item is no member of the list
        titled |= {j for i, j in typed if j == i + 1 and refs[j].type in ("COMPANY", "ORGANIZATION")
                   and refs[i].type == "PERSON" and BARE_ROLE_CELL.fullmatch(text[refs[i].end:refs[j].start])}
        for i, j in pairs:
            a, b = refs[i], refs[j]
            if i in titled or j in titled:
                continue
            spans.add(frozenset(((a.target_start, a.target_end), (b.target_start, b.target_end))))
            out.append(self._hit("CO_ACCUSED", a, b, a, b, s_start, s_end, "rule", 0.75, rule))
            typed.add((i, j))
        return [h for h in out if h.type != "ASSOCIATE_OF" or frozenset((h.source, h.target)) not in spans]

    def _role_lists(self, text: str, refs: list[Ref], typed: set[tuple[int, int]], s_start: int,
                    s_end: int) -> list[RelationHit]:
        """Persons listed after "the leaders of X:" / "membres du groupe X :" are MEMBER_OF X."""
        out = []
        for k, org in enumerate(refs):
            if org.type != "ORGANIZATION" or _AUTHORITY.search(text[org.target_start:org.target_end]):
                continue
            before = _SPACES.sub(" ", text[max(s_start, org.start - 40):org.start].lower())
            after = text[org.end:s_end]
            colon = _ROLE_AFTER.match(after.lower())
            if not _ROLE_BEFORE.search(before) or colon is None or negated(self.lang, before):
                continue
            stop = _LIST_END.search(after, colon.end())
            limit = org.end + (stop.start() if stop else len(after))
            for j in range(k + 1, len(refs)):
                person = refs[j]
                if person.start >= limit:
                    break
                if person.type == "PERSON" and not person.anaphor and (k, j) not in typed:
                    typed.add((k, j))
                    out.append(self._hit("MEMBER_OF", person, org, org, person, s_start, s_end, "rule", 0.7,
                                         f"{self.lang}:role-list"))
        return out

    @staticmethod
    def _hit(type_: str, src: Ref, tgt: Ref, a: Ref, b: Ref, s_start: int, s_end: int, method: str,
             conf: float, rule: str) -> RelationHit:
        resolved = tuple(((r.target_start, r.target_end), (r.start, r.end)) for r in (src, tgt) if r.anaphor)
        return RelationHit(type_, (src.target_start, src.target_end), (tgt.target_start, tgt.target_end),
                           min(a.start, b.start), max(a.end, b.end), s_start, s_end, method, conf, rule, resolved)


# a clause with a subject of its own between a person and a possessive: "told police that Ben ... his account"
_CLAUSE_BEFORE = re.compile(r"\b(?:that|que|qu['’]|dat|whether|si)\s+$", re.I)


def _contradicted(text: str, refs: list[Ref], hit: RelationHit, lang: str) -> bool:
    """:func:`nlp.components.contradictions.contradicted`, and a possessive ("his account") given to a person
    when a clause with another person as its subject stands between them ("Tom told police that Ben received
    the money on his account N": whose is open)."""
    if hit.type in HOLDER_TYPES:
        for antecedent, reference in hit.resolved:
            if reference is not None and antecedent[1] <= reference[0] and any(
                    r.type == "PERSON" and not r.anaphor and antecedent[1] <= r.start and r.end <= reference[0]
                    and (r.target_start, r.target_end) != antecedent
                    and _CLAUSE_BEFORE.search(text[max(0, r.start - 12):r.start]) for r in refs):
                return True
        if other_subject_between(text, refs, hit):
            return True  # "A used N1, and B replied from his own phone N2": B's phone
    return contradicted(text, hit, lang)


@Language.factory("havengraph_relations_v1", assigns=["doc._.hg_relations"])
def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(nlp)
