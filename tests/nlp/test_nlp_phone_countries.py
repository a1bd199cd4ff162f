"""Phones written in national format take the calling code of the country the text is about."""

from __future__ import annotations

import pytest

from nlp.identifiers import find_identifiers, text_countries


def phones(text: str, lang: str = "en") -> set[tuple[str, bool]]:
    return {(h.value, h.valid) for h in find_identifiers(text, lang) if h.type == "PHONE"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Gardaí in Cork said the driver used 087 123 4567.", ("+353871234567", True)),
    ("The AFP said the stevedore's handset, 0412 345 678, was seized in Sydney.", ("+61412345678", True)),
    ("HSI agents in Miami traced (305) 555-0147 to the defendant.", ("+13055550147", True)),
    ("Agents in Newark, New Jersey, called 973-555-0142.", ("+19735550142", True)),
    ("The U.S. Attorney said he used +1 (912) 555-0143.", ("+19125550143", True)),
])
def test_national_number_takes_the_country_the_text_names(text: str, expected: tuple[str, bool]) -> None:
    assert phones(text) == {expected}


def test_a_number_valid_nowhere_keeps_the_named_country_unvalidated() -> None:
    # a drama-range UK mobile is no valid number, but the text is British: its E.164 form is still +44
    assert phones("NCA officers in Felixstowe found the number 07700 900123 in his car.") == {("+447700900123", False)}
    assert phones("The number 07700 900123 was found in his car.") == {("07700900123", False)}


def test_north_american_forms_need_a_north_american_text() -> None:
    assert phones("The Antwerp court noted reference 305-555-0147.") == set()
    assert phones("Dockets 2:21-cr-00123 and 23-1456 were joined in Miami.") == set()


def test_grouping_and_international_numbers_still_win() -> None:
    # a Belgian grouping in a text about Ireland stays Belgian
    assert phones("Gardaí in Dublin found 0470 12 34 56 on the phone.") == {("+32470123456", True)}
    assert ("+31612345678", True) in phones("Rotterdam police: +31 6 11 22 33 44 and 06-12345678.", "nl")


def test_text_countries_ranks_by_mentions() -> None:
    assert text_countries("The NCA and Border Force at Felixstowe; a Dublin link.")[0] == "GB"
    assert text_countries("Nothing here.") == ()
