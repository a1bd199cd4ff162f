"""``havengraph_ports_v1``: seaports from the gazetteer, with their UN/LOCODE.

Names and aliases of the major ports (``data/port_aliases.tsv``, merged into ``data/ports.tsv``)
are matched anywhere, as written and in capitals; "Anvers", "Antwerpen" and "Antwerp" all carry
``kb_id`` ``BEANR``. The ~17,500 other seaports of ``ports.tsv`` are only taken right after an
explicit port phrase ("port of Paita", "haven van Terneuzen").

Whether a match is a PORT or a place (LOCATION) depends on its context (``data/port_context.tsv``):
"the port of X", "arrived in X" or a shipping word nearby make a port; "living in X" or "né à X"
a place. Without either, a major port counts as a port, except names of
``data/port_name_stoplist.txt``: a city name ("London") is then a LOCATION, and a common word,
given name or ambiguous place ("Cork", "Santos", "Valencia") is left to the other rules.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from graph.ids import fold
from nlp.components.common import phrase_tokens, sentence_bounds
from nlp.resources import country_names, cues, port_gazetteer, port_name_stoplist, port_surface_forms

CONTEXT = "port_context.tsv"
WINDOW = 8


class PortFinder:
    def __init__(self, nlp: Language):
        lang = nlp.lang
        self.gazetteer = port_gazetteer()
        self.stoplist = port_name_stoplist()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms = port_surface_forms()
        variants = set(forms) | {f.upper() for f in forms}
        self.matcher.add("PORT", list(nlp.tokenizer.pipe(sorted(variants))))
        self.before = frozenset(tuple(t.lower() for t in phrase_tokens(lang, p)) for p in cues(CONTEXT, lang, "before"))
        self.not_before = frozenset(tuple(t.lower() for t in phrase_tokens(lang, p))
                                    for p in cues(CONTEXT, lang, "not_before"))
        self.longest = max((len(p) for p in self.before | self.not_before), default=1)
        self.near = frozenset(cues(CONTEXT, lang, "near"))
        self.before_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.before_matcher.add("BEFORE", list(nlp.tokenizer.pipe(cues(CONTEXT, lang, "before"))))

    def _preceded_by(self, doc: Doc, start: int, phrases: frozenset[tuple[str, ...]]) -> bool:
        prev = tuple(t.lower_ for t in doc[max(0, start - self.longest):start])
        return any(prev[-n:] in phrases for n in range(1, len(prev) + 1))

    def classify(self, doc: Doc, start: int, end: int, locode: str, text: str) -> str | None:
        """``PORT``, ``LOCATION`` or None (not sure enough) for the gazetteer match ``doc[start:end]``."""
        if self._preceded_by(doc, start, self.not_before):
            return "LOCATION"
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and prev.like_num and len(prev.text) in (4, 5):
            return "LOCATION"  # "2030 Antwerpen": an address
        if prev is not None and prev.text == "," and start > 1 and doc[start - 2].i in self._firm_ends(doc):
            return "LOCATION"  # "Zandplaat Fruit Import BV, Rotterdam": a firm's seat
        if self._preceded_by(doc, start, self.before):
            return "PORT"
        s_start, s_end = sentence_bounds(doc[start])
        lo, hi = max(s_start, start - WINDOW), min(s_end, end + WINDOW)
        near = any(t.lower_ in self.near for t in doc[lo:hi])
        reason = self.stoplist.get(fold(text))
        if reason in ("word", "person"):
            return "PORT" if near else None
        if near:
            return "PORT"
        if reason in ("city", "place") or locode not in self.gazetteer.major:
            return "LOCATION"
        return "PORT"

    @staticmethod
    def _firm_ends(doc: Doc) -> set[int]:
        return {s.end - 1 for s in doc.spans.get("hg_org", []) if s.label_ == "COMPANY"}

    def _after_port_phrase(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Any seaport of the gazetteer named right after "port of" / "haven van"."""
        out = []
        for _, _start, end in self.before_matcher(doc):
            if end in taken or end >= len(doc) or not doc[end].is_title and not doc[end].is_upper:
                continue
            for n in (3, 2, 1):
                if end + n > len(doc):
                    continue
                span = doc[end:end + n]
                locode = self.gazetteer.lookup(span.text)
                if locode:
                    out.append(Span(doc, end, end + n, label="PORT", kb_id=locode))
                    break
        return out

    def _listed_after_port(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Any seaport of the gazetteer listed right after a port read after a port phrase ("called at Callao
        and Papeete", "ports of Santos, Paranaguá and Itajaí"): the list goes on while "and" or a comma joins."""
        out: list[Span] = []
        taken = {t for s in found for t in range(s.start, s.end)}
        queue = [s for s in found if s.label_ == "PORT" and self._preceded_by(doc, s.start, self.before)]
        while queue:
            last = queue.pop()
            k = last.end
            if k + 1 >= len(doc) or doc[k].lower_ not in (",", "and", "or", "et", "ou", "en", "of"):
                continue
            comma = doc[k].text == "," and not (k + 1 < len(doc) and doc[k + 1].lower_ in ("and", "et", "en"))
            k += 1 + (doc[k].text == "," and not comma)
            if k >= len(doc) or k in taken or not doc[k].is_title:
                continue
            for n in (3, 2, 1):
                span = doc[k:k + n]
                if k + n > len(doc) or any(t.is_punct for t in span) or span.end > sentence_bounds(doc[k])[1]:
                    continue
                nxt = doc[span.end].lower_ if span.end < len(doc) else ""
                if comma and nxt not in (",", "and", "et", "en", "or", "ou", "of"):
                    continue  # "Antwerp, Belgium": a comma alone may put the country or region after the port
                if self.stoplist.get(fold(span.text)) in ("word", "person") or span.text in country_names():
                    continue  # "Veracruz and Mexico", "Rotterdam, Holland and": a country is no port of the list
                locode = self.gazetteer.lookup(span.text)
                if locode:
                    port = Span(doc, k, k + n, label="PORT", kb_id=locode)
                    out.append(port)
                    taken.update(range(k, k + n))
                    queue.append(port)
                    break
        return out

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            locode = self.gazetteer.lookup(span.text)
            if locode is None:
                continue
            if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                    and not doc[end + 1].is_lower:
                continue  # "Rotterdam-Zuid" is a district; "Antwerp-Bruges" is listed whole
            if start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
                continue
            label = self.classify(doc, start, end, locode, span.text)
            if label is not None:
                found.append(Span(doc, start, end, label=label, kb_id=locode))
        found.extend(self._after_port_phrase(doc, {s.start for s in found}))
        found.extend(self._listed_after_port(doc, found))
        doc.spans["hg_port"] = found
        return doc


@Language.factory("havengraph_ports_v1", assigns=["doc.spans"])
def make_port_finder(nlp: Language, name: str) -> PortFinder:
    return PortFinder(nlp)
