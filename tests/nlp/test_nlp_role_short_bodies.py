"""Short names of bodies that mean one body in English and another in French (issue 16)."""

from __future__ import annotations

from nlp_support import mentions, relations


def test_the_english_afp_before_a_rank_employs_the_officer(run) -> None:  # type: ignore[no-untyped-def]
    ext = run("AFP Detective Inspector Dana Kirk said the wharf workers had been paid in cash.", lang="en")
    assert "AFP" in mentions(ext, "ORGANIZATION")
    assert ("EMPLOYED_BY", "Dana Kirk", "AFP") in relations(ext)


def test_the_french_afp_is_no_police_body(run) -> None:  # type: ignore[no-untyped-def]
    ext = run("Selon l'AFP, Julien Marchal a été interpellé au Havre.", lang="fr")
    assert "AFP" not in mentions(ext, "ORGANIZATION")
    assert not {r for r in relations(ext) if r[0] == "EMPLOYED_BY"}
