"""A count of the convicted after a count of those tried ("Sept prévenus comparaissaient ; six ont été condamnés",
"Five men stood trial; four of them were convicted") proves one case when exactly that many are charged one by
one; "a reçu six ans" charges its subject."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("fr", "Le tribunal a rendu son jugement jeudi dans le dossier du terminal.\n\nQuatre prévenus comparaissaient ; trois "
           "ont été condamnés.\n\nMathieu Ravel, 46 ans, a écopé de dix ans. Jérôme Tissier, grutier, a reçu six ans. "
           "Hugo Lenoir a été condamné à quatre ans. Le quatrième, Paul Girard, a été relaxé.",
     ("Mathieu Ravel", "Jérôme Tissier", "Hugo Lenoir")),
    ("en", "The jury returned its verdicts on Friday.\n\nFour men stood trial, of whom three were convicted.\n\n"
           "Wayne Corrigan, 46, was sentenced to ten years. Nathan Pryce was sentenced to six years. Colin Aspey was "
           "sentenced to four years. The fourth man, Ivor Mundy, was acquitted.",
     ("Wayne Corrigan", "Nathan Pryce", "Colin Aspey")),
    ("nl", "De rechtbank deed donderdag uitspraak in de zaak.\n\nVier verdachten stonden terecht; drie werden veroordeeld."
           "\n\nKenzo de Wit kreeg tien jaar cel. Okke Brouwer kreeg zes jaar cel. Rick Stoop kreeg vier jaar cel. "
           "De vierde, Gerrit-Jan Lodder, werd vrijgesproken.", ("Kenzo de Wit", "Okke Brouwer", "Rick Stoop")),
    ("fr", "Jérôme Tissier, grutier au terminal, a reçu six ans, de même que son cousin Hugo Lenoir.",
     ("Jérôme Tissier", "Hugo Lenoir")),
])
def test_counted_subset(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    # the count says three, two are charged one by one: nothing across the sentences
    ("fr", "Le tribunal a rendu son jugement jeudi dans le dossier du terminal.\n\nQuatre prévenus comparaissaient ; trois "
           "ont été condamnés.\n\nMathieu Ravel, 46 ans, a écopé de dix ans. Jérôme Tissier, grutier, a reçu six ans."),
    # instructions received, not a term
    ("fr", "Jérôme Tissier a reçu des instructions de Hugo Lenoir par messagerie."),
])
def test_no_counted_subset(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))
