"""A ship and the port it lay in, named right after it; flags and quotes around ship names."""

from __future__ import annotations

from nlp_support import mentions, relations


def calls(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for type_, s, t in relations(ex) if type_ == "CALLED_AT"}


def test_the_port_right_after_the_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Dogs found the heroin aboard the Corvina Star in the port of Antwerp.", lang="en")
    assert ("Corvina Star", "Antwerp") in calls(ex)
    ex = run("On Tuesday, officers searched the reefer vessel Halden Breeze at Felixstowe.", lang="en")
    assert ("Halden Breeze", "Felixstowe") in calls(ex)
    fr = run("Les douaniers ont découvert la cocaïne à bord du cargo Marie Galante à Dunkerque.", lang="fr")
    assert ("Marie Galante", "Dunkirk") in calls(fr)
    nl = run("De speurhonden vonden de cocaïne aan boord van het schip Noorderzon in Vlissingen.", lang="nl")
    assert {s for s, _ in calls(nl)} == {"Noorderzon"}


def test_no_call_for_an_owner_seat_or_a_denial(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The owner of the Corvina Star in Limassol declined to comment.", lang="en")
    assert calls(ex) == set()
    ex = run("The Corvina Star never went to Antwerp, the skipper Tom Reyes told the court.", lang="en")
    assert calls(ex) == set()


def test_a_flag_is_no_ship_name(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Officers boarded the Panama-flagged bulk carrier Sea Harmony in Rotterdam.", lang="en")
    assert mentions(ex, "VESSEL") == {"Sea Harmony"}
    assert calls(ex) == {("Sea Harmony", "Rotterdam")}
    ex = run("Marines boarded the Liberia-registered tanker Kestrel Dawn off the coast.", lang="en")
    assert "Liberia" not in mentions(ex, "VESSEL")


def test_a_quoted_name_after_the_article(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The 'Ocean Pearl' sailed from Santos to Felixstowe.", lang="en")
    assert calls(ex) == {("Ocean Pearl", "Santos"), ("Ocean Pearl", "Felixstowe")}
    ex = run('Records show the "Brisa Norte" arrived in Valencia on 3 May.', lang="en")
    assert ("Brisa Norte", "Valencia") in calls(ex)
