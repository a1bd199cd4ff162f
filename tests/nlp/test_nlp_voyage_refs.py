"""A voyage told over several sentences: the ship named once, then referred to as the subject of the next."""

from __future__ import annotations

from nlp_support import relations


def calls(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for type_, s, t in relations(ex) if type_ == "CALLED_AT"}


def test_a_ship_noun_opens_the_next_sentence(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Divers searched the hull of the Corvina Star. The vessel had sailed from Guayaquil "
             "and called at Algeciras before reaching Antwerp.", lang="en")
    assert {("Corvina Star", "Guayaquil"), ("Corvina Star", "Algeciras"), ("Corvina Star", "Antwerp")} <= calls(ex)
    fr = run("La cocaïne a été découverte dans la cale du navire Belle Ondine. Ce porte-conteneurs, exploité "
             "par un armateur grec, avait fait escale à Lisbonne avant de rejoindre Anvers.", lang="fr")
    assert {("Belle Ondine", "Lisbon"), ("Belle Ondine", "Antwerp")} <= calls(fr)
    nl = run("De drugs zaten in de ballasttanks van het bulkschip Zeeleeuw. Het schip was vertrokken uit Paramaribo "
             "en meerde aan in Vlissingen.", lang="nl")
    assert {s for s, _ in calls(nl)} == {"Zeeleeuw"} and len(calls(nl)) == 2


def test_a_pronoun_after_the_ship(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("Le conteneur a été déchargé du navire Rio Tambo. Celui-ci, en provenance de Buenaventura, "
             "avait fait escale à Cristóbal.", lang="fr")
    assert {("Rio Tambo", "Buenaventura"), ("Rio Tambo", "Cristóbal")} <= calls(fr)
    nl = run("De cocaïne werd gevonden aan boord van het schip Noordkaap. Het schip vertrok op 2 maart uit Santos. "
             "Het was op weg naar Gdańsk toen het in Vlissingen aanmeerde.", lang="nl")
    assert {("Noordkaap", "Gdańsk"), ("Noordkaap", "Vlissingen")} <= calls(nl)


def test_no_call_when_the_reference_is_unclear_or_denied(run) -> None:  # type: ignore[no-untyped-def]
    # two ships before the reference: which one is "the vessel"?
    ex = run("The Corvina Star and the Halden Breeze were both inspected. The vessel had sailed from Guayaquil.",
             lang="en")
    assert not any(t == "Guayaquil" for _, t in calls(ex))
    # the pronoun stands for the customs officer named after the ship
    fr = run("Le navire Belle Ondine a été inspecté par le douanier Paul Girard. Celui-ci est ensuite parti à Marseille.",
             lang="fr")
    assert ("Belle Ondine", "Marseille") not in calls(fr)
    ex = run("Investigators traced the Corvina Star. The vessel never called at Antwerp.", lang="en")
    assert ("Corvina Star", "Antwerp") not in calls(ex)


def test_a_person_named_in_the_voyage_sentence(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Divers searched the cargo ship Corvina Star. The vessel, whose master Ivan Petrov was later arrested, "
             "had sailed from Guayaquil.", lang="en")
    assert ("Corvina Star", "Guayaquil") in calls(ex)
    # the port of a relative clause about the person is the person's journey
    ex = run("Divers searched the cargo ship Corvina Star. The vessel was boarded by Ivan Petrov, who had arrived "
             "from Madrid.", lang="en")
    assert ("Corvina Star", "Madrid") not in calls(ex)
    ex = run("The cargo ship Corvina Star was boarded by Ivan Petrov, who had arrived from Madrid.", lang="en")
    assert ("Corvina Star", "Madrid") not in calls(ex)
    ex = run("Divers searched the cargo ship Corvina Star. The vessel's captain, Ivan Petrov, had flown in from Madrid.",
             lang="en")
    assert ("Corvina Star", "Madrid") not in calls(ex)
