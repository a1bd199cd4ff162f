"""Firms that run a terminal, berth or quay in a port, and firms named after the ship they run."""

from __future__ import annotations

from nlp_support import relations


def _operates(found: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {r for r in found if r[0] == "OPERATES"}


def test_a_firm_that_runs_a_terminal_in_a_port_operates_it(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Humber Box Terminals Ltd, which operates two container berths at the Port of Immingham, confirmed the "
              "arrest.", "en", ("OPERATES", "Humber Box Terminals Ltd", "Immingham")),
             ("Investigators visited Kade Noord Stevedoring BV, the operator of the deepsea quay at the Port of "
              "Rotterdam, on Monday.", "en", ("OPERATES", "Kade Noord Stevedoring BV", "Rotterdam")),
             ("Zeeland Bulk Terminals BV beheert de kade aan de Sloehaven sinds 2015.", "nl",
              ("OPERATES", "Zeeland Bulk Terminals BV", "Sloehaven")),
             ("La société Manutention Océane SAS, qui exploite le terminal du port de Brest, a porté plainte.", "fr",
              ("OPERATES", "Manutention Océane SAS", "Brest")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text


def test_a_firm_visiting_or_near_a_terminal_does_not_operate_it(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Humber Box Terminals Ltd, which visited two container berths at the Port of Immingham, "
                          "confirmed the arrest.", lang="en"))
    assert not _operates(found)
    found = relations(run("Humber Box Terminals Ltd does not operate any terminal at the Port of Immingham.", lang="en"))
    assert not _operates(found)


def test_a_port_where_a_firm_runs_a_terminal(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("The reefer was discharged at the Port of Tilbury, where Estuary Box Terminals Ltd runs a container "
              "terminal.", "en", ("OPERATES", "Estuary Box Terminals Ltd", "Tilbury")),
             ("De container werd gelost aan de Waalhaven, waar Rijnkade Terminals B.V. een terminal exploiteert.", "nl",
              ("OPERATES", "Rijnkade Terminals B.V.", "Waalhaven")),
             ("Le conteneur a été débarqué au port de Brest, où la société Iroise Manutention SAS exploite un terminal.",
              "fr", ("OPERATES", "Iroise Manutention SAS", "Brest")))
    for text, lang, relation in cases:
        assert relation in relations(run(text, lang=lang)), text
    found = relations(run("The reefer was discharged at the Port of Tilbury, where Estuary Box Terminals Ltd inspected a "
                          "container terminal.", lang="en"))
    assert not _operates(found)
