"""``havengraph_vessels_v1``: ship names announced by a cue.

Cues come from ``data/vessel_cues.tsv``: a prefix (``MV Matthew`` -> "Matthew"), a carrier
brand that is part of the name (``MSC Gayane``), a ship-type noun (``the bulk carrier Trudy``,
``le vraquier Trudy``, ``X, a reefer vessel``), boarding words (``aboard the X``, ``à bord du X``,
``aan boord van de X``) or an IMO number right after the name (``Santa Brisa (IMO 9471381)``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from nlp.components.common import NAME_PART, NAME_START, is_name_word, phrase_tokens, trim
from nlp.resources import cues, word_list

CUES = "vessel_cues.tsv"
DETERMINERS = ["the", "a", "an", "le", "la", "l'", "l’", "un", "une", "du", "de", "het", "een", "des"]
_NAME = [dict(NAME_START), dict(NAME_PART, OP="?"), dict(NAME_PART, OP="?"), dict(NAME_PART, OP="?")]
_QUOTE = {"ORTH": {"IN": ['"', "“", "'", "‘", "«", "„"]}, "OP": "?"}


def _lower_tokens(lang: str, phrase: str) -> list[dict[str, object]]:
    return [{"LOWER": tok.lower()} for tok in phrase_tokens(lang, phrase)]


class VesselFinder:
    """Matcher over cue + name token patterns; keeps the name part of every match."""

    def __init__(self, nlp: Language):
        lang = nlp.lang
        self.prefixes = {p.upper() for p in cues(CUES, lang, "prefix")} | {p.title() for p in cues(CUES, lang, "prefix")}
        self.company_words = set(word_list("company_words.txt"))
        self.matcher = Matcher(nlp.vocab)
        det = {"LOWER": {"IN": DETERMINERS}, "OP": "?"}
        comma = {"ORTH": {"IN": [",", ":"]}, "OP": "?"}
        before: list[list[dict[str, object]]] = []
        prefix_tokens = {tuple(phrase_tokens(lang, p.upper())) for p in cues(CUES, lang, "prefix")}
        for toks in prefix_tokens:
            before.append([{"ORTH": t} for t in toks] + [_QUOTE] + _NAME)
        for phrase in cues(CUES, lang, "type"):
            # a ship-type noun in lower case ("the bulk carrier X"), or as a label ("Vessel: X")
            cue = _lower_tokens(lang, phrase)
            before.append([det, *[dict(t, IS_LOWER=True) for t in cue], comma, det, _QUOTE, *_NAME])
            before.append([*cue, {"ORTH": ":"}, _QUOTE, *_NAME])
        for phrase in cues(CUES, lang, "aboard"):
            before.append([*_lower_tokens(lang, phrase), det, _QUOTE, *_NAME])
        self.matcher.add("VESSEL_BEFORE", before, greedy="LONGEST")
        brands = []
        for brand in cues(CUES, lang, "brand"):
            toks = phrase_tokens(lang, brand)
            for variant in ([t.upper() for t in toks], [t.title() for t in toks]):
                brands.append([{"ORTH": t} for t in variant] + _NAME)
        self.matcher.add("VESSEL_BRAND", brands, greedy="LONGEST")
        after = [
            [dict(NAME_START), dict(NAME_PART, OP="{0,3}"), {"ORTH": {"IN": ["(", "["]}, "OP": "?"},
             {"ORTH": {"IN": ["IMO", "OMI"]}}],
        ]
        for phrase in cues(CUES, lang, "type"):
            after.append([dict(NAME_START), dict(NAME_PART, OP="{0,3}"), {"ORTH": ","},
                          {"LOWER": {"IN": DETERMINERS}}, {"IS_PUNCT": False, "OP": "{0,3}"},
                          *_lower_tokens(lang, phrase)])
        self.matcher.add("VESSEL_AFTER", after, greedy="LONGEST")

    def _name_from_end(self, doc: Doc, start: int, end: int) -> Span | None:
        i = end
        while i > start and is_name_word(doc[i - 1]) and doc[i - 1].text not in self.prefixes:
            i -= 1
        return trim(Span(doc, i, end, label="VESSEL")) if i < end else None

    def _name_from_start(self, doc: Doc, start: int, end: int) -> Span | None:
        i = start
        while i < end and is_name_word(doc[i]) and doc[i].text not in ("IMO", "OMI"):
            i += 1
        return trim(Span(doc, start, i, label="VESSEL")) if i > start else None

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            kind = doc.vocab.strings[match_id]
            if kind == "VESSEL_AFTER":
                span = self._name_from_start(doc, start, end)
            elif kind == "VESSEL_BRAND":
                span = trim(Span(doc, start, end, label="VESSEL"))
                if span is not None and span[-1].lower_ in self.company_words:
                    span = None  # "Maersk Line" is the carrier, not a ship
            else:
                span = self._name_from_end(doc, start, end)
            if span is not None and any(t.is_alpha for t in span) and len(span.text) > 1:
                found.append(span)
        doc.spans["hg_vessel"] = found
        return doc


@Language.factory("havengraph_vessels_v1", assigns=["doc.spans"])
def make_vessel_finder(nlp: Language, name: str) -> VesselFinder:
    return VesselFinder(nlp)
