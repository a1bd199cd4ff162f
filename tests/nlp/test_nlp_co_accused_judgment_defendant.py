"""A judgment names its defendant once and then says "verdachte"; "verdachte samen met zijn medeverdachten B en C"
makes the three co-accused. A co-defendant named as such needs no charge word; an accomplice does."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("nl", "Vonnis in de strafzaak tegen\n\nKenzo de Wit,\ngeboren te Vlissingen.\n\nDe rechtbank stelt vast dat verdachte "
           "samen met zijn medeverdachten Okke Brouwer en Rick Stoop heeft gehandeld.",
     ("Kenzo de Wit", "Okke Brouwer", "Rick Stoop")),
    ("en", "Wayne Corrigan worked the night shift together with his co-defendant Nathan Pryce.",
     ("Wayne Corrigan", "Nathan Pryce")),
    ("fr", "Mathieu Ravel surveillait le quai avec son coprévenu Jérôme Tissier.", ("Mathieu Ravel", "Jérôme Tissier")),
])
def test_judgment_defendant(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    # accomplices or colleagues, nothing charged: no co-accused
    ("en", "Wayne Corrigan worked the night shift together with his accomplices Nathan Pryce and Colin Aspey."),
    ("nl", "Kenzo de Wit werkte samen met zijn collega Okke Brouwer op de kade."),
    ("fr", "Mathieu Ravel surveillait le quai avec son complice Jérôme Tissier."),
])
def test_not_judgment_defendant(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))
