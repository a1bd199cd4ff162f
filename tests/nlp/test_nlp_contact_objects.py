"""A message verb with the person as its first object ("X sent Y the number"); a person sent somewhere is no
message."""

from __future__ import annotations

from nlp_support import relations


def contacts(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset((s, t)) for type_, s, t in relations(ex) if type_ == "CONTACTED"}


def test_person_as_first_object(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Messages show that Luis Arreola sent Dominic Ferrante the container number.", lang="en")
    assert contacts(ex) == {frozenset(("Luis Arreola", "Dominic Ferrante"))}
    ex = run("On 4 March, Carla Benitez allegedly texted Owen Mabry the gate code.", lang="en")
    assert contacts(ex) == {frozenset(("Carla Benitez", "Owen Mabry"))}
    ex = run("The next morning Rui Santos emailed Petra Lind the release reference.", lang="en")
    assert contacts(ex) == {frozenset(("Rui Santos", "Petra Lind"))}


def test_a_person_sent_somewhere(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Judge Ann Pike sent Ben Colley to prison for nine years.", lang="en")
    assert contacts(ex) == set()
    ex = run("The foreman Tom Reyna sent Ben Colley back to the quay.", lang="en")
    assert contacts(ex) == set()
    ex = run("Luis Arreola never sent Dominic Ferrante the container number.", lang="en")
    assert contacts(ex) == set()
