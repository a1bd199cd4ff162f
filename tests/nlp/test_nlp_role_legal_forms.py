"""French firms named with their legal form first, and a firm written as a person's title (issue 16)."""

from __future__ import annotations

from nlp_support import mentions, relations


def test_a_legal_form_before_the_name_makes_a_firm_and_the_role_reaches_it(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Yanis L., salarié de la SARL Trans-Fos, a été mis en examen. Nordine T., gérant de la SAS Provence "
             "Fret, a été condamné.", lang="fr")
    assert {"SARL Trans-Fos", "SAS Provence Fret"} <= mentions(ex, "COMPANY")
    found = relations(ex)
    assert ("EMPLOYED_BY", "Yanis L.", "SARL Trans-Fos") in found
    assert ("DIRECTOR_OF", "Nordine T.", "SAS Provence Fret") in found
    assert ("DIRECTOR_OF", "Yanis L.", "SAS Provence Fret") not in found


def test_a_legal_form_alone_names_no_firm(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Karim D. a créé une EURL en 2019 à Marseille.", lang="fr")
    assert not any(c.startswith("EURL") for c in mentions(ex, "COMPANY"))


def test_a_firm_written_as_the_title_of_a_subject_is_not_his_co_accused(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Le gérant de l'EURL Méditerranée Négoce, Paul Ferrand, a été placé en garde à vue.",
                          lang="fr"))
    assert ("DIRECTOR_OF", "Paul Ferrand", "EURL Méditerranée Négoce") in found
    assert not {r for r in found if r[0] == "CO_ACCUSED"}


def test_a_title_firm_with_an_aside_before_the_name(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Le gérant de la société Agrumes du Midi, destinataire déclaré de la cargaison, Paul Ferrandi, "
                          "a également été placé en garde à vue.", lang="fr"))
    assert ("DIRECTOR_OF", "Paul Ferrandi", "Agrumes du Midi") in found
    assert not {r for r in found if r[0] == "CO_ACCUSED"}


def test_a_role_after_a_before_the_employer_and_the_name(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Prosecutors said that a diver employed by Ostend firm Noordzee Duikwerken BVBA, Kristof "
                          "Lammers, had been arrested.", lang="en"))
    assert ("EMPLOYED_BY", "Kristof Lammers", "Noordzee Duikwerken BVBA") in found
    assert not {r for r in found if r[0] == "CO_ACCUSED"}


def test_a_manager_of_an_entreprise_in_a_list_item(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("- Sébastien Vidalou, 51 ans, gérant de l'entreprise Transports Vidalou et Fils.", lang="fr"))
    assert ("DIRECTOR_OF", "Sébastien Vidalou", "Transports Vidalou et Fils") in found
