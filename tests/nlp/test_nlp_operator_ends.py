"""An "operated by" phrase belongs to the terminal right before it, not to a ship named earlier."""

from __future__ import annotations

from nlp_support import relations

from nlp.components.operator_ends import nearer_operated
from nlp.components.relations import RelationHit

TEXT = "When the ship reached the Delta Terminal, operated by Harbour Board, police boarded it."
SHIP = (TEXT.index("the ship"), TEXT.index("the ship") + 8)
TERMINAL = (TEXT.index("Delta Terminal"), TEXT.index("Delta Terminal") + 14)
BOARD = (TEXT.index("Harbour Board"), TEXT.index("Harbour Board") + 13)


LABELS = {SHIP: "VESSEL", TERMINAL: "PORT", BOARD: "ORGANIZATION"}


def _op(target: tuple[int, int]) -> RelationHit:
    return RelationHit("OPERATES", BOARD, target, 0, len(TEXT), 0, len(TEXT), "rule", 0.8, "test")


def test_the_nearer_terminal_keeps_the_operator() -> None:
    out = nearer_operated([_op(SHIP), _op(TERMINAL)], TEXT, LABELS)
    assert [h.target for h in out] == [TERMINAL]


def test_a_ship_without_a_place_in_between_keeps_its_operator() -> None:
    labels = {SHIP: "VESSEL", BOARD: "ORGANIZATION"}
    assert [h.target for h in nearer_operated([_op(SHIP)], TEXT, labels)] == [SHIP]


def test_in_a_text(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The M/V Corvina Star, a bulk carrier operated by Halden Bulk Shipping Ltd., left Cartagena. "
             "When the ship reached the Blount Island Terminal, operated by the Jaxport Authority, officers "
             "found cocaine in the hold.", lang="en")
    operates = {(s, t) for ty, s, t in relations(ex) if ty == "OPERATES"}
    assert ("Halden Bulk Shipping Ltd.", "Corvina Star") in operates or any(
        t == "Corvina Star" and "Halden" in s for s, t in operates)
    assert not any(t == "Corvina Star" and "Jaxport" in s for s, t in operates)
