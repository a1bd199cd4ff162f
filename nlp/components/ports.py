"""``havengraph_ports_v1``: seaports from the gazetteer, with their UN/LOCODE.

Every name and alias in ``data/ports.tsv`` / ``data/port_aliases.tsv`` is matched (as written and
in capitals); "Anvers", "Antwerpen" and "Antwerp" all carry ``kb_id`` ``BEANR``. Whether a match
is a PORT or just a place (LOCATION) depends on its context (``data/port_context.tsv``): "the
port of X", "arrived in X" or a shipping word nearby make a port; "living in X" or "né à X" a
place. A major port named without either kind of context counts as a port; a minor one needs a
port context.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from nlp.components.common import phrase_tokens, sentence_bounds
from nlp.resources import cues, port_gazetteer, port_surface_forms

CONTEXT = "port_context.tsv"
WINDOW = 8


class PortFinder:
    def __init__(self, nlp: Language):
        lang = nlp.lang
        self.gazetteer = port_gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms = port_surface_forms()
        variants = {f for f in forms} | {f.upper() for f in forms}
        self.matcher.add("PORT", list(nlp.tokenizer.pipe(sorted(variants))))
        self.before = [tuple(t.lower() for t in phrase_tokens(lang, p)) for p in cues(CONTEXT, lang, "before")]
        self.not_before = [tuple(t.lower() for t in phrase_tokens(lang, p)) for p in cues(CONTEXT, lang, "not_before")]
        self.near = frozenset(cues(CONTEXT, lang, "near"))

    @staticmethod
    def _ends_with(doc: Doc, start: int, phrase: tuple[str, ...]) -> bool:
        n = len(phrase)
        if start - n < 0:
            return False
        return tuple(t.lower_ for t in doc[start - n:start]) == phrase

    def classify(self, doc: Doc, start: int, end: int, locode: str) -> str:
        """``PORT`` or ``LOCATION`` for the gazetteer match ``doc[start:end]``."""
        if any(self._ends_with(doc, start, p) for p in self.not_before):
            return "LOCATION"
        if any(self._ends_with(doc, start, p) for p in self.before):
            return "PORT"
        s_start, s_end = sentence_bounds(doc[start])
        lo, hi = max(s_start, start - WINDOW), min(s_end, end + WINDOW)
        if any(t.lower_ in self.near for t in doc[lo:hi]):
            return "PORT"
        return "PORT" if locode in self.gazetteer.major else "LOCATION"

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            locode = self.gazetteer.lookup(span.text)
            if locode is None:
                continue
            if end + 1 < len(doc) and doc[end].text == "-" and not doc[end + 1].is_lower:
                continue  # "Rotterdam-Zuid" is a district, "Antwerp-Bruges" is listed whole
            if start > 0 and doc[start - 1].text == "-":
                continue
            label = self.classify(doc, start, end, locode)
            found.append(Span(doc, start, end, label=label, kb_id=locode))
        doc.spans["hg_port"] = found
        return doc


@Language.factory("havengraph_ports_v1", assigns=["doc.spans"])
def make_port_finder(nlp: Language, name: str) -> PortFinder:
    return PortFinder(nlp)
