"""``havengraph_entities_v1``: one typed, non-overlapping list of entity mentions per doc.

Candidates come from the rule components and from the statistical NER (when the pipeline has
one). Each candidate has a priority: a rule that is sure of itself (a vessel cue, a legal form,
the port gazetteer) beats the model; among equals the longer span wins. The model's labels are
mapped through the schema (``graph/schema.yaml``: ORG -> organisation types, GPE/LOC/FAC ->
LOCATION, PERSON/PER -> PERSON); an ORG is typed COMPANY or ORGANIZATION by
:func:`classify_org`. Names found once by a sure rule are then propagated to their other
occurrences in the doc ("the Matthew" after "MV Matthew"; "Peeters" after "Jan Peeters").

Noise control: model spans in ALL-CAPS lines are kept only when a rule confirms their type, and
spans without letters, over ten tokens or across a line break are dropped.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from graph.ids import fold
from graph.schema import SCHEMA
from nlp.components.common import doc_text, line_is_upper, sentence_bounds, trim
from nlp.components.entity_candidates import extra_candidates
from nlp.components.entity_fixes import aged_names, finish
from nlp.components.organizations import FORMS_BEFORE, classify_org
from nlp.components.person_forms import surname_mentions, titled_names
from nlp.resources import country_names, first_names, place_gazetteer, port_gazetteer, word_list


def _legal_forms() -> frozenset[str]:
    return frozenset(word_list("legal_forms.txt"))

EXTRACT_TYPES = frozenset(SCHEMA.extract_types)
_MODEL_LABELS = {label: type_ for label, type_ in SCHEMA.spacy_label_map().items() if label != "NORP"}
MAX_TOKENS = 10

# priorities of candidate sources
P_AGENCY, P_COUNTRY, P_PLACE_CUED, P_PLACE, P_FIRST_NAME = 82, 50, 62, 52, 63
P_IDENTIFIER, P_VESSEL, P_LEGAL, P_ORG_AROUND_PORT, P_PORT, P_PROPAGATED, P_ORG_RULE = 100, 90, 85, 80, 75, 72, 70
P_PERSON_RULE, P_SURNAME, P_MODEL_PERSON, P_MODEL_SURE, P_MODEL = 60, 58, 55, 45, 40
_PERSON_OVER_PLACE = 76  # a given name and then a town's name: the person beats the port gazetteer (75)
P_VESSEL_AGAIN = P_AGENCY + 1  # a ship named again: above the agency reading, below a legal form
P_TITLED = 56  # just above the model's own person spans ("juge d'instruction Hortense" + "Lagarde")


_PARTICLES = frozenset("el al van de der den ten ter le la du da di von ben bin abou abu".split())
_SUFFIXES = frozenset("Jr Sr II III IV Junior Senior Jnr Snr".split())  # after the surname, without their dot
_GENERATIONS = frozenset("Senior Junior Jnr Snr Jr Sr Jr. Sr.".split())


def _with_generation(span: Span) -> Span:
    """"Christopher Kinahan" + "Senior" -> one name."""
    doc = span.doc
    if span.label_ == "PERSON" and span.end < len(doc) and doc[span.end].text in _GENERATIONS:
        return Span(doc, span.start, span.end + 1, label="PERSON")
    return span


_NOT_NAMES = frozenset("""IBAN VAT TVA BTW IMO MMSI LEI EUR USD GBP EC EU I II III IV NACE NACE-BEL KBO BCE SIM GSM IMEI
    IMSI SMS MMS PIN PUK GPS AIS VHF ETA ETD ATA ATD TEU FEU CCTV USB PDF ID TV ATM PC""".split())
_SEPARATORS = frozenset(["-", "—", "–", "|", ":"])


def _after_separator(span: Span) -> Span | None:
    """The part of a header span after its last dash ("PRESS STATEMENT - Joint Task Force")."""
    cut = None
    for tok in span:
        if tok.text in _SEPARATORS and tok.whitespace_ and tok.i > span.start:
            cut = tok.i + 1
    if cut is None:
        return span
    return Span(span.doc, cut, span.end, label=span.label) if cut < span.end else None


def _ok(span: Span) -> bool:
    text = span.text
    return (len(span) <= MAX_TOKENS and "\n" not in text and len(text.strip()) >= 2
            and any(c.isalpha() for c in text))


def _is_record_key(doc: Doc, span: Span) -> bool:
    """Whether ``span`` is the label of a "Key: value" line ("Berth: quay 1742")."""
    text = doc_text(doc)
    after = text[span.end_char:span.end_char + 2]
    return after.lstrip(" ")[:1] == ":" and text[text.rfind("\n", 0, span.start_char) + 1:span.start_char].strip(" -•*\t") == ""


def _common_word(doc: Doc, word: str) -> bool:
    """Whether ``word`` also occurs in lower case in the doc (so it is a word, not a name)."""
    lower = word.lower()
    return lower != word and re.search(r"(?<!\w)" + re.escape(lower) + r"(?!\w)", doc_text(doc)) is not None


def _not_bare_form(span: Span) -> bool:
    """A firm name is more than a legal form or a number ("KG", "52.241 Cargo")."""
    if span.label_ != "COMPANY":
        return True
    # the first character, not the token: "Trans-Normandie" is one token with a hyphen
    return span[0].text[:1].isalpha() and not (len(span) == 1 and classify_org(span.text) == ("COMPANY", True)
                                     and span.text in _legal_forms())


class EntityMerger:
    def __init__(self, nlp: Language, default_org_type: str):
        self.default_org_type = default_org_type
        self.first_names = first_names()
        self.gazetteer = port_gazetteer()
        self.countries = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.countries.add("LOCATION", list(nlp.tokenizer.pipe(country_names())))

    def _model_candidates(self, doc: Doc) -> list[tuple[int, Span]]:
        out: list[tuple[int, Span]] = []
        places = {(s.start, s.end) for s in doc.spans.get("hg_place", [])}
        for ent in doc.ents:
            mapped = _MODEL_LABELS.get(ent.label_)
            if mapped is None or not _ok(ent):
                continue
            ent = _after_separator(ent)
            if ent is None or (len(ent) == 1 and (ent[0].is_lower or ent.text.upper() in _NOT_NAMES)):
                continue  # "customs", "IBAN", "EUR": words, not names
            sure = False
            if mapped in ("PERSON", "COMPANY", "ORGANIZATION") and (ent.start, ent.end) in places:
                mapped = "LOCATION"  # a town alone, read as a name or a firm ("Ekeren", "Sint-Niklaas")
            elif mapped in ("COMPANY", "ORGANIZATION") and self.gazetteer.lookup(ent.text) and len(ent) <= 3:
                mapped = "LOCATION"  # a place the model read as an organisation ("Vlaardingen")
            elif mapped in ("COMPANY", "ORGANIZATION"):
                type_, sure = classify_org(ent.text)
                mapped = type_ or self.default_org_type
                words = [t for t in ent if t.text != "-"]  # "Jean-Baptiste Toussaint": two words, four tokens
                if (type_ is None and ent[0].text in self.first_names and len(words) <= 3
                        and all(t.is_title for t in words)):
                    mapped = "PERSON"  # "Esteban", "Raffaele Imperiale" read as a firm by the model
            elif mapped == "PERSON":
                sure = ent[0].text in self.first_names
            if line_is_upper(doc, ent[0]) and not sure:
                continue
            if _is_record_key(doc, ent):
                continue
            if not sure and any(t.is_digit and len(t) >= 4 for t in ent):
                continue  # "PAS 418833": a badge or file number
            if mapped == "LOCATION" and self._heading_word(doc, ent):
                continue  # "Saisie record de cocaïne ...": a headline's first word, no place
            if len(ent) == 1 and not sure and _common_word(doc, ent.text):
                continue  # "Seizure" at the head of a line, while "seizure" runs through the text
            if ent[0].is_lower and not (sure and mapped == "ORGANIZATION"):
                continue
            span = trim(Span(doc, ent.start, ent.end, label=mapped))
            if span is None:
                continue
            prio = P_MODEL_PERSON if mapped == "PERSON" else P_MODEL_SURE if sure else P_MODEL
            if mapped == "PERSON" and self._named_after_place(span, self._places(doc), model=True):
                prio = _PERSON_OVER_PLACE  # "Corey Houston, 38,": the model's whole name against the port list

            out.append((prio, span))
        return out

    def _rule_candidates(self, doc: Doc) -> list[tuple[int, Span]]:
        out: list[tuple[int, Span]] = []
        groups = doc.spans
        out.extend((P_VESSEL, s) for s in groups.get("hg_vessel", []) if _ok(s))
        out.extend((P_PORT, s) for s in groups.get("hg_port", []))
        for span in groups.get("hg_org", []):
            if _ok(span):
                legal = span.label_ == "COMPANY" and classify_org(span[-1].text)[0] == "COMPANY" and len(span) > 1
                # "la SA Antwerp Fresh Trading": a legal form written before the name beats the port inside it
                around = not legal and span.label_ == "COMPANY" and len(span) > 1 and span.start > 1 \
                    and doc[span.start - 1].text in FORMS_BEFORE and doc[span.start - 2].is_lower \
                    and any(span.start <= p.start and p.end <= span.end for p in groups.get("hg_port", []))
                out.append((P_LEGAL if legal else P_ORG_AROUND_PORT if around else P_ORG_RULE, span))
        places = self._places(doc)
        out.extend((_PERSON_OVER_PLACE if self._named_after_place(s, places) else P_PERSON_RULE, s)
                   for s in groups.get("hg_person", []) if _ok(s))
        out.extend((P_AGENCY, s) for s in groups.get("hg_agency", []) if _ok(s))
        # a country's name inside a US state's ("Jersey" of "New Jersey") is not that country
        states = set(word_list("us_states.txt"))
        wider = [(e.start, e.end) for e in doc.ents if e.label_ in ("GPE", "LOC") and e.text in states]
        out.extend((P_COUNTRY, Span(doc, start, end, label="LOCATION")) for _, start, end in self.countries(doc)
                   if not any(a <= start and end <= b and (a, b) != (start, end) for a, b in wider))
        cued = doc.user_data.get("hg_place_cued", set())
        out.extend((P_PLACE_CUED if s.start in cued else P_PLACE, s) for s in groups.get("hg_place", []))
        return out

    def _heading_word(self, doc: Doc, ent: Span) -> bool:
        """Whether a one-word place of the model opens its sentence before a lower-case word and no
        gazetteer knows it: the capital of a headline ("Saisie de 2 tonnes"), not a town."""
        word = ent[0]
        return (len(ent) == 1 and sentence_bounds(word)[0] == word.i and ent.end < len(doc) and doc[ent.end].is_lower
                and fold(word.text) not in place_gazetteer() and self.gazetteer.lookup(word.text) is None
                and word.text not in country_names())

    @staticmethod
    def _places(doc: Doc) -> list[Span]:
        return [s for name in ("hg_port", "hg_place") for s in doc.spans.get(name, [])]

    def _named_after_place(self, span: Span, places: list[Span], model: bool = False) -> bool:
        """Whether a person's name (given name first) ends on a town's name: "Tyler Houston", "Kyle Chester".

        The given name is the sure part: a place that covers only the surname is the person's name,
        unless the place also takes in the given name ("Charlotte Amalie"). A name the model found
        (``model``) needs a given name that is no place or title of its own and capitalised words only.
        """
        if len(span) < 2:
            return False
        if span[0].text not in self.first_names and not (
                model and all(t.is_title and t.is_alpha for t in span) and fold(span[0].text) not in place_gazetteer()
                and self.gazetteer.lookup(span[0].text) is None and span[0].text not in country_names()):
            return False
        return any(span.start < p.start and p.end == span.end for p in places)

    @staticmethod
    def _select(cands: list[tuple[int, Span]], n_tokens: int) -> list[Span]:
        taken = bytearray(n_tokens)
        chosen: list[Span] = []
        for _prio, span in sorted(cands, key=lambda c: (-c[0], -(c[1].end - c[1].start), c[1].start)):
            if any(taken[span.start:span.end]):
                continue
            taken[span.start:span.end] = b"\x01" * (span.end - span.start)
            chosen.append(span)
        chosen.sort(key=lambda s: s.start)
        return chosen

    def _orgs_around_ports(self, doc: Doc, cands: list[tuple[int, Span]]) -> list[tuple[int, Span]]:
        """Model ORG spans that hold a port name and an organisation word ("Hamburg Customs Office")."""
        ports = [s for p, s in cands if p == P_PORT]
        out = []
        for prio, span in cands:
            if prio in (P_MODEL_SURE,) and span.label_ == "ORGANIZATION":
                if any(span.start <= p.start and p.end <= span.end and len(p) < len(span) for p in ports):
                    out.append((P_ORG_AROUND_PORT, span))
        return out

    def _firm_word(self, doc: Doc, span: Span, person_words: set[str]) -> str | None:
        """The distinctive first word of a firm's name ("Blauwhoeve" of "Blauwhoeve Logistics BV"), if any."""
        first = span[0]
        text = first.text
        if (len(span) < 2 or not first.is_title or not first.is_alpha or len(text) < 5 or first.is_stop
                or text in self.first_names or text in person_words or classify_org(text)[0] is not None
                or self.gazetteer.lookup(text) or text in country_names() or fold(text) in place_gazetteer()
                or _common_word(doc, text)):
            return None
        return text

    def _propagate(self, doc: Doc, chosen: list[Span]) -> list[tuple[int, Span]]:
        names: dict[str, tuple[int, str]] = {}
        person_words = {t.text for s in chosen if s.label_ == "PERSON" and len(s) >= 2 for t in s}
        for span in chosen:
            if span.label_ == "COMPANY":
                word = self._firm_word(doc, span, person_words)
                if word is not None:
                    names.setdefault(word, (P_SURNAME, "COMPANY"))
            elif span.label_ == "PERSON" and len(span) >= 2 and span[0].text in self.first_names:
                names.setdefault(span[0].text, (P_FIRST_NAME, "PERSON"))  # "Milan" after "Milan Kasteleyn"
        for span in chosen:
            label, text = span.label_, span.text
            if label == "VESSEL":  # a ship's name read again is the ship, not a body ("a crew member of the X")
                names.setdefault(text, (P_VESSEL_AGAIN, label))
                names.setdefault(text.upper(), (P_VESSEL_AGAIN, label))
            elif label == "COMPANY" and len(span) >= 2:
                names.setdefault(text, (P_PROPAGATED, label))
                short = span[:-1] if classify_org(span[-1].text)[0] == "COMPANY" and len(span) >= 3 else None
                if short is not None and not short[-1].is_punct:
                    names.setdefault(short.text, (P_PROPAGATED, label))
            elif label == "PERSON" and len(span) >= 2:
                names.setdefault(text, (P_PROPAGATED, label))
                if len(span) >= 3 and span[1].lower_ in _PARTICLES:
                    names.setdefault(span[1:].text, (P_SURNAME, label))  # "El Amrani" of "Karim El Amrani"
                paternal = span[1] if len(span) >= 3 and span[0].text in self.first_names else None
                if (paternal is not None and paternal.is_title and len(paternal.text) >= 3 and paternal.is_alpha
                        and paternal.text not in self.first_names and not paternal.is_stop
                        and span[2].is_title and span[-1].text not in _GENERATIONS):
                    names.setdefault(paternal.text, (P_SURNAME, label))  # "Quiñones" of "Andrés Quiñones Vélez"
                    if len(span) == 3 and span[2].is_alpha and span[2].text not in self.first_names:
                        names.setdefault(span[1:].text, (P_SURNAME, label))  # "Quiñones Vélez": both surnames at once
                hyphen = span.end + 1 < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_ \
                    and not doc[span.end].whitespace_ and doc[span.end + 1].is_title  # "Miguel Sánchez" + "-Ortiz"
                whole = Span(doc, span.start, span.end + 2) if hyphen else span
                if (len(whole) >= 4 and whole[-2].text == "-" and not whole[-3].whitespace_ and not whole[-2].whitespace_
                        and whole[-3].is_title and whole[-1].is_title):
                    names.setdefault(whole[-3:].text, (P_SURNAME, label))  # "Sánchez-Ortiz" of "Miguel Sánchez-Ortiz"
                core = span[:-1] if len(span) >= 3 and span[-1].text.rstrip(".") in _SUFFIXES else span
                last = core[-1]  # "Castellano" of "Raymond Castellano Jr."
                if (last.is_title and len(last.text) >= 3 and last.text not in self.first_names and not last.is_stop
                        and self.gazetteer.lookup(last.text) is None):
                    names.setdefault(last.text, (P_SURNAME, label))
        if not names:
            return []
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                             + r")(?!\w)")
        out = []
        for match in pattern.finditer(doc_text(doc)):
            span = doc.char_span(match.start(), match.end())
            if span is None:
                continue
            prio, label = names[match.group(0)]
            if prio == P_SURNAME and label == "COMPANY" and sentence_bounds(span[0])[0] == span.start \
                    and doc.has_annotation("POS") and span[0].pos_ != "PROPN":
                continue  # a firm's first word opening a sentence may be an ordinary word ("Global")
            out.append((prio, Span(doc, span.start, span.end, label=label)))
        return out

    @staticmethod
    def _identifier_blocks(doc: Doc) -> list[tuple[int, Span]]:
        """Identifier spans reserve their tokens, so no entity is cut out of an e-mail or a number."""
        out = []
        for hit in doc._.hg_identifiers or []:
            span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is not None:
                out.append((P_IDENTIFIER, Span(doc, span.start, span.end, label="IDENTIFIER")))
        return out

    def __call__(self, doc: Doc) -> Doc:
        cands = (self._identifier_blocks(doc) + self._rule_candidates(doc) + self._model_candidates(doc)
                 + extra_candidates(doc) + [(P_TITLED, s) for s in titled_names(doc)])
        cands += self._orgs_around_ports(doc, cands)
        chosen = self._select(cands, len(doc))
        aged = aged_names(doc, chosen)
        before = {(s.start, s.end, s.label_) for s in chosen}
        cands += [(_PERSON_OVER_PLACE, s) for s in aged if (s.start, s.end, s.label_) not in before]  # beat the towns
        chosen = aged
        cands += self._propagate(doc, chosen)
        cands += [(P_PROPAGATED if full else P_SURNAME, s) for full, s in surname_mentions(doc, chosen, self.gazetteer)]
        chosen = self._select(cands, len(doc))
        chosen = [_with_generation(s) for s in chosen if s.label_ in EXTRACT_TYPES and _not_bare_form(s)]
        doc.spans["hg_entities"] = finish(doc, chosen)
        return doc


@Language.factory("havengraph_entities_v1", default_config={"default_org_type": "ORGANIZATION"},
                  assigns=["doc.spans"])
def make_entity_merger(nlp: Language, name: str, default_org_type: str) -> EntityMerger:
    return EntityMerger(nlp, default_org_type)
