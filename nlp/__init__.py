"""Havengraph NLP: case-file text in, entities, identifiers and relations with evidence out.

>>> from nlp import detect_language
>>> detect_language("Le navire a accosté au port du Havre.")
'fr'

Public names: :class:`Extractor`, :func:`extract`, :func:`detect_language`. spaCy objects stay
inside this package; callers get :class:`graph.model.Extraction` objects.
"""

from nlp.extractor import Extractor, extract
from nlp.language import detect_language

__all__ = ["Extractor", "extract", "detect_language"]
