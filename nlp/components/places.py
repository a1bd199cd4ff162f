"""``havengraph_places_v1``: cities, towns and districts (``data/places.tsv.gz``, GeoNames) as LOCATION.

The gazetteer holds the municipalities of Belgium, the Netherlands and Luxembourg down to 1,000
inhabitants (Ekeren, Kapellen, Kallo), the towns of France and Germany from 5,000, of the rest
of Europe from 15,000 and the world's cities from 100,000, with other names of the large ones
("Anvers", "Luik", "Gand"). A capitalised run of words that is one of these names becomes a
``doc.spans["hg_place"]`` span labelled LOCATION, ``kb_id`` its ISO country code, unless:

- a port of the port gazetteer covers it (ports win: ``hg_port``);
- it is part of a longer name: a capitalised word follows ("Milan Kasteleyn", "Kapellen
  Logistics"), or a capitalised name word or surname particle comes before ("Jordy Van Aken",
  "Jan van Buren");
- it is ambiguous and no place cue (``data/place_context.tsv``: "in", "à", "te", "naar", "uit",
  "born in", or a postcode) stands right before it. Ambiguous: a name of
  ``data/place_stoplist.txt`` (words and personal names such as "Mons", "Tours", "Nice", "Best",
  "Goes"), a given name of ``first_names.txt``, a stop word, a name the document also writes in
  lower case, a village under 2,000 inhabitants, or a name opening a sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graph.ids import fold
from nlp.components.common import doc_text, phrase_tokens, sentence_bounds
from nlp.resources import Place, cues, first_names, place_gazetteer, place_stoplist

CONTEXT = "place_context.tsv"
MAX_TOKENS = 7
SMALL = 2000
_PARTICLES = frozenset("van de der den von ten ter le la du di da del el al".split())
_LIST_WORDS = frozenset(", and or et ou en of".split())
_LETTERS = re.compile(r"[-'’]")
_POSTCODE = re.compile(r"^(?:[A-Z]{1,2}-)?\d{4,5}$")


def _title(tok: Token) -> bool:
    text = tok.text
    return len(text) >= 2 and text[0].isupper() and not tok.is_upper and _LETTERS.sub("", text).isalpha()


class PlaceFinder:
    def __init__(self, nlp: Language):
        lang = nlp.lang
        self.places = place_gazetteer()
        self.stop = place_stoplist()
        self.first_names = first_names()
        self.cues = frozenset(tuple(t.lower() for t in phrase_tokens(lang, p)) for p in cues(CONTEXT, lang, "before"))
        self.longest = max((len(c) for c in self.cues), default=1)

    def cued(self, doc: Doc, start: int) -> bool:
        """Whether a place cue or a postcode stands right before ``doc[start]``."""
        if start > 0 and _POSTCODE.match(doc[start - 1].text):
            return True
        prev = tuple(t.lower_ for t in doc[max(0, start - self.longest):start])
        return any(prev[-n:] in self.cues for n in range(1, len(prev) + 1))

    def _longest(self, doc: Doc, i: int) -> tuple[int, Place] | None:
        for j in range(min(len(doc), i + MAX_TOKENS), i, -1):
            last = doc[j - 1]
            if not _title(last) and j > i + 1:
                continue
            span = doc[i:j]
            if "\n" in span.text:
                continue
            place = self.places.get(fold(span.text))
            if place is not None:
                return j, place
        return None

    def _in_longer_name(self, doc: Doc, start: int, end: int) -> bool:
        if end < len(doc):
            nxt = doc[end]
            if doc[end - 1].whitespace_ and (_title(nxt) or (nxt.is_upper and nxt.is_alpha and len(nxt) > 1)) \
                    and not nxt.is_stop:
                return True  # "Milan Kasteleyn", "Kapellen Logistics"
            if not doc[end - 1].whitespace_ and nxt.text == "-" and end + 1 < len(doc) and _title(doc[end + 1]):
                return True  # "Rotterdam-Zuid" is a district name of its own
        if start == 0:
            return False
        prev = doc[start - 1]
        s_start = sentence_bounds(doc[start])[0]
        if prev.lower_ in _PARTICLES:
            before = doc[start - 2] if start >= 2 else None
            return prev.text[0].isupper() or (before is not None and before.i > s_start and (
                _title(before) or (before.is_upper and before.is_alpha)))  # "JIRS de Lille", "Jan van Buren"
        return (_title(prev) and prev.i > s_start and not prev.is_stop) or prev.text in ("'s", "’s")

    def _common_word(self, doc: Doc, text: str) -> bool:
        return re.search(r"(?<!\w)" + re.escape(text.lower()) + r"(?!\w)", doc_text(doc)) is not None

    def ambiguous(self, doc: Doc, start: int, end: int, place: Place) -> bool:
        """Whether the name ``doc[start:end]`` needs a place cue to be read as a place."""
        text = doc[start:end].text
        return (fold(text) in self.stop or text in self.first_names or (end - start == 1 and doc[start].is_stop)
                or place.population < SMALL or sentence_bounds(doc[start])[0] == start
                or self._common_word(doc, text))

    def __call__(self, doc: Doc) -> Doc:
        ports = set()
        for span in doc.spans.get("hg_port", []):
            ports.update(range(span.start, span.end))
        found: list[Span] = []
        cued: set[int] = set()
        i = 0
        while i < len(doc):
            if i in ports or not _title(doc[i]):
                i += 1
                continue
            hit = self._longest(doc, i)
            if hit is None:
                i += 1
                continue
            end, place = hit
            if not ports.intersection(range(i, end)) and not self._in_longer_name(doc, i, end):
                listed = i >= 2 and doc[i - 1].lower_ in _LIST_WORDS and any(
                    f.end == i - 1 and f.start in cued for f in found[-1:])  # "in Best en Goes"
                if listed or self.cued(doc, i):
                    cued.add(i)
                if i in cued or not self.ambiguous(doc, i, end, place):
                    found.append(Span(doc, i, end, label="LOCATION", kb_id=place.country))
            i = end
        doc.spans["hg_place"] = found
        doc.user_data["hg_place_cued"] = cued  # read by the merger: a cued place beats a rule-made name
        return doc


@Language.factory("havengraph_places_v1", assigns=["doc.spans"])
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(nlp)
