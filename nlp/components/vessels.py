"""``havengraph_vessels_v1``: ship names announced by a cue.

Cues come from ``data/vessel_cues.tsv``: a prefix (``MV Matthew`` -> "Matthew"), a carrier
brand that is part of the name (``MSC Gayane``), a ship-type noun (``the bulk carrier Trudy``,
``le vraquier Trudy``, ``X, a reefer vessel``), boarding words (``aboard the X``, ``à bord du X``,
``aan boord van de X``) or an IMO number right after the name (``Santa Brisa (IMO 9471381)``).
A name introduced by an article is a ship when a movement follows it (kind ``move``: "the Cala Rosa
made a port call at ...", "the Atlantic Cruiser, inbound from Callao", "the Pacific Trader while it
was moored"); a type noun may name its ship ("a vessel named Cala Rosa") or several ("the vessels
Arctic Tern and Polar Bear").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from nlp.components.common import is_name_word, line_is_upper, sentence_starts, trim
from nlp.components.organizations import classify_org
from nlp.components.vessel_calls import ships_after_calls
from nlp.resources import country_names, cues, first_names, word_list

CUES = "vessel_cues.tsv"
DETERMINERS = frozenset(["the", "a", "an", "le", "la", "l'", "l’", "un", "une", "du", "de", "het", "een", "des"])
QUOTES = frozenset(['"', "“", "'", "‘", "«", "„"])
_CLOSING_QUOTES = frozenset(['"', "”", "'", "’", "»", "“"])
MAX_NAME = 4
NAMING = frozenset(["named", "called", "christened", "dubbed", "nommé", "baptisé", "genaamd", "met de naam"])
_AND = frozenset(["and", "et", "en", ","])
# words that start a clause about the ship named before them: "while it was moored", "lorsqu'il a accosté"
_CLAUSE_WORDS = frozenset("while when after as before until once since alors lorsqu' quand après avant toen nadat terwijl "
                          "voordat zodra".split())
# "the Liberian-flagged X", "the Hamburg-registered X": the flag or home port is no part of the name
_FLAG_WORDS = frozenset(["flagged", "registered"])
# a French flag adjective after a type noun ("panaméen", "libérien", "maltaise", "chypriote", "grec", "belge")
_FLAG_ADJECTIVE = re.compile(r"[a-zéèêëïîôûç]{2,}(?:éen|éenne|ien|ienne|ais|aise|ain|aine|ois|oise|ote|and|ande|ol|ole|ec|ecque"
                             r"|ge|in|ine|ien|ite)s?")
_BOTH_WORDS = frozenset("both all each tous toutes deux les beide allebei allemaal".split())
_SHIP_PRONOUNS = frozenset("it she il elle het ze zij hij".split())
# definite articles that may open a ship's name ("de" in French is a preposition: "en provenance de Kingston")
_SURNAME_ARTICLES = frozenset(["de", "het", "la", "le"])  # "de Vries", "Le Goff": an article that opens surnames
_RELATIVES = frozenset(["that", "which", "qui", "que", "dat", "die"])
_ADVERBS = frozenset("also then later earlier previously already first ook eerder daarna al aussi ensuite déjà".split())
_ARTICLES = {"en": frozenset(["the"]), "fr": frozenset(["le", "la", "l'", "l’"]), "nl": frozenset(["de", "het"])}


def _name_start(tok: Token) -> bool:
    return not (tok.is_lower or tok.is_punct or tok.is_space or tok.is_digit or tok.like_num or tok.is_stop)


def _name_part(tok: Token) -> bool:
    return not (tok.is_lower or tok.is_punct or tok.is_space or not any(c.isalnum() for c in tok.text))


_CELL_SPLIT = re.compile(r"\s*\|\s*|\t+|\s{2,}")


def table_cells(line: str) -> list[tuple[int, int]]:
    """Character ranges (within ``line``) of the cells of a table row: cells are split by "|", tabs or two spaces."""
    cells, pos = [], 0
    for sep in _CELL_SPLIT.finditer(line):
        if sep.start() > pos:
            cells.append((pos, sep.start()))
        pos = sep.end()
    if pos < len(line.rstrip()):
        cells.append((pos, len(line.rstrip())))
    return cells


class VesselFinder:
    """Cue phrases are found with phrase matchers; the name next to each cue is read in Python."""

    def __init__(self, nlp: Language):
        lang = nlp.lang
        self.company_words = frozenset(word_list("company_words.txt"))
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind in ("prefix", "brand"):
            phrases = cues(CUES, lang, kind)
            variants = {p.upper() for p in phrases} | ({p.title() for p in phrases} if kind == "brand" else set())
            self.exact.add(kind.upper(), list(nlp.tokenizer.pipe(sorted(variants))))
        self.exact.add("IMO", [nlp.make_doc("IMO"), nlp.make_doc("OMI")])
        for kind in ("type", "aboard", "plural", "operated", "carried"):
            self.lower.add(kind.upper(), list(nlp.tokenizer.pipe(sorted(cues(CUES, lang, kind)))))
        self.moves = [tuple(t.lower_ for t in nlp.make_doc(p)) for p in cues(CUES, lang, "move")]
        self.berths = [tuple(t.lower_ for t in nlp.make_doc(p)) for p in cues(CUES, lang, "berth")]
        self.first_names = first_names()
        self.articles = _ARTICLES.get(lang, frozenset())
        self.not_last = frozenset(cues(CUES, lang, "not_last"))
        self.ship_ends = frozenset(cues(CUES, lang, "ship_end"))
        self.headings = frozenset(cues(CUES, lang, "heading"))
        self.type_words = {t.lower_ for p in cues(CUES, lang, "type") for t in nlp.make_doc(p)}
        self.prefix_words = {t.text for p in cues(CUES, lang, "prefix") for t in nlp.make_doc(p.upper())}

    def _name_after(self, doc: Doc, i: int, include_from: int | None = None) -> Span | None:
        """The name (up to four words) that starts at token ``i``; ``include_from`` keeps a brand."""
        n = len(doc)
        if i < n and doc[i].text in QUOTES:
            i += 1
        if i < n and doc[i].text in self.prefix_words:
            i += 1  # "aboard the MV Ocean Star"
        if i >= n or not _name_start(doc[i]):
            return None
        end = i + 1
        # the text's own sentence starts: the French parser may start a sentence inside "Marisol Express"
        starts = set(sentence_starts(doc))
        while end < n and end - i < MAX_NAME and _name_part(doc[end]) and end not in starts:
            end += 1
        return trim(Span(doc, include_from if include_from is not None else i, end, label="VESSEL"))

    def _name_before(self, doc: Doc, end: int) -> Span | None:
        """The run of name words (at most four) that ends at token ``end``."""
        i = end
        while i > 0 and end - i < MAX_NAME and is_name_word(doc[i - 1]) and doc[i - 1].text not in self.prefix_words:
            i -= 1
            if doc[i].is_sent_start:
                break
        return trim(Span(doc, i, end, label="VESSEL")) if i < end else None

    def _after_type(self, doc: Doc, cue: int) -> Span | None:
        """"Trudy, a Liberian-flagged bulk carrier": name, comma, determiner, up to 3 words, type noun."""
        for k in range(cue - 1, max(-1, cue - 6), -1):
            tok = doc[k]
            if tok.lower_ in DETERMINERS:
                if k > 1 and doc[k - 1].text == ",":
                    return self._name_before(doc, k - 1)
                return None
            if tok.is_punct and tok.text != "-":
                return None
        return None

    def _skip(self, doc: Doc, i: int, label: bool) -> int:
        """Past an optional comma or colon (after a type noun) and a determiner."""
        n = len(doc)
        while i < n and label and (doc[i].text in (",", ":") or set(doc[i].text) == {"."}):
            i += 1  # "Vessel: X", "VESSEL ........ X"
        if i < n and doc[i].lower_ in DETERMINERS:
            i += 1
        if i < n and doc[i].lower_ in NAMING:
            i += 1  # "a vessel named Cala Rosa"
        return i

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        strings = doc.vocab.strings
        for match_id, start, end in self.exact(doc) + self.lower(doc):
            kind = strings[match_id]
            span: Span | None = None
            if kind == "PREFIX":
                span = self._name_after(doc, end)
            elif kind == "BRAND":
                span = self._name_after(doc, end, include_from=start)
                if span is not None and (len(span) < 2 or span[-1].lower_ in self.company_words):
                    span = None  # "Maersk Line" is the carrier, not a ship
            elif kind == "IMO" and not line_is_upper(doc, doc[start]):
                span = self._name_before(doc, start - 1 if start > 0 and doc[start - 1].text in ("(", "[") else start)
            elif kind == "ABOARD":
                span = self._name_after(doc, self._skip(doc, end, label=False))
                if span is not None and span.end + 1 < len(doc) and doc[span.end].text == "-" \
                        and doc[span.end + 1].lower_ in _FLAG_WORDS:
                    span = None  # "boarded the Panama-flagged bulk carrier X": the flag, the name comes later
                elif span is not None and span.end < len(doc) and doc[span.end].lower_ in self.type_words:
                    span = None  # "aan boord van de Liberiaanse bulkcarrier X": a flag adjective before the type noun
            elif kind == "CARRIED":
                span = self._name_after(doc, self._skip(doc, end, label=False))
                if span is not None and (span[0].i != end or not self._plausible(span, sure=True)
                                         or span[0].text in self.first_names):
                    span = None  # "shipped on the Monday", "carried by the Port Authority": no ship
            elif kind == "OPERATED":
                span = self._name_after(doc, end)
                after = doc[span.end] if span is not None and span.end < len(doc) else None
                if not self._plausible(span) or (after is not None and after.is_lower and after.pos_ in ("NOUN", "PROPN")):
                    span = None  # "operates the Antwerp Gateway terminal": a name that runs on into a noun
            elif kind == "PLURAL" and doc[start].is_lower:
                found.extend(self._listed(doc, self._skip(doc, end, label=False)))
            elif kind == "TYPE":
                flagged = self._after_flag(doc, end) if doc[start].is_lower else None
                if flagged is not None:
                    found.append(flagged)  # "le vraquier panaméen Orion Bay", "battant pavillon libérien X"
                    continue
                nxt = doc[end] if end < len(doc) else None
                if nxt is not None and (nxt.lower_ in ("'s", "’s") or (nxt.is_lower and nxt.pos_ == "NOUN")):
                    continue  # "the ship's cook", "a tugboat deckhand": the type noun qualifies a person
                is_label = nxt is not None and (nxt.text == ":" or set(nxt.text) == {"."})
                acronym = end - start > 1 and doc[start].is_upper and len(doc[start]) <= 3  # "the LNG carrier X"
                if doc[start].is_lower or is_label or acronym:
                    span = self._name_after(doc, self._skip(doc, end, label=True))
                    named = span is not None and span[0].i > 0 and doc[span[0].i - 1].lower_ in NAMING
                    if span is not None and nxt is not None and nxt.text == "," and not named and (
                            not self._plausible(span) or (len(span) > 1 and span[0].text in first_names())):
                        span = None  # "le commandant du navire, Stavros K.": the name after the comma is a person
                if span is None and doc[start].is_lower and not line_is_upper(doc, doc[start]):
                    span = self._after_type(doc, start)
            if span is not None and any(t.is_alpha for t in span) and len(span.text) > 1:
                found.append(span)
        for tok in doc[2:-1]:
            # "the Liberian-flagged Nordic Star": a flag adjective before the name (a type noun is read above)
            if tok.lower_ in _FLAG_WORDS and doc[tok.i - 1].text == "-" and doc[tok.i - 2].is_title:
                span = self._name_after(doc, tok.i + 1)
                if span is not None and not any(t.lower_ in self.type_words for t in span) and any(
                        t.is_alpha for t in span):
                    found.append(span)
        found.extend(self._moving(doc))
        found.extend(self._table_column(doc))
        found.extend(ships_after_calls(self, doc, doc.text))
        doc.spans["hg_vessel"] = found
        return doc

    def _after_flag(self, doc: Doc, i: int) -> Span | None:
        """The name after a French type noun and its flag: "le vraquier panaméen Orion Bay", "le porte-conteneurs
        battant pavillon libérien Stella Nova", "le chalutier espagnol Virgen del Mar"."""
        if doc.lang_ != "fr":
            return None
        n, k = len(doc), i
        if k + 1 < n and doc[k].lower_ in ("battant", "sous") and doc[k + 1].lower_ == "pavillon":
            k += 2
        if k >= n or not _FLAG_ADJECTIVE.fullmatch(doc[k].lower_):
            return None
        span = self._name_after(doc, k + 1)
        if span is None or span[0].i != k + 1 or span[0].text in self.first_names or not self._plausible(span, sure=True):
            return None
        return span

    def _table_column(self, doc: Doc) -> list[Span]:
        """The cells under a "Vessel" / "Navire" / "Schip" column heading of a table, down to the first line
        that has fewer cells (a blank line, a sentence)."""
        text = doc.text
        out: list[Span] = []
        column: int | None = None
        width = 0
        offset = 0
        for line in text.split("\n"):
            cells = table_cells(line)
            words = [line[a:b].strip().lower() for a, b in cells]
            if len(cells) >= 3 and any(w in self.headings for w in words):  # a key "Vessel   X" line is no heading
                column, width = next(i for i, w in enumerate(words) if w in self.headings), len(cells)
            elif column is not None and len(cells) >= width:
                a, b = cells[column]
                span = doc.char_span(offset + a, offset + b, label="VESSEL", alignment_mode="contract")
                if span is not None and len(span) and span[0].is_title and self._plausible(span, sure=True):
                    out.append(span)
            else:
                column = None
            offset += len(line) + 1
        return out

    def _plausible(self, span: Span | None, sure: bool = False) -> bool:
        """A name that is no firm, public body, country or generic capitalised noun of its own."""
        if span is None or not any(t.is_alpha for t in span) or len(span.text) <= 1:
            return False
        if span[-1].lower_ in self.company_words or span[-1].lower_ in self.not_last or span.text in country_names():
            return False
        if not sure and any(t.ent_type_ in ("PERSON", "PER") for t in span):
            return False  # the statistical model reads a person there ("Dean Fox docked his boat")
        return classify_org(span.text)[0] is None

    def _listed(self, doc: Doc, i: int) -> list[Span]:
        """The names after a plural type noun: "the vessels Arctic Tern and Polar Bear"."""
        out: list[Span] = []
        while i < len(doc):
            span = self._name_after(doc, i)
            if not self._plausible(span):
                break
            assert span is not None
            out.append(span)
            i = span.end
            if i < len(doc) and doc[i].lower_ in _AND:
                i += 1 + (i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in _AND)
                continue
            break
        return out

    def _moving(self, doc: Doc) -> list[Span]:
        """Names after an article that a movement phrase follows: right after the name, after a comma
        ("the X, inbound from Y"), or in a clause whose subject is "it"/"she" ("the X while it was moored");
        and names after an article that end in a word of ship names ("sur le Bonita Reefer")."""
        out = []
        for tok in doc[:-2]:
            if tok.lower_ not in self.articles:
                continue
            quoted = doc[tok.i + 1].text in QUOTES
            span = self._name_after(doc, tok.i + 1)
            if span is None or len(span) < 2 and (not span[0].is_title or tok.lower_ in _SURNAME_ARTICLES) \
                    or span[0].i != tok.i + 1 + quoted:
                continue  # "de Vries voer ...": a Dutch surname, not the ship "Vries"
            k = span.end
            if quoted and k < len(doc) and doc[k].text in _CLOSING_QUOTES:
                k += 1  # 'the "Ocean Pearl" sailed from ...'
            pair = self._moving_pair(doc, span, k)
            if pair:
                out.extend(pair)
                continue
            if k < len(doc) and doc[k].text == ",":
                k += 1
            elif k + 1 < len(doc) and doc[k].lower_ in _CLAUSE_WORDS and doc[k + 1].lower_ in _SHIP_PRONOUNS:
                k += 2
            words = [t.lower_ for t in doc[k:k + 8]]
            if k > span.end and words[:1] and words[0] in _RELATIVES:
                # "the X, which had also called at Y": adverbs between the relative clause's auxiliary and verb
                words = [w for w in words if w not in _ADVERBS]
            moving = any(tuple(words[:len(m)]) == m for m in self.moves)
            # people take no article ("the Cala Rosa made a port call"): the model's PERSON reading does not count
            if (moving or len(span) >= 2 and span[-1].lower_ in self.ship_ends) and self._plausible(span, sure=True):
                out.append(span)
        return out + self._berthing(doc) + self._relative_apposition(doc)

    def _moving_pair(self, doc: Doc, first: Span, k: int) -> list[Span]:
        """"The Corvina Star and the Halden Breeze (both) called at ...": two names after articles, joined, that
        a movement phrase follows, are both ships."""
        if k + 2 >= len(doc) or doc[k].lower_ not in ("and", "et", "en") or doc[k + 1].lower_ not in self.articles:
            return []
        second = self._name_after(doc, k + 2)
        if second is None or second[0].i != k + 2 or len(second) < 2 and not second[0].is_title:
            return []
        words = [t.lower_ for t in doc[second.end:second.end + 9] if t.lower_ not in _BOTH_WORDS]
        if not any(tuple(words[:len(m)]) == m for m in self.moves):
            return []
        spans = [first, second]
        return spans if all(self._plausible(s, sure=True) and s[0].text not in self.first_names for s in spans) else []

    def _relative_apposition(self, doc: Doc) -> list[Span]:
        """"Het schip dat de container aanvoerde, de Cala Esmeralda, ...", "The ship that carried it, the
        X, ...": a ship noun with its relative clause, then the name after a comma and an article."""
        out = []
        for tok in doc[1:-3]:
            if tok.lower_ not in self.type_words or doc[tok.i - 1].lower_ not in DETERMINERS \
                    or doc[tok.i + 1].lower_ not in _RELATIVES:
                continue
            for k in range(tok.i + 2, min(len(doc) - 2, tok.i + 16)):
                if doc[k].is_sent_start or doc[k].text in (".", ";"):
                    break
                if doc[k].text == "," and doc[k + 1].lower_ in self.articles:
                    span = self._name_after(doc, k + 2)
                    after = doc[span.end] if span is not None and span.end < len(doc) else None
                    if span is not None and span[0].i == k + 2 and after is not None and after.text == "," \
                            and self._plausible(span, sure=True):
                        out.append(span)
                    break
        return out

    def _berthing(self, doc: Doc) -> list[Span]:
        """A name of two words or more with no article, right before a phrase that only a ship does
        ("Ocean Glory berthed at Vigo"; not "docked" or "moored", which people do with their boats);
        a known given name first ("Michael Byrne berthed ...") is no ship."""
        out = []
        for tok in doc[:-2]:
            if not (tok.is_sent_start or (tok.i > 0 and doc[tok.i - 1].text in (",", ";", "(", ":"))):
                continue
            span = self._name_after(doc, tok.i)
            if span is None or len(span) < 2 or span[0].i != tok.i or span[0].text in self.first_names:
                continue
            words = [t.lower_ for t in doc[span.end:span.end + 5]]
            if any(tuple(words[:len(m)]) == m for m in self.berths) and self._plausible(span, sure=True):
                out.append(span)
        return out


@Language.factory("havengraph_vessels_v1", assigns=["doc.spans"])
def make_vessel_finder(nlp: Language, name: str) -> VesselFinder:
    return VesselFinder(nlp)
