"""More port-call phrases: the port before the ship it was landed from, arriving, departing, leaving."""

from __future__ import annotations

from nlp_support import relations


def calls(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for type_, s, t in relations(ex) if type_ == "CALLED_AT"}


def test_more_call_phrases(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Nordlys Spirit, which is managed by Fjordline Bulk AS, had sailed from Santa Marta and called at "
             "Ponta Delgada before arriving in Immingham.", lang="en")
    assert {("Nordlys Spirit", "Santa Marta"), ("Nordlys Spirit", "Ponta Delgada"),
            ("Nordlys Spirit", "Immingham")} <= calls(ex)
    fr = run("Les douaniers ont découvert la cocaïne dans le conteneur FSCU5570290, débarqué au Havre du "
             "porte-conteneurs Rio Verdello.", lang="fr")
    assert calls(fr) == {("Rio Verdello", "Le Havre")}
    fr = run("Le vraquier Orion Bay, après avoir quitté Dakar, a fait route vers Rouen.", lang="fr")
    assert {("Orion Bay", "Dakar"), ("Orion Bay", "Rouen")} <= calls(fr)


def test_no_call_for_a_person_who_left(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("Le capitaine Paul Girard a quitté Dakar avant que le vraquier Orion Bay n'arrive.", lang="fr")
    assert ("Orion Bay", "Dakar") not in calls(fr)
    ex = run("Ben Colley left Antwerp by car on the day the Corvina Star was searched.", lang="en")
    assert ("Corvina Star", "Antwerp") not in calls(ex)
