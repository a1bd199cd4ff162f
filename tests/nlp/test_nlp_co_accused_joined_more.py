"""CO_ACCUSED joined by a bare co-defendant noun, by "as was" / "tout comme" / "evenals", gapped clauses that
name a co-defendant; no pair for a co-defendant who was acquitted or for people who were only heard."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    # "alongside accomplices B and C", "together with co-defendants B and C", "avec ses complices", "samen met medeverdachte"
    ("en", "Wayne Corrigan, from Bootle, was jailed for eight years alongside accomplices Nathan Pryce and Colin Aspey.",
     ("Wayne Corrigan", "Nathan Pryce", "Colin Aspey")),
    ("en", "On Friday Gordon Blakey was sentenced together with co-defendants Ivor Mundy and Lionel Sharpe.",
     ("Gordon Blakey", "Ivor Mundy", "Lionel Sharpe")),
    ("fr", "Mathieu Ravel a été condamné avec ses complices Jérôme Tissier et Hugo Lenoir.",
     ("Mathieu Ravel", "Jérôme Tissier", "Hugo Lenoir")),
    ("nl", "Kenzo de Wit werd samen met medeverdachte Okke Brouwer aangehouden.", ("Kenzo de Wit", "Okke Brouwer")),
    # the second defendant after the clause: "as was B", "tout comme B", "evenals B"
    ("en", "Wayne Corrigan was convicted of conspiracy to supply, as was Nathan Pryce.", ("Wayne Corrigan", "Nathan Pryce")),
    ("en", "Gordon Blakey was charged with importing heroin, as were Ivor Mundy and Lionel Sharpe.",
     ("Gordon Blakey", "Ivor Mundy", "Lionel Sharpe")),
    ("fr", "Mathieu Ravel a été mis en examen, tout comme Jérôme Tissier.", ("Mathieu Ravel", "Jérôme Tissier")),
    ("nl", "Gerrit-Jan Lodder werd veroordeeld, evenals Rick Stoop.", ("Gerrit-Jan Lodder", "Rick Stoop")),
    # a gapped clause whose subject is named as a co-defendant
    ("nl", "Kenzo W. kreeg zes jaar, medeverdachte Okke B. vier jaar.", ("Kenzo W.", "Okke B.")),
    ("en", "Wayne Corrigan was sentenced to nine years, and co-defendant Nathan Pryce to seven years.",
     ("Wayne Corrigan", "Nathan Pryce")),
    ("fr", "Mathieu Ravel a été condamné à huit ans, son coprévenu Jérôme Tissier à six ans.",
     ("Mathieu Ravel", "Jérôme Tissier")),
])
def test_joined(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    # a co-defendant acquitted or cleared is not paired
    ("en", "Wayne Corrigan was convicted. Nathan Pryce, his co-defendant, was acquitted."),
    ("en", "Gordon Blakey was sentenced to nine years. His co-defendant Ivor Mundy was cleared by the jury."),
    ("fr", "Mathieu Ravel a été condamné à huit ans. Son coprévenu Jérôme Tissier a été relaxé."),
    ("nl", "Kenzo W. kreeg zes jaar cel. Medeverdachte Okke B. werd vrijgesproken."),
    ("nl", "Gerrit-Jan Lodder en Rick Stoop zijn vrijgesproken."),
    # "as was" / "tout comme" / "evenals" after a clause that charges no one
    ("en", "Wayne Corrigan was interviewed by detectives, as was Nathan Pryce."),
    ("fr", "Mathieu Ravel a été entendu comme témoin, tout comme Jérôme Tissier."),
    ("nl", "Kenzo de Wit werd als getuige gehoord, evenals Okke Brouwer."),
])
def test_not_joined(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))
