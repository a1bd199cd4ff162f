"""Contact cues with a cited body, a channel or a described callee between the two parties:
"belde volgens het OM meerdere keren met", "werd herhaaldelijk gebeld door de tweede verdachte, Y",
"had volgens de FIOD via het e-mailadres X contact met", "placed calls from a satellite phone to a man
the government identified as Y"."""

from __future__ import annotations

from nlp_support import relations


def found(ex, type_: str) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset((s, t)) for ty, s, t in relations(ex) if ty == type_}


NL_INTRO = "Koen Smit (44), Dirk Mol (38) en Jan Bakker (50) zijn aangehouden. "


def test_dutch_cited_body_between_caller_and_callee(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(NL_INTRO + "Koen Smit belde volgens het OM meerdere keren met Dirk Mol.", lang="nl")
    assert found(ex, "CONTACTED") == {frozenset(("Koen Smit", "Dirk Mol"))}
    ex = run(NL_INTRO + "Koen Smit belde volgens het OM nooit met Dirk Mol.", lang="nl")
    assert found(ex, "CONTACTED") == set()


def test_dutch_passive_with_a_described_caller(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(NL_INTRO + "Volgens de rechtbank werd Jan Bakker herhaaldelijk gebeld door de tweede verdachte, "
             "Dirk Mol.", lang="nl")
    assert found(ex, "CONTACTED") == {frozenset(("Jan Bakker", "Dirk Mol"))}


def test_dutch_contact_through_an_address(run) -> None:  # type: ignore[no-untyped-def]
    ex = run(NL_INTRO + "Jan Bakker had volgens de FIOD via het e-mailadres j.bakker@postmail.nl contact met "
             "Koen Smit over de aankomst van het schip.", lang="nl")
    assert found(ex, "CONTACTED") == {frozenset(("Jan Bakker", "Koen Smit"))}
    assert {s for ty, s, t in relations(ex) if ty == "HAS_EMAIL"} == {"Jan Bakker"}


def test_english_calls_placed_to_a_described_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Marco Ruiz and Tomás Herrera were convicted. During the voyage, Marco Ruiz placed several calls "
             "from a satellite phone to a man the government identified as Julio Barrera.", lang="en")
    assert frozenset(("Marco Ruiz", "Julio Barrera")) in found(ex, "CONTACTED")
    assert frozenset(("Tomás Herrera", "Julio Barrera")) not in found(ex, "CONTACTED")


def test_dutch_verb_final_clause(run) -> None:  # type: ignore[no-untyped-def]
    intro = "Marco van der Linden (51) en Andriy Kovalenko (44) zijn veroordeeld. "
    ex = run(intro + "Uit tapgesprekken blijkt dat Marco van der Linden in de dagen voor de aankomst meerdere "
             "keren met Andriy Kovalenko belde.", lang="nl")
    assert found(ex, "CONTACTED") == {frozenset(("Marco van der Linden", "Andriy Kovalenko"))}
    ex = run(intro + "De rechtbank stelt vast dat Marco van der Linden nooit met Andriy Kovalenko belde.", lang="nl")
    assert found(ex, "CONTACTED") == set()
