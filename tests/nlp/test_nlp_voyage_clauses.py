"""Ships named by the clause that moves them, ports named after more departure phrases, and a second subject
('while the Y was in Z') that ends the first ship's clause."""

from __future__ import annotations

from nlp_support import relations


def calls(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for type_, s, t in relations(ex) if type_ == "CALLED_AT"}


def test_a_relative_clause_moves_the_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Corvina Star, which left Paranagua on 2 May, was searched on arrival in Antwerp.", lang="en")
    assert {("Corvina Star", "Paranaguá"), ("Corvina Star", "Antwerp")} <= calls(ex)
    ex = run("Police said the Halden Breeze, which came from Guayaquil, docked in Valencia.", lang="en")
    assert {("Halden Breeze", "Guayaquil"), ("Halden Breeze", "Valencia")} <= calls(ex)
    fr = run("Le Rio Tambo avait chargé à Santos puis à Rio de Janeiro avant de rallier Le Havre.", lang="fr")
    assert {("Rio Tambo", "Santos"), ("Rio Tambo", "Le Havre")} <= calls(fr)
    nl = run("De Zilveren Meeuw, die uit Paramaribo kwam, meerde aan in Vlissingen.", lang="nl")
    assert {("Zilveren Meeuw", "Paramaribo"), ("Zilveren Meeuw", "Vlissingen")} <= calls(nl)


def test_another_subject_ends_the_clause(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Corvina Star, coming from Guayaquil, was inspected in Rotterdam while the Baltic Tern was in Hamburg.",
             lang="en")
    assert ("Corvina Star", "Hamburg") not in calls(ex)
    assert ("Corvina Star", "Rotterdam") in calls(ex)
    fr = run("Le Rio Tambo est arrivé au Havre tandis que le Cap Lindo restait à Anvers.", lang="fr")
    assert ("Rio Tambo", "Antwerp") not in calls(fr)
