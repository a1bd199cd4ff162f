"""``havengraph_identifiers_v1``: IMO, container, MMSI, LOCODE, phone, e-mail, IBAN, VAT, LEI hits."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.common import doc_text
from nlp.identifiers import find_identifiers
from nlp.resources import locode_list


class IdentifierFinder:
    """Runs the compiled identifier patterns over ``doc.text`` and stores the hits on the doc."""

    def __init__(self, lang: str):
        self.lang = lang
        self.known = locode_list() or None

    def __call__(self, doc: Doc) -> Doc:
        doc._.hg_identifiers = find_identifiers(doc_text(doc), self.lang, self.known)
        return doc


@Language.factory("havengraph_identifiers_v1", assigns=["doc._.hg_identifiers"])
def make_identifier_finder(nlp: Language, name: str) -> IdentifierFinder:
    return IdentifierFinder(nlp.lang)
