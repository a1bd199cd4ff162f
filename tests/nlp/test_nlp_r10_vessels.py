"""Vessel relations of round 10: OWNS, OPERATES, SHIPPED_IN and CALLED_AT read from more sentence forms."""

from __future__ import annotations

from nlp_support import relations


def typed(ex, type_: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, t) for kind, s, t in relations(ex) if kind == type_}


def test_a_figure_with_a_comma_closes_no_apposition(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The cargo came on the Tern Bay, a 4,200 teu feeder chartered by Gullwing Container Line for the season.",
             lang="en")
    assert typed(ex, "OPERATES") == {("Gullwing Container Line", "Tern Bay")}
    # the apposition still hides a firm named inside it from the cue after it
    ex = run("The cargo came on the Tern Bay, a 4,200 teu feeder of Gullwing Container Line, seized by Redmarsh "
             "Salvage Ltd.", lang="en")
    assert ("Redmarsh Salvage Ltd", "Tern Bay") not in typed(ex, "OPERATES")


def test_the_ship_with_modifiers_refers_to_the_last_named_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Customs boarded the reefer Polar Finch at Dover. The 2,300 teu ship is owned by Skerry Holdings Ltd and "
             "managed by Kittiwake Ship Management Ltd in Hull.", lang="en")
    assert typed(ex, "OWNS") == {("Skerry Holdings Ltd", "Polar Finch")}
    assert typed(ex, "OPERATES") == {("Kittiwake Ship Management Ltd", "Polar Finch")}
    # "the other ship" is not the one named last
    ex = run("Customs boarded the reefer Polar Finch at Dover. The other ship is owned by Skerry Holdings Ltd.", lang="en")
    assert typed(ex, "OWNS") == set()
