"""A ship named with no article or prefix, before a phrase that only a ship does."""

from __future__ import annotations

from nlp_support import mentions, relations


def test_bare_name_before_a_ship_phrase(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Marlen Bay sailed from Guayaquil on 3 May.", lang="en")
    assert mentions(ex, "VESSEL") == {"Marlen Bay"}
    assert ("CALLED_AT", "Marlen Bay", "Guayaquil") in relations(ex)
    ex = run("According to the AIS data, Nordic Breeze dropped anchor off Algeciras.", lang="en")
    assert mentions(ex, "VESSEL") == {"Nordic Breeze"}
    fr = run("Selon les douanes, Stella Marina avait appareillé de Santos le 2 mai.", lang="fr")
    assert mentions(fr, "VESSEL") == {"Stella Marina"}
    nl = run("Noorder Licht lag voor anker bij Vlissingen toen de douane aan boord ging.", lang="nl")
    assert "Noorder Licht" in mentions(nl, "VESSEL")


def test_no_ship_for_a_person_who_sails(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Peter Walsh sailed from Dublin on his yacht.", lang="en")
    assert mentions(ex, "VESSEL") == set()
    fr = run("Selon l'enquête, Jean Morvan avait appareillé de Lorient à bord d'un voilier.", lang="fr")
    assert "Jean Morvan" not in mentions(fr, "VESSEL")
