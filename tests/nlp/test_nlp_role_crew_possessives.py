"""Crew ranks held of "the vessel's" or "its" ship of the story (issue 16)."""

from __future__ import annotations

from nlp_support import relations

_STORY = "The M/V Corvina Star, a reefer operated by Pelican Reefers Ltd., left Turbo bound for Wilmington. "


def test_the_vessels_officer_and_its_bosun_are_crew_of_the_ship(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run(_STORY + "Mateo Urrutia served as the vessel's chief engineer; Ivan Solis was its bosun.",
                          lang="en"))
    assert ("WORKS_AT", "Mateo Urrutia", "Corvina Star") in found
    assert ("WORKS_AT", "Ivan Solis", "Corvina Star") in found


def test_two_ships_in_the_story_leave_its_bosun_unplaced(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run(_STORY + "The bulk carrier M/V Sea Falcon sailed from Aruba the same week. Ivan Solis was its bosun.", lang="en"))
    assert not {r for r in found if r[0] == "WORKS_AT" and r[1] == "Ivan Solis"}
