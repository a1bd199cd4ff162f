"""Firms that operate, manage or charter a ship (OPERATES), and the ships they name."""

from __future__ import annotations

from nlp_support import mentions, relations


def operates(ex) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for type_, s, t in relations(ex) if type_ == "OPERATES"}


def test_managed_and_chartered_by(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Nordic Wren is managed by Fjordholm Ship Management AS and chartered by Seatrade.", lang="en")
    assert operates(ex) == {("Fjordholm Ship Management AS", "Nordic Wren"), ("Seatrade", "Nordic Wren")}


def test_a_ship_of_a_line_and_the_operator_of_a_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Cala Ribes, a vessel of the Levante Feeder Line, was searched at Valencia.", lang="en")
    assert operates(ex) == {("Levante Feeder Line", "Cala Ribes")}
    ex = run("Fjordholm Reefer Lines AS, the operator of the Nordic Spey, declined to comment.", lang="en")
    assert operates(ex) == {("Fjordholm Reefer Lines AS", "Nordic Spey")}
    ex = run("The shipping line Seaboard Marine, whose vessel Seaboard Grace was searched, cooperated fully.", lang="en")
    assert operates(ex) == {("Seaboard Marine", "Seaboard Grace")}


def test_operates_names_a_ship_but_not_a_terminal(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Hapag-Lloyd, which operates the Berlin Expressway, said it was cooperating with police.", lang="en")
    assert operates(ex) == {("Hapag-Lloyd", "Berlin Expressway")}
    ex = run("Kaaiveld NV, which operates the Antwerp Gateway terminal, said it was cooperating.", lang="en")
    assert mentions(ex, "VESSEL") == set()


def test_dutch_operated_by(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("De Nordic Havik wordt uitgebaat door Fjordholm Reefer Lines AS.", lang="nl")
    assert operates(ex) == {("Fjordholm Reefer Lines AS", "Nordic Havik")}


def test_terminal_and_port_operators(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Thamesgate Ports Ltd, which runs the terminal at Tilbury, has cooperated fully.", lang="en")
    assert operates(ex) == {("Thamesgate Ports Ltd", "Tilbury")}
    ex = run("Ferraro worked at the Ironside Container Terminal, which Harbourgate Terminal Partners LLC runs at "
             "Port Newark.", lang="en")
    assert ("Harbourgate Terminal Partners LLC", "Ironside Container Terminal") in operates(ex)


def test_the_carrier_named_after_the_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The Cala Ribes of the shipping line Levante Feeders Ltd was searched.", lang="en")
    assert operates(ex) == {("Levante Feeders Ltd", "Cala Ribes")}
    nl = run("Het containerschip Santa Rika van rederij Andes Reefer Lines meerde aan in Antwerpen.", lang="nl")
    assert operates(nl) == {("Andes Reefer Lines", "Santa Rika")}
    # a Dutch surname after "de" is no ship
    nl = run("Volgens de politie arriveerde de Vries om tien uur in Rotterdam.", lang="nl")
    assert mentions(nl, "VESSEL") == set()
