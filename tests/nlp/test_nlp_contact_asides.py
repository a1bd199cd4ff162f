"""Contact verbs after an aside, information passed on to a person, a phone used to send something to a person;
a name given with "called" is no call."""

from __future__ import annotations

from nlp_support import relations


def contacts(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset((s, t)) for type_, s, t in relations(ex) if type_ == "CONTACTED"}


def test_a_contact_verb_after_an_aside(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Keisha Marlow, in turn, texted Dontae Pruitt the bay positions.", lang="en")
    assert frozenset(("Keisha Marlow", "Dontae Pruitt")) in contacts(ex)
    ex = run("Hector Valdano, whose number was (562) 555-0193, called Ray Lindgren sixteen times.", lang="en")
    assert frozenset(("Hector Valdano", "Ray Lindgren")) in contacts(ex)
    ex = run("Omar Reid, a lasher at the terminal, phoned Carl Ince the night before the ship arrived.", lang="en")
    assert frozenset(("Omar Reid", "Carl Ince")) in contacts(ex)


def test_information_passed_on(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Messages show that Dwayne Hollins forwarded the release times to Ramiro Escobedo.", lang="en")
    assert frozenset(("Dwayne Hollins", "Ramiro Escobedo")) in contacts(ex)
    ex = run("Marcus Arnold used a prepaid phone, (912) 555-0147, to send photographs of the yard screen to "
             "Julio Bermeo.", lang="en")
    assert frozenset(("Marcus Arnold", "Julio Bermeo")) in contacts(ex)
    fr = run("Les écoutes ont montré qu'Erwan Le Gall envoyait des SMS à un certain Jordan Texier.", lang="fr")
    assert frozenset(("Erwan Le Gall", "Jordan Texier")) in contacts(fr)


def test_no_contact_for_money_names_or_denials(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Ben Colley forwarded the cash to Tom Reyna.", lang="en")
    assert contacts(ex) == set()
    ex = run("Judge Ann Pike, in her ruling, called Ben Colley a liar.", lang="en")
    assert contacts(ex) == set()
    ex = run("Detective Sergeant Mark Hale, the officer in the case, called Ben Colley as a witness.", lang="en")
    assert contacts(ex) == set()
    ex = run("Ben Colley, according to prosecutors, never phoned Tom Reyna.", lang="en")
    assert contacts(ex) == set()
