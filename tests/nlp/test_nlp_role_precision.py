"""Readings refuted by a closer look at the sentence (issue 16): a singular role after a list, a
second role coordinated with the first, a number called from."""

from __future__ import annotations

from nlp_support import relations


def test_a_singular_role_after_a_list_is_the_last_name_s_alone(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Het gaat om de havenarbeiders Bart Claes (41) en Kristof Wuyts (35) en om Dirk Van den Broeck (58), "
             "zaakvoerder van het expeditiebedrijf Scheldt Forwarding BVBA.", lang="nl")
    directors = {s for t, s, _o in relations(ex) if t == "DIRECTOR_OF"}
    assert directors == {"Dirk Van den Broeck"}


def test_a_plural_role_after_a_list_still_holds_for_each(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Jan Peeters en Tom Smets, beiden zaakvoerders van Noordkaai BV, zwegen tijdens het verhoor.", lang="nl")
    directors = {s for t, s, _o in relations(ex) if t == "DIRECTOR_OF"}
    assert directors == {"Jan Peeters", "Tom Smets"}


def test_a_role_read_past_a_kin_apposition_stays_with_the_subject(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Mehdi Haddad, le cousin de Yanis Haddad, est membre de la bande des Gars du Quai.", lang="fr")
    members = {s for t, s, _o in relations(ex) if t == "MEMBER_OF"}
    assert "Yanis Haddad" not in members


def test_a_second_role_coordinated_with_the_first_is_the_subject_s(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("Sven De Clercq is zaakvoerder van Polderhaven Logistics en bestuurder van Noordzee Expeditie B.V.", lang="nl")
    fr = run("Marc Lambrechts est administrateur de Scaldis Cargo Services et le gérant de Dunes Logistique SAS.", lang="fr")
    for ex, person in ((nl, "Sven De Clercq"), (fr, "Marc Lambrechts")):
        directors = [(s, o) for t, s, o in relations(ex) if t == "DIRECTOR_OF"]
        assert len(directors) == 2 and {s for s, _o in directors} == {person}


def test_a_number_called_from_is_not_the_called_person_s(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Op 19 juni 2023 belde Noah Ouali de planner Sander Kuijpers vanaf het nummer +31 6 48213977.", lang="nl")
    phones = {s for t, s, _o in relations(ex) if t == "HAS_PHONE"}
    assert "Sander Kuijpers" not in phones
    used = run("Sander Kuijpers gebruikte het nummer +31 6 48213977.", lang="nl")
    assert {s for t, s, _o in relations(used) if t == "HAS_PHONE"} == {"Sander Kuijpers"}
