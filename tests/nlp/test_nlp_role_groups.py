"""Members and leaders of gangs and unions (MEMBER_OF), not of public bodies (issue 16)."""

from __future__ import annotations

from nlp_support import relations


def test_a_group_led_by_a_person_counts_its_leader_as_member(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("The Hillside Crew, led by Jamal Reid, controlled the night shifts at the docks.", lang="en"))
    assert ("MEMBER_OF", "Jamal Reid", "Hillside Crew") in found


def test_a_public_body_led_by_a_person_is_no_network(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Europol, led by Catherine De Bolle, coordinated the action.", lang="en"))
    assert not {r for r in found if r[0] == "MEMBER_OF"}


def test_a_union_official_named_with_the_union_before_the_title(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Kevin Hart, a Unite union official, was sentenced at Ipswich Crown Court.", lang="en"))
    assert ("MEMBER_OF", "Kevin Hart", "Unite") in found
    found = relations(run("Kevin Hart, a Unite lawyer, said the union would appeal.", lang="en"))
    assert not {r for r in found if r[0] == "MEMBER_OF"}


def test_a_firm_read_as_a_group_has_no_members(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("La société Eurofos, dirigée par Karim B., a été perquisitionnée.", lang="fr"))
    assert not {r for r in found if r[0] == "MEMBER_OF"}


def test_a_french_border_police_officer_with_a_hyphenated_rank(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Le brigadier-chef Karim B., de la police aux frontières, a témoigné.", lang="fr"))
    assert ("EMPLOYED_BY", "Karim B.", "police aux frontières") in found


def test_a_network_named_after_its_leader(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Police dismantled the Vargas network led by Carlos Vargas.", lang="en")
    assert ("MEMBER_OF", "Carlos Vargas", "Vargas network") in relations(ex)
    ex = run("Investigators read messages sent over the EncroChat network by Carlos Vargas.", lang="en")
    assert not {r for r in relations(ex) if r[0] == "MEMBER_OF"}
