"""People counted as charged, introduced one per sentence by an ordinal ("The first, A ... The second, B ..."), and
taken up again as a charged group ("Both have been charged"): CO_ACCUSED over the sentences."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "Officers arrested two men at the Port of Hull. The first, a 44-year-old man from Goole named in court as "
           "Wayne Corrigan, was a stevedore. The second, Nathan Pryce, 39, is a Latvian national. Both have been charged "
           "with importing cocaine.", ("Wayne Corrigan", "Nathan Pryce")),
    ("fr", "Deux hommes ont été interpellés au Havre. Le premier, Mathieu Ravel, 41 ans, est docker. Le second, Jérôme "
           "Tissier, 36 ans, est chauffeur routier. Tous deux ont été mis en examen.", ("Mathieu Ravel", "Jérôme Tissier")),
    ("nl", "Twee mannen zijn aangehouden in de haven. De eerste, Kenzo de Wit (34), werkt als sjorder. De tweede, Okke "
           "Brouwer (29), is vrachtwagenchauffeur. Beiden zijn in verzekering gesteld.", ("Kenzo de Wit", "Okke Brouwer")),
])
def test_ordinals(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    # the count does not fit
    ("en", "Officers arrested three men at the Port of Hull. The first, Wayne Corrigan, was a stevedore. The second, "
           "Nathan Pryce, is a driver. Both have been charged."),
    # witnesses, not charged
    ("en", "Two witnesses gave evidence. The first, Wayne Corrigan, was a stevedore. The second, Nathan Pryce, is a "
           "driver. Both were thanked by the judge."),
    # nothing takes them up again as charged
    ("fr", "Deux salariés ont été mis en examen. Le premier, Mathieu Ravel, est cariste. Le second, Jérôme Tissier, "
           "est pointeur. Selon le parquet, ils sortaient les sacs des conteneurs."),
])
def test_no_ordinals(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))
