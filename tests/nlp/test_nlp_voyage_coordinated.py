"""Ships joined as one subject share the port of call that follows them."""

from __future__ import annotations

from nlp_support import relations


def calls(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for type_, s, t in relations(ex) if type_ == "CALLED_AT"}


def test_joined_ships_share_the_call(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Corvina Star and the Halden Breeze both called at Antwerp in May.", lang="en")
    assert calls(ex) == {("Corvina Star", "Antwerp"), ("Halden Breeze", "Antwerp")}
    fr = run("Le Rio Tambo et le Cap Lindo ont accosté au Havre en mars.", lang="fr")
    assert calls(fr) == {("Rio Tambo", "Le Havre"), ("Cap Lindo", "Le Havre")}
    nl = run("De schepen Zeearend en Morgenzon legden aan in Antwerpen.", lang="nl")
    assert calls(nl) == {("Zeearend", "Antwerp"), ("Morgenzon", "Antwerp")}


def test_no_shared_call_for_another_subject(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("Het schip Zeearend en het schip Morgenzon werden gevolgd terwijl de Noorder Licht aankwam in Antwerpen.",
             lang="nl")
    assert ("Zeearend", "Antwerp") not in calls(nl) and ("Morgenzon", "Antwerp") not in calls(nl)
    ex = run("The vessels Corvina Star and Halden Breeze were watched by Jan Smit, who arrived in Antwerp.", lang="en")
    assert calls(ex) == set()
