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
