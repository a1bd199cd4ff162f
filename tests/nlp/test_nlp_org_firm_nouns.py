"""A firm named right after a noun that says it is one ("his company X", "uitzendbureau X", "stuwadoor X")."""

from __future__ import annotations

from nlp_support import mentions, relations


def test_a_name_after_a_firm_noun_is_a_company(run) -> None:  # type: ignore[no-untyped-def]
    cases = (("Kyle Dunmore ran his company Tidewater Imports from a unit in Grays.", "en", "Tidewater Imports"),
             ("Hij werkte via uitzendbureau Havenflex in Rotterdam.", "nl", "Havenflex"),
             ("Hij is werkzaam bij stuwadoor Kustkaai Stevedoring in Zeebrugge.", "nl", "Kustkaai Stevedoring"))
    for text, lang, firm in cases:
        assert firm in mentions(run(text, lang=lang), "COMPANY"), text
    found = relations(run("Kyle Dunmore ran his company Tidewater Imports from a unit in Grays.", lang="en"))
    assert {r for r in found if r[1] == "Kyle Dunmore" and r[2] == "Tidewater Imports" and r[0] != "CO_MENTIONED"}


def test_a_firm_noun_before_a_lower_case_word_names_nothing(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The company said on Monday that its staff had cooperated with Police Scotland.", lang="en")
    assert not mentions(ex, "COMPANY")
