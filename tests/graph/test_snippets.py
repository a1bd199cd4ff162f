"""A long evidence sentence shown on one line keeps the names it is about (CLI lines, picture tooltips)."""

from __future__ import annotations

from graph.snippets import snippet

LONG = ("Bij de aanhoudingen van dinsdagochtend in de haven werden behalve de chauffeur die als uitzendkracht bij de "
        "terminal werkte ook Mehmet Yilmaz (29) en Sanne de Graaf (41) aangehouden.")


def test_a_short_sentence_is_shown_whole():
    assert snippet("Jan Peeters runs the firm.", ["Jan Peeters"]) == "Jan Peeters runs the firm."


def test_the_window_moves_to_the_names_and_marks_what_it_cuts():
    shown = snippet(LONG, ["Mehmet Yilmaz", "Sanne de Graaf"], width=80)
    assert "Mehmet Yilmaz" in shown and "Sanne de Graaf" in shown
    assert shown.startswith("…") and len(shown) <= 82
    assert LONG[:80] not in shown


def test_names_further_apart_than_the_width_are_both_kept():
    shown = snippet(LONG, ["aanhoudingen", "Sanne de Graaf"], width=40)
    assert "aanhoudingen" in shown and "Sanne de Graaf" in shown and " … " in shown


def test_without_a_name_found_the_start_is_shown_and_marked_cut():
    assert snippet(LONG, ["Nobody"], width=30) == LONG[:30] + "…"
