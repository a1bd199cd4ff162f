"""Each identifier type, valid and invalid, from running text (pure functions: no model needed)."""

import pytest

from nlp.identifiers import find_identifiers


def found(text: str, lang: str = "en") -> set[tuple[str, str, bool]]:
    return {(h.type, h.value, h.valid) for h in find_identifiers(text, lang, known_locodes={"BEANR", "NLRTM"})}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the vessel, IMO 9074729, sailed", ("IMO", "9074729", True)),
        ("IMO-nummer: 9074720", ("IMO", "9074720", False)),
        ("container CSQU 305438-3 was scanned", ("CONTAINER", "CSQU3054383", True)),
        ("container CSQU3054384 was scanned", ("CONTAINER", "CSQU3054384", False)),
        ("MMSI 636019825", ("MMSI", "636019825", True)),
        ("MMSI 12345678", ("MMSI", "12345678", False)),
        ("Antwerp (BEANR)", ("LOCODE", "BEANR", True)),
        ("UN/LOCODE BEXYZ", ("LOCODE", "BEXYZ", False)),
        ("call +32 470 12 34 56 now", ("PHONE", "+32470123456", True)),
        ("gsm 0470/12.34.56", ("PHONE", "+32470123456", True)),
        ("tel +32 12", None),
        ("mail J.Peeters@Example.BE today", ("EMAIL", "j.peeters@example.be", True)),
        ("account BE68 5390 0754 7034.", ("IBAN", "BE68539007547034", True)),
        ("account BE68 5390 0754 7035.", ("IBAN", "BE68539007547035", False)),
        ("VAT BE 0456.789.133", ("VAT", "BE0456789133", True)),
        ("enterprise no. 0712.345.829", ("VAT", "BE0712345829", False)),
        ("LEI 5493001KQW6DM7KEDR62", ("LEI", "5493001KQW6DM7KEDR62", True)),
        ("LEI 5493001KQW6DM7KEDR63", ("LEI", "5493001KQW6DM7KEDR63", False)),
    ],
)
def test_identifier_found_with_verdict(text: str, expected: tuple[str, str, bool] | None) -> None:
    hits = found(text)
    if expected is None:
        assert not {h for h in hits if h[0] == "PHONE"}
    else:
        assert expected in hits


def test_invalid_identifiers_are_reported_not_dropped() -> None:
    hits = found("Containers MSKU 123456 7 and MSKU1234565; IMO 9218776 or IMO 9218777.")
    assert ("CONTAINER", "MSKU1234567", False) in hits
    assert ("CONTAINER", "MSKU1234565", True) in hits
    assert ("IMO", "9218776", False) in hits
    assert ("IMO", "9218777", True) in hits


def test_overlaps_go_to_the_more_specific_scheme() -> None:
    hits = found("IBAN BE64 3630 4182 7652 and enterprise number 0456.789.133")
    assert {h[0] for h in hits} == {"IBAN", "VAT"}


def test_phone_region_follows_grouping_and_language() -> None:
    assert ("PHONE", "+33671284490", True) in found("son portable, le 06 71 28 44 90", lang="fr")
    assert ("PHONE", "+31641837265", True) in found("my driver is on 06-41837265")
    assert ("PHONE", "+32470123456", True) in found("le 0470/12.34.56", lang="fr")


def test_words_in_parentheses_are_not_locodes() -> None:
    assert not found("the anti-drug office (OFAST) and the customs (DNRED)")


def test_dates_and_amounts_are_not_phones() -> None:
    assert not found("On 01.02.2021 a fine of 40 000 euros (2021/00317) was paid.")


def test_national_numbers_take_the_document_s_country() -> None:
    # a Dutch document: the French-looking grouping does not make a Dutch mobile French
    assert ("PHONE", "+31621345678", True) in found("Hij gebruikt het nummer 06 21 34 56 78.", lang="nl")
    # the same digits in a French note are French
    assert ("PHONE", "+33621345678", True) in found("Il utilise le 06 21 34 56 78.", lang="fr")
    # a Belgian-looking landline in a text whose other numbers are Dutch is read as Dutch
    assert ("PHONE", "+31104123456", True) in found("Bel +31 6 41 83 72 65 of kantoor 010 412 34 56.", lang="nl")


def test_a_number_valid_only_abroad_stays_unvalidated() -> None:
    hits = [h for h in found("The caller used 06 21 34 56 78 that night.", lang="en") if h[0] == "PHONE"]
    assert hits == [("PHONE", "0621345678", False)]


def test_numbers_of_many_countries_side_by_side_say_nothing_about_the_next() -> None:
    text = "Lines: +32 477 81 22 09 (Brugge), +33 6 12 34 56 78 (Dunkirk), +49 170 1234567 (Hamburg), 07911 123456."
    assert ("PHONE", "+447911123456", True) in found(text)  # not a German number because one line was German
