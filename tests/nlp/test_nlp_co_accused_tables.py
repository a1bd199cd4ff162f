"""CO_ACCUSED in text tables (pipe rows under a header) and in lists that give each term after a dash."""

from __future__ import annotations

from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


def test_pipe_table_of_defendants(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Sentences imposed in the Port Everglades case:\n\n| Defendant | Age | Home | Sentence |\n|---|---|---|---|\n"
            "| Dwight Mercer | 44 | Dania Beach | 135 months |\n| Teodoro Ruiz | 38 | Hialeah | 97 months |\n"
            "| Mariela Soto | 31 | Davie | 46 months |\n")
    assert _all("Dwight Mercer", "Teodoro Ruiz", "Mariela Soto") <= _pairs(run(text, "en"))


def test_pipe_table_without_a_charge_is_no_list(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Port security contacts:\n\n| Name | Role | Phone |\n|---|---|---|\n| Dwight Mercer | duty officer | 555-0101 |\n"
            "| Teodoro Ruiz | gate supervisor | 555-0102 |\n")
    assert not _pairs(run(text, "en"))


def test_terms_after_a_dash(run) -> None:  # type: ignore[no-untyped-def]
    text = ("SENTENCED: Dwight Mercer, 44, Dania Beach - 135 months; Teodoro Ruiz, 38, Hialeah - 97 months; "
            "Mariela Soto, 31, Davie - 46 months.")
    assert _all("Dwight Mercer", "Teodoro Ruiz", "Mariela Soto") <= _pairs(run(text, "en"))
