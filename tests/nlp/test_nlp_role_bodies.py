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
