"""Check digits and normalisation of hard identifiers."""

from __future__ import annotations

import pytest

from graph.identifiers import REGISTRY, check, iso6346_check_digit, valid_locode
from graph.ids import entity_id, fold, name_key


@pytest.mark.parametrize(("scheme", "text", "value", "valid"), [
    ("IMO", "IMO 9074729", "9074729", True),
    ("IMO", "IMO 9074728", "9074728", False),
    ("CONTAINER", "CSQU 305438-3", "CSQU3054383", True),
    ("CONTAINER", "CSQU3054384", "CSQU3054384", False),
    ("CONTAINER", "MSKU 907032 3", "MSKU9070323", True),
    ("MMSI", "205123456", "205123456", True),
    ("MMSI", "105123456", "105123456", False),
    ("PHONE", "+32 470 12 34 56", "+32470123456", True),
    ("PHONE", "0032 470 12 34 56", "+32470123456", True),
    ("PHONE", "0470/12.34.56", "+32470123456", True),
    ("EMAIL", "<Jan.Peeters@Example.BE>", "jan.peeters@example.be", True),
    ("IBAN", "BE68 5390 0754 7034", "BE68539007547034", True),
    ("IBAN", "BE68 5390 0754 7035", "BE68539007547035", False),
    ("VAT", "BE 0403.170.701", "BE0403170701", True),
    ("VAT", "BE 0403.170.702", "BE0403170702", False),
    ("LEI", "5493001KJTIIGC8Y1R12", "5493001KJTIIGC8Y1R12", True),
    ("LEI", "5493001KJTIIGC8Y1R13", "5493001KJTIIGC8Y1R13", False),
    ("LOCODE", "BE ANR", "BEANR", True),
])
def test_clean_and_validate(scheme, text, value, valid):
    assert check(scheme, text) == (value, valid)


def test_iso6346_letter_values_skip_multiples_of_eleven():
    # worked example from the standard's description: CSQU305438 -> 3
    assert iso6346_check_digit("CSQU305438") == 3


def test_locode_against_a_code_list():
    assert valid_locode("BEANR", known={"BEANR"})
    assert not valid_locode("BEXXX", known={"BEANR"})
    assert not valid_locode("B3ANR")


def test_ids_are_deterministic_and_readable():
    assert fold("  Rüdiger   MAËS ") == "rudiger maes"
    assert name_key("Zeebrugge Logistics B.V.B.A.") == "zeebrugge-logistics-b-v-b-a"
    assert entity_id("PERSON", "Jan Peeters") == entity_id("PERSON", "jan  PEETERS") == "person:jan-peeters"
    assert entity_id("VESSEL", "Maersk Elba", {"IMO": "9074729"}) == "vessel:imo:9074729"
    assert REGISTRY["CONTAINER"].node_id("CSQU3054383") == "container:CSQU3054383"
    assert REGISTRY["PHONE"].node_id("+32470123456") == "phone:+32470123456"
    assert REGISTRY["LOCODE"].node_id("BEANR") == "port:BEANR"
