"""Rule components on blank pipelines (no statistical model): registered, versioned, data-driven."""

import spacy

from nlp.components import COMPONENTS
from nlp.pipeline import build_pipeline


def test_factories_are_registered_with_versioned_names() -> None:
    for name in COMPONENTS:
        assert name.startswith("havengraph_") and name.endswith("_v1")
        assert spacy.registry.factories.get(name) is not None or name in spacy.util.registry.factories


def test_rules_alone_on_blank_english() -> None:
    nlp = build_pipeline("en", model=False)
    doc = nlp("Cocaine was found aboard the MV Ocean Star (IMO 9074729) in the port of Rotterdam.")
    labels = {(s.label_, s.text) for s in doc.spans["hg_entities"]}
    assert ("VESSEL", "Ocean Star") in labels
    assert ("PORT", "Rotterdam") in labels
    assert any(h.type == "IMO" and h.valid for h in doc._.hg_identifiers)
    port = next(s for s in doc.spans["hg_entities"] if s.label_ == "PORT")
    assert port.kb_id_ == "NLRTM"


def test_minor_port_only_after_a_port_phrase() -> None:
    nlp = build_pipeline("en", model=False)
    doc = nlp("The boat reached the port of Paita after a storm.")
    assert [(s.label_, s.text) for s in doc.spans["hg_port"]] == [("PORT", "Paita")]
