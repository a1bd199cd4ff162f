"""Form lines with dot leaders and "operated by" keys state a ship's operator and ports."""

from __future__ import annotations

from nlp_support import relations


def test_dot_leaders_separate_key_and_value(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("VESSEL ........... NORDIC KITE\nIMO .............. 9218776\nOPERATOR ......... HALVORSEN REEFER LINES AS\n"
             "REMARKS .......... NONE\n", lang="en")
    found = {(t, s.upper(), o.upper()) for t, s, o in relations(ex)}
    assert ("OPERATES", "HALVORSEN REEFER LINES AS", "NORDIC KITE") in found


def test_operated_by_keys(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Schip: Maas Kolibrie\nGeëxploiteerd door: Zuiderlicht Reefer Line S.A., Panama\n", lang="nl")
    assert ("OPERATES", "Zuiderlicht Reefer Line S.A.", "Maas Kolibrie") in relations(ex)


def test_a_sentence_with_an_ellipsis_is_no_record(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The operator... well, Halvorsen Reefer Lines AS never ran the Nordic Kite.", lang="en")
    assert not {r for r in relations(ex) if r[0] == "OPERATES"}
