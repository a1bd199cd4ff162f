"""Jobs named with the body or firm they belong to, in Dutch and French word order (issue 16)."""

from __future__ import annotations

from nlp_support import relations


def test_a_dutch_relative_clause_with_bij_puts_the_worker_at_the_terminal(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Mohamed A., die als uithaler bij Matrans Terminal werkte, werd opgepakt.", lang="nl"))
    assert ("WORKS_AT", "Mohamed A.", "Matrans Terminal") in found


def test_a_dutch_relative_clause_about_someone_else_gives_no_job(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Mohamed A., die niet bij Matrans Terminal werkte, werd opgepakt.", lang="nl"))
    assert not {r for r in found if r[0] in ("WORKS_AT", "EMPLOYED_BY")}


def test_a_dutch_job_noun_before_bij_names_the_employer(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Ilias M., uithaler bij Hutchison Ports, werd veroordeeld.", lang="nl"))
    assert ("EMPLOYED_BY", "Ilias M.", "Hutchison Ports") in found


def test_a_dutch_detective_of_a_police_unit_is_employed_there(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Rechercheur Anouk de Wit van de Landelijke Eenheid verklaarde dat de lading van "
                          "Ricardo B. was.", lang="nl"))
    assert ("EMPLOYED_BY", "Anouk de Wit", "Landelijke Eenheid") in found
    assert not {r for r in found if r[1] == "Ricardo B." and r[0] == "EMPLOYED_BY"}


def test_a_french_officer_rank_with_his_office_is_employed_there(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Le commandant Pierre Leroux, de l'Office anti-stupéfiants, a indiqué que le réseau "
                          "était structuré.", lang="fr"))
    assert ("EMPLOYED_BY", "Pierre Leroux", "Office anti-stupéfiants") in found


def test_a_firm_before_a_director_title_is_the_firm_he_directs(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("In a statement, Weser Shipmanagement managing director Petra Lindqvist said the company "
                          "was cooperating.", lang="en"))
    assert ("DIRECTOR_OF", "Petra Lindqvist", "Weser Shipmanagement") in found
    assert ("EMPLOYED_BY", "Petra Lindqvist", "Weser Shipmanagement") not in found


def test_an_officer_with_the_acronym_of_his_body_after_the_name(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Detective Superintendent Orla Keaveney, GNDOCB, said the seizure was significant.", lang="en"))
    assert ("EMPLOYED_BY", "Orla Keaveney", "GNDOCB") in found


def test_a_french_firm_whose_president_is_named_after_dont(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Les conteneurs étaient déclarés au nom d'un importateur nantais, Loire Tropiques SAS, "
                          "dont le président, Olivier Meunier, a été entendu comme témoin.", lang="fr"))
    assert ("DIRECTOR_OF", "Olivier Meunier", "Loire Tropiques SAS") in found


def test_dutch_lower_case_legal_form_and_foreman_roles(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Bart D. is zaakvoerder van de bv Kempische Transport Groep. Een ploegbaas van Scheldeterminal Noord NV, "
             "Johan Peeters, verklaarde als getuige.", lang="nl")
    found = relations(ex)
    assert any(r[0] == "DIRECTOR_OF" and r[1] == "Bart D." and "Kempische Transport Groep" in r[2] for r in found)
    assert ("EMPLOYED_BY", "Johan Peeters", "Scheldeterminal Noord NV") in found
    assert not any(r[1] == "Johan Peeters" and "Kempische" in r[2] for r in found)


def test_a_lithuanian_firm_with_its_legal_form_employs_the_driver(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Tomas Gudaitis, a lorry driver who works for Baltrans UAB of Kaunas, was charged.", lang="en"))
    assert ("EMPLOYED_BY", "Tomas Gudaitis", "Baltrans UAB") in found


def test_a_possessive_title_after_the_name_is_a_role_not_a_co_accused(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Mark Hale, Swift Freight's managing director, was arrested on Monday.", lang="en"))
    assert ("DIRECTOR_OF", "Mark Hale", "Swift Freight") in found
    assert not {r for r in found if r[0] == "CO_ACCUSED"}


def test_a_firm_named_before_a_two_word_job_employs_the_person(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Mark Hale, a DP World crane driver, was arrested.", lang="en"))
    assert ("EMPLOYED_BY", "Mark Hale", "DP World") in found
    found = relations(run("Mark Hale, a DP World customer, was arrested.", lang="en"))
    assert not {r for r in found if r[0] == "EMPLOYED_BY"}


def test_a_role_with_its_employer_before_the_name(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("A port operative employed by Humber Dry Bulk Ltd, Craig Atwell, was arrested separately.",
                          lang="en"))
    assert ("EMPLOYED_BY", "Craig Atwell", "Humber Dry Bulk Ltd") in found
    assert not {r for r in found if r[0] == "CO_ACCUSED"}
    found = relations(run("A diver employed by Ostend firm Noordzee Duikwerken BVBA, Kristof Lammers, had been arrested.",
                          lang="en"))
    assert ("EMPLOYED_BY", "Kristof Lammers", "Noordzee Duikwerken BVBA") in found


def test_dutch_employment_in_a_function_or_at_the_time_of_the_facts(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Sander K. heeft in zijn hoedanigheid van douanier bij de Douane containers vrijgegeven.",
                          lang="nl"))
    assert ("EMPLOYED_BY", "Sander K.", "Douane") in found
    found = relations(run("Sander K. was ten tijde van de feiten werkzaam bij Hutchison Ports.", lang="nl"))
    assert ("EMPLOYED_BY", "Sander K.", "Hutchison Ports") in found


def test_a_dutch_home_town_after_a_port_worker_is_not_his_workplace(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Havenarbeider Sander K. (34) uit Rotterdam werd veroordeeld.", lang="nl"))
    assert not {r for r in found if r[0] == "WORKS_AT"}
    found = relations(run("Havenarbeider Sander K. werd in de haven van Rotterdam aangehouden.", lang="nl"))
    assert ("WORKS_AT", "Sander K.", "Rotterdam") in found


def test_a_dutch_spokesman_of_the_prosecution_service(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Woordvoerder Ian Prins van het OM zei dat de zaak ernstig is.", lang="nl"))
    assert ("EMPLOYED_BY", "Ian Prins", "OM") in found
    found = relations(run("Ian Prins zei tegen het OM dat hij onschuldig is.", lang="nl"))
    assert not {r for r in found if r[0] == "EMPLOYED_BY"}
