"""A clause after "the wife of X" is the wife's, not X's (issue 16: a role given to the wrong person)."""

from __future__ import annotations

from nlp_support import relations


def test_a_dutch_wife_who_co_owns_the_firm_gives_her_husband_nothing(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Als ontvanger stond Zeeland Agri Import BV vermeld. De directeur van het bedrijf, Joost "
                          "Verbeek, werd aangehouden. De echtgenote van Verbeek, die mede-eigenaar van het bedrijf "
                          "is, wordt niet als verdachte aangemerkt.", lang="nl"))
    assert ("OWNS", "Joost Verbeek", "Zeeland Agri Import BV") not in found


def test_a_french_brother_who_drives_for_a_firm_gives_the_named_man_no_job(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Il s'agit de Karim Belkacem, gérant de la société Escaut Négoce SPRL, et du frère de "
                          "Belkacem, qui travaillait comme chauffeur pour la société Transports Lemaire.", lang="fr"))
    assert ("EMPLOYED_BY", "Karim Belkacem", "Transports Lemaire") not in found
    assert ("DIRECTOR_OF", "Karim Belkacem", "Escaut Négoce SPRL") in found


def test_the_person_named_after_the_kin_noun_keeps_his_own_job(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("The brother of Sean Doyle, Martin Doyle, who works as a lasher at Dublin Port, was "
                          "arrested.", lang="en"))
    assert ("WORKS_AT", "Martin Doyle", "Dublin Port") in found
    assert ("WORKS_AT", "Sean Doyle", "Dublin Port") not in found
