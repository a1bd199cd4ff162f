"""CO_ACCUSED across sentences where the text says the charge is one more of the same case
("was also sentenced", "the other defendants"), and the prosecution's demand clause by clause."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "Warren Fitch was sentenced on Thursday to nine years in prison. Leon Okafor, 37, of Elizabeth, was also "
           "sentenced to six years.", ("Warren Fitch", "Leon Okafor")),
    ("en", "Warren Fitch was sentenced to nine years. The other defendants, Leon Okafor and Simon Pratt, received "
           "six years each.", ("Warren Fitch", "Leon Okafor", "Simon Pratt")),
    ("fr", "Mathieu Roussel a été condamné à neuf ans. Idriss Kaci a également été condamné, à six ans.",
     ("Mathieu Roussel", "Idriss Kaci")),
    ("nl", "Ruud Verbeek kreeg negen jaar cel. Said Amrani werd eveneens veroordeeld, tot zes jaar.",
     ("Ruud Verbeek", "Said Amrani")),
    ("nl", "Tegen Ruud Verbeek (52) eiste het OM negen jaar cel, tegen Said Amrani (33) zes jaar.",
     ("Ruud Verbeek", "Said Amrani")),
])
def test_one_more_of_the_same_case(run, lang: str, text: str, names: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert _all(*names) <= _pairs(run(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    # two sentences that each charge their own man, with nothing that ties them
    ("en", "Warren Fitch was sentenced to nine years in prison. Leon Okafor, 37, received six years."),
    # "also", but in another case
    ("en", "Warren Fitch was sentenced to nine years. In a separate case, Leon Okafor was also sentenced to six years."),
    # "also" under a negation
    ("en", "Warren Fitch was charged on Monday. Leon Okafor was not also charged."),
])
def test_no_pair_without_the_same_case(run, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert frozenset({"Warren Fitch", "Leon Okafor"}) not in _pairs(run(text, lang))


def test_pronoun_sentenced_together_with_a_list(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Warren Fitch, 42, from Basildon, was employed as a crane driver. He was sentenced at Chelmsford Crown Court "
             "on Friday together with Leon Okafor, 35, of Grays, and Simon Pratt, 50, of Ilford.", "en")
    assert _all("Warren Fitch", "Leon Okafor", "Simon Pratt") <= _pairs(ex)


def test_pronoun_of_a_witness_is_no_co_accused(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Warren Fitch, a crane driver, gave evidence at the trial. He said he had met Leon Okafor twice.", "en")
    assert frozenset({"Warren Fitch", "Leon Okafor"}) not in _pairs(ex)


def test_listed_names_after_other_members_of_the_group(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Two other members of the group, Curtis Vane and Lyle Barrow, were sentenced last month to 84 and 96 "
             "months.", "en")
    assert frozenset({"Curtis Vane", "Lyle Barrow"}) in _pairs(ex)


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "Warren Fitch was arrested at the port. In addition to Warren Fitch, Leon Okafor, 35, and Simon Pratt, 29, "
           "were charged.", ("Warren Fitch", "Leon Okafor", "Simon Pratt")),
    ("nl", "Naast Ruud Verbeek zijn ook Said Amrani (41) en Tom Hendrikx (29) aangehouden.",
     ("Ruud Verbeek", "Said Amrani", "Tom Hendrikx")),
    ("fr", "Mathieu Roussel a été interpellé au port. Deux autres suspects, Idriss Kaci et Bruno Lenoir, ont été "
           "arrêtés à leur domicile.", ("Mathieu Roussel", "Idriss Kaci", "Bruno Lenoir")),
])
def test_one_more_named_before_or_after_the_list(run, lang: str, text: str, names: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert _all(*names) <= _pairs(run(text, lang))


def test_in_addition_to_a_witness_is_no_charge(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("In addition to Warren Fitch, who gave evidence, the court heard from Leon Okafor.", "en")
    assert frozenset({"Warren Fitch", "Leon Okafor"}) not in _pairs(ex)


def test_sentenced_alongside_him_were(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Warren Fitch was sentenced to 12 years. Sentenced alongside him were Leon Okafor and Simon Pratt.", "en")
    assert _all("Warren Fitch", "Leon Okafor", "Simon Pratt") <= _pairs(ex)


def test_seen_alongside_him_is_no_charge(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Warren Fitch was sentenced to 12 years. Seen alongside him were Leon Okafor and Simon Pratt.", "en")
    assert not _pairs(ex) & {frozenset({"Warren Fitch", "Leon Okafor"}), frozenset({"Warren Fitch", "Simon Pratt"})}
