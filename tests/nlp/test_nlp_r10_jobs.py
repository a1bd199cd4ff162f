"""Jobs stated past an aside: a hyphenated firm name after "la société de transport", a firm name with "de la",
a home town between a person and "at the same terminal", Dutch "die planner was bij X", French "pour le compte
de la société X" after the workplace."""

from __future__ import annotations

from nlp_support import mentions, relations


def test_a_hyphenated_firm_after_a_firm_noun_is_a_company(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Karim Bouzid, salarié de la société de transport Trans-Picardie, devait livrer la remorque.", lang="fr")
    assert "Trans-Picardie" in mentions(ex, "COMPANY")
    assert ("EMPLOYED_BY", "Karim Bouzid", "Trans-Picardie") in relations(ex)


def test_a_firm_name_with_de_la_stays_whole(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("La remorque a été prise en charge par Hugo Lemaire, employé de la société de remorquage Remorqueurs "
             "de la Gironde.", lang="fr")
    assert "Remorqueurs de la Gironde" in mentions(ex, "COMPANY")
    assert ("EMPLOYED_BY", "Hugo Lemaire", "Remorqueurs de la Gironde") in relations(ex)


def test_a_home_town_between_the_person_and_the_same_terminal(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Dwayne Fulton, 44, a straddle operator at the Blount Island Terminal, and Curtis Webb, 29, of Savannah, "
             "who works as a clerk at the same terminal, were both charged.", lang="en")
    assert ("WORKS_AT", "Curtis Webb", "Blount Island Terminal") in relations(ex)
    # the home town is not the place "the same port" points at
    ex = run("Curtis Webb, 29, of Savannah, who works as a clerk at the same port, was charged.", lang="en")
    assert not {r for r in relations(ex) if r[0] == "WORKS_AT"}


def test_dutch_relative_clause_role_then_copula(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Het gaat om Sanne Visser (34) uit Rozenburg, die planner was bij Waalhaven Container Terminal.", lang="nl")
    assert ("WORKS_AT", "Sanne Visser", "Waalhaven Container Terminal") in relations(ex)


def test_french_employer_after_the_workplace(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Olivier Caradec travaillait depuis douze ans comme cariste sur le terminal de Montoir, pour le compte "
             "de la société Loire Manutention Services.", lang="fr")
    rels = relations(ex)
    assert ("EMPLOYED_BY", "Olivier Caradec", "Loire Manutention Services") in rels
    # another person between the worker and the firm: not read as the worker's job
    ex = run("Olivier Caradec travaillait avec Yves Morvan, pour le compte de la société Loire Manutention Services.",
             lang="fr")
    assert ("EMPLOYED_BY", "Olivier Caradec", "Loire Manutention Services") not in relations(ex)


def test_a_field_office_is_one_body(run) -> None:  # type: ignore[no-untyped-def]
    ex = run('"We follow the money," said Special Agent in Charge Dana Whitfield of HSI Philadelphia.', lang="en")
    assert "HSI Philadelphia" in mentions(ex, "ORGANIZATION")
    assert ("EMPLOYED_BY", "Dana Whitfield", "HSI Philadelphia") in relations(ex)
    # a city that is not the office's: the acronym stays alone
    ex = run("Dana Whitfield briefed the NCA in Liverpool on Monday.", lang="en")
    assert "NCA" in mentions(ex, "ORGANIZATION")


def test_directors_and_members_in_other_words(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Le second, Alain Grosset, 51 ans, dirige la société de transit Basse-Terre Fret SARL.", lang="fr")
    assert ("DIRECTOR_OF", "Alain Grosset", "Basse-Terre Fret SARL") in relations(ex)
    ex = run("Il parlait avec Karim Haddad, présenté comme le trésorier du réseau et gérant de la société Azur Négoce "
             "SARL.", lang="fr")
    assert ("DIRECTOR_OF", "Karim Haddad", "Azur Négoce SARL") in relations(ex)
    ex = run("Paul Martin dirige une équipe de dockers chez Normandie Manutention.", lang="fr")
    assert ("DIRECTOR_OF", "Paul Martin", "Normandie Manutention") not in relations(ex)
    ex = run("Also charged is Bayou Cold Haul LLC, a Mobile trucking company managed by Oscar Ferris.", lang="en")
    assert ("DIRECTOR_OF", "Oscar Ferris", "Bayou Cold Haul LLC") in relations(ex)
    ex = run("Prosecutors described Dean Colley, Mark Shaw and Kyle Rees as members of the Eastside Crew.", lang="en")
    assert {("MEMBER_OF", n, "Eastside Crew") for n in ("Dean Colley", "Mark Shaw", "Kyle Rees")} <= relations(ex)
    ex = run("Henk de J. is bestuurder van Kaaihaven Logistiek B.V. en van Polder Holding B.V.", lang="nl")
    assert {("DIRECTOR_OF", "Henk de J.", "Kaaihaven Logistiek B.V."),
            ("DIRECTOR_OF", "Henk de J.", "Polder Holding B.V.")} <= relations(ex)


def test_a_french_port_authority_is_the_agents_employer(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Julien Ferrer, 44 ans, agent de maîtrise au Grand Port Maritime de Bordeaux, a été interpellé.", lang="fr")
    assert "Grand Port Maritime de Bordeaux" in mentions(ex, "ORGANIZATION")
    assert ("EMPLOYED_BY", "Julien Ferrer", "Grand Port Maritime de Bordeaux") in relations(ex)


def test_a_place_named_before_terminal_is_part_of_a_port(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Liam Hart, 39, a lasher at the Fisherman Islands terminal, was charged.", lang="en")
    assert "Fisherman Islands" in mentions(ex, "PORT")
    assert ("WORKS_AT", "Liam Hart", "Fisherman Islands") in relations(ex)
    ex = run("Liam Hart works for the Fisherman Islands terminal operator.", lang="en")
    assert "Fisherman Islands" not in mentions(ex, "PORT")


def test_dutch_operator_of_a_ship_and_a_gang_named_after_its_noun(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Rederij Waddenzee Lines exploiteert het schip Noorderlicht Star.", lang="nl")
    assert ("OPERATES", "Rederij Waddenzee Lines", "Noorderlicht Star") in relations(ex)
    ex = run("Sem Vos was lid van de bende Zuidkaai Crew.", lang="nl")
    assert ("MEMBER_OF", "Sem Vos", "Zuidkaai Crew") in relations(ex)
    ex = run("Sem Vos werd gezien met de bende. Zuidkaai Crew is een voetbalclub.", lang="nl")
    assert not {r for r in relations(ex) if r[0] == "MEMBER_OF"}
