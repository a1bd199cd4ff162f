"""A nationality between a name and the job does not hide the job (issue 16)."""

from __future__ import annotations

from nlp_support import relations


def test_a_national_who_served_as_an_officer_is_crew(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("The first, Tomas Valiunas, 42, is a Latvian national who served as second officer of the "
                          "container ship Northern Tern.", lang="en"))
    assert ("WORKS_AT", "Tomas Valiunas", "Northern Tern") in found


def test_citizens_in_a_list_are_all_crew_of_the_ship(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("The defendants, Ramon Ortega Diaz, 29, and Julio Baez Medina, 35, both citizens of Honduras, "
                          "were crew members of the M/V Coral Breeze.", lang="en"))
    assert ("WORKS_AT", "Ramon Ortega Diaz", "Coral Breeze") in found
    assert ("WORKS_AT", "Julio Baez Medina", "Coral Breeze") in found


def test_a_national_of_the_country_is_not_crew_without_a_rank(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Tomas Valiunas, 42, a Latvian national, was arrested after the Northern Tern docked.",
                          lang="en"))
    assert not {r for r in found if r[0] == "WORKS_AT"}
