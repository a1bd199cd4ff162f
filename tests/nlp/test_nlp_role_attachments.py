"""Roles attached to a person in the parse, and port jobs next to the one port of a sentence (issue 16)."""

from __future__ import annotations

from nlp_support import relations


def test_a_role_after_as_distributes_over_the_coordinated_subjects(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("John Carver and Peter Mills had for several years served together as deckhands on the bulk carrier "
             "Santa Isabel II.", lang="en")
    found = relations(ex)
    assert ("WORKS_AT", "John Carver", "Santa Isabel II") in found
    assert ("WORKS_AT", "Peter Mills", "Santa Isabel II") in found


def test_a_copula_role_with_words_between_reaches_the_firm(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Kevin Lowe was for a decade the general manager of Seaford Freight Ltd.", lang="en")
    assert ("DIRECTOR_OF", "Kevin Lowe", "Seaford Freight Ltd.") in {(t, s, o) for t, s, o in relations(ex)} | {
        (t, s, o + ".") for t, s, o in relations(ex)}


def test_a_role_of_someone_else_or_denied_gives_nothing(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Tom Reed, who was not a docker at Port Botany, testified. "
             "Ann Price, the wife of a crane operator at Port Botany, testified. "
             "Sam Hill, whose brother was a stevedore at Port Botany, testified.", lang="en")
    assert not {r for r in relations(ex) if r[0] in ("WORKS_AT", "EMPLOYED_BY")}


def test_an_apposition_role_holds_for_its_own_name_not_the_next_of_the_list(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Travis Dukes, 38, of Pooler, a crane operator at the Garden City Terminal, and Marcus Penn, 44, "
             "a longshoreman employed by Coastal Stevedoring LLC, pulled bags out of refrigerated containers.", lang="en")
    found = relations(ex)
    assert ("WORKS_AT", "Travis Dukes", "Garden City Terminal") in found
    assert ("EMPLOYED_BY", "Marcus Penn", "Coastal Stevedoring LLC") in found
    assert ("WORKS_AT", "Marcus Penn", "Garden City Terminal") not in found


def test_port_jobs_named_in_a_sentence_with_one_port_work_there(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Gary Holt, a crane driver, and Martin Pike, a lasher, took sixty kilograms of cocaine out of a reefer "
             "container at the Port of Felixstowe. Longshoreman Dominic Ferrante used his access to the Port Newark "
             "Container Terminal to move the loads.", lang="en")
    found = relations(ex)
    assert {("WORKS_AT", "Gary Holt", "Felixstowe"), ("WORKS_AT", "Martin Pike", "Felixstowe")} <= found | {
        (t, s, o.replace("Port of ", "")) for t, s, o in found}
    assert any(r[0] == "WORKS_AT" and r[1] == "Dominic Ferrante" for r in found)


def test_no_port_job_from_a_home_town_a_port_of_call_or_a_second_port(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Mark Dunne, 41, of Tilbury, a docker, was charged. "
             "Paul Kerr, a lasher, loaded bags on a ship that had arrived from Santos at the Port of Felixstowe. "
             "Rob Lane, a checker, moved the box from Felixstowe to the Port of Tilbury. "
             "Ian Ross, a haulier, collected the trailer at the Port of Dover.", lang="en")
    assert not {r for r in relations(ex) if r[0] == "WORKS_AT"}


def test_dutch_port_job_before_a_list_of_names(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("De havenarbeiders Bart Claes (41) en Kristof Wuyts (35) haalden de drugs uit een container in de "
             "haven van Antwerpen.", lang="nl")
    found = {(t, s, o) for t, s, o in relations(ex) if t == "WORKS_AT"}
    assert {s for _t, s, _o in found} == {"Bart Claes", "Kristof Wuyts"}
