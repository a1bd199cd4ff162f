"""Names of public bodies joined by "and", ranks after a body, known names over the agency read inside them."""

from __future__ import annotations

from nlp_support import mentions, relations


def test_a_body_named_with_and_is_one_name_and_its_officer_is_employed_there(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Detective Sergeant Aoife Lynch of the Garda National Drugs and Organised Crime Bureau told the court "
             "the drugs were worth EUR 2 million.", lang="en")
    assert "Garda National Drugs and Organised Crime Bureau" in mentions(ex, "ORGANIZATION")
    assert "Garda National Drugs" not in mentions(ex, "ORGANIZATION")
    assert ("EMPLOYED_BY", "Aoife Lynch", "Garda National Drugs and Organised Crime Bureau") in relations(ex)


def test_two_bodies_joined_by_and_stay_two(run) -> None:  # type: ignore[no-untyped-def]
    orgs = mentions(run("Officers from Kent Police and Border Force searched the lorry at Dover.", lang="en"),
                    "ORGANIZATION")
    assert "Kent Police" in orgs and "Border Force" in orgs
    assert not any(" and " in o for o in orgs)
    orgs = mentions(run("The case was handled by the National Crime Agency of the United Kingdom and Europol.",
                        lang="en"), "ORGANIZATION")
    assert not any(o.endswith("and Europol") for o in orgs)


def test_a_rank_after_a_body_is_not_part_of_its_name(run) -> None:  # type: ignore[no-untyped-def]
    orgs = mentions(run("Garda Detective Sergeant Niall Cronin gave evidence of arrest.", lang="en"), "ORGANIZATION")
    assert not any("Sergeant" in o or "Detective" in o for o in orgs)


def test_a_known_name_holds_the_agency_read_inside_it(run) -> None:  # type: ignore[no-untyped-def]
    orgs = mentions(run("Officials of the Customs and Monopolies Agency in Gioia Tauro analysed the routes.",
                        lang="en"), "ORGANIZATION")
    assert "Customs and Monopolies Agency" in orgs
    assert "Monopolies Agency" not in orgs


def test_a_dutch_customs_worker_is_employed_by_the_douane(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Gerard S., een medewerker van de Douane, werd in Vlissingen aangehouden. Volgens het OM gaf hij "
             "containernummers door.", lang="nl")
    assert {"Douane", "OM"} <= mentions(ex, "ORGANIZATION")
    assert ("EMPLOYED_BY", "Gerard S.", "Douane") in relations(ex)
    assert ("EMPLOYED_BY", "Gerard S.", "OM") not in relations(ex)


def test_an_officer_with_body_and_title_after_the_name(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Jayne Lloyd, NCA Branch Commander, said the gang had been dismantled.", lang="en")
    assert "NCA" in mentions(ex, "ORGANIZATION")
    assert not any("Commander" in o for o in mentions(ex, "ORGANIZATION"))
    assert ("EMPLOYED_BY", "Jayne Lloyd", "NCA") in relations(ex)
    ex = run("Jayne Lloyd, Border Force, and Tom Reed were thanked by the court.", lang="en")
    assert not {r for r in relations(ex) if r[0] == "EMPLOYED_BY"}


def test_a_country_or_a_known_body_after_of_ends_a_name(run) -> None:  # type: ignore[no-untyped-def]
    orgs = mentions(run("The case was handled by the National Crime Agency of the United Kingdom.", lang="en"),
                    "ORGANIZATION")
    assert "National Crime Agency" in orgs
    orgs = mentions(run("Het Team Bijzondere Bijstand van de Douane vond de cocaïne.", lang="nl"), "ORGANIZATION")
    assert "Team Bijzondere Bijstand" in orgs and "Douane" in orgs


def test_a_known_body_before_a_possessive_is_a_name_of_its_own(run) -> None:  # type: ignore[no-untyped-def]
    orgs = mentions(run("Revenue's Customs Service was assisted by the gardaí.", lang="en"), "ORGANIZATION")
    assert "Revenue" in orgs and "Customs Service" in orgs
    orgs = mentions(run("The Antwerp Public Prosecutor's Office said the case was closed.", lang="en"), "ORGANIZATION")
    assert any(o.endswith("Prosecutor's Office") for o in orgs)


def test_french_courts_written_in_lower_case_with_their_seat(run) -> None:  # type: ignore[no-untyped-def]
    orgs = mentions(run("Le dossier a été confié à la juridiction interrégionale spécialisée de Lille. Les accusés "
                        "comparaissent devant la cour d'assises spéciale du Nord.", lang="fr"), "ORGANIZATION")
    assert "juridiction interrégionale spécialisée de Lille" in orgs
    assert "cour d'assises spéciale du Nord" in orgs
    orgs = mentions(run("Il a pris un café avec un ami de Lille.", lang="fr"), "ORGANIZATION")
    assert not orgs


def test_bodies_named_by_acronym_or_short_name(run) -> None:  # type: ignore[no-untyped-def]
    orgs = mentions(run("Officers from HMRC and Police Scotland searched the lorry.", lang="en"), "ORGANIZATION")
    assert {"HMRC", "Police Scotland"} <= orgs
    orgs = mentions(run("De KMar hield de verdachte aan op Schiphol.", lang="nl"), "ORGANIZATION")
    assert "KMar" in orgs
