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


def test_bullets_under_a_blank_line_after_a_warrant(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Trois personnes ont été placées sous mandat d'arrêt par le juge d'instruction. Il s'agit de :\n\n"
            "– Yanis R. (34 ans), docker au terminal Noordkaai ;\n– Joris P. (29 ans), pointeur ;\n"
            "– Ines T. (38 ans), comptable.\n")
    assert _all("Yanis R.", "Joris P.", "Ines T.") <= _pairs(run(text, "fr"))


def test_bullets_under_a_line_without_a_charge(run) -> None:  # type: ignore[no-untyped-def]
    text = ("Les personnes suivantes ont été entendues comme témoins :\n\n– Yanis R. (34 ans), docker ;\n"
            "– Joris P. (29 ans), pointeur.\n")
    assert not _pairs(run(text, "fr"))


def test_dutch_split_verb_with_ages_and_a_day(run) -> None:  # type: ignore[no-untyped-def]
    text = "De onderzoeksrechter hield Yassin K. (30), Bart V. (45), diens broer Luc V. (42) en Ilias M. (24) dinsdag aan."
    assert _all("Yassin K.", "Bart V.", "Luc V.", "Ilias M.") <= _pairs(run(text, "nl"))


def test_dutch_split_verb_other_than_arrest(run) -> None:  # type: ignore[no-untyped-def]
    text = "De politie hield Yassin K. (30) en Bart V. (45) dinsdag in de gaten."  # watched, not arrested
    assert frozenset({"Yassin K.", "Bart V."}) not in _pairs(run(text, "nl"))


def test_dutch_ages_as_adjectives_in_a_list(run) -> None:  # type: ignore[no-untyped-def]
    text = "De rechtbank heeft de 34-jarige Jan de W. en de 41-jarige Kees T. veroordeeld tot zes en vier jaar cel."
    assert frozenset({"Jan de W.", "Kees T."}) in _pairs(run(text, "nl"))


def test_home_towns_without_commas_in_a_list(run) -> None:  # type: ignore[no-untyped-def]
    text = "Jan de W. (34) uit Rotterdam en Kees T. (41) uit Schiedam staan terecht voor het uithalen van cocaïne."
    assert frozenset({"Jan de W.", "Kees T."}) in _pairs(run(text, "nl"))


def test_home_town_aside_without_a_charge(run) -> None:  # type: ignore[no-untyped-def]
    text = "Jan de W. (34) uit Rotterdam en Kees T. (41) uit Schiedam werkten samen op de terminal."
    assert not _pairs(run(text, "nl"))


def test_dutch_finding_of_proof(run) -> None:  # type: ignore[no-untyped-def]
    text = "De rechtbank verklaart bewezen dat Jan de W. en Kees T. cocaïne hebben ingevoerd."
    assert frozenset({"Jan de W.", "Kees T."}) in _pairs(run(text, "nl"))


def test_dutch_finding_not_proven(run) -> None:  # type: ignore[no-untyped-def]
    text = "De rechtbank acht niet bewezen dat Jan de W. en Kees T. cocaïne hebben ingevoerd."
    assert frozenset({"Jan de W.", "Kees T."}) not in _pairs(run(text, "nl"))
