"""CO_ACCUSED for people tried together, held or due in court, caught in the act, facing a trial with words inside
the Dutch verb, or named after what a charging paper alleges; no pair for a list of witnesses."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "Wayne Corrigan was tried jointly with Nathan Pryce at Leeds Crown Court.", ("Wayne Corrigan", "Nathan Pryce")),
    ("en", "In 2019 Gordon Blakey and Ivor Mundy were tried together for the importation.", ("Gordon Blakey", "Ivor Mundy")),
    ("en", "Colin Aspey and Lionel Sharpe, who are in custody, are due back in court next month.",
     ("Colin Aspey", "Lionel Sharpe")),
    ("en", "The indictment alleges that Wayne Corrigan, Nathan Pryce and Colin Aspey conspired to smuggle cocaine.",
     ("Wayne Corrigan", "Nathan Pryce", "Colin Aspey")),
    ("en", "According to the complaint, Gordon Blakey and Ivor Mundy moved the bags off the ship.",
     ("Gordon Blakey", "Ivor Mundy")),
    ("en", "Gordon Blakey and Ivor Mundy were caught red-handed at the quay.", ("Gordon Blakey", "Ivor Mundy")),
    ("nl", "Kenzo de Wit en Okke Brouwer moeten zich in juni voor de rechter verantwoorden.", ("Kenzo de Wit", "Okke Brouwer")),
    ("nl", "Rick Stoop en Gerrit-Jan Lodder werden in de haven op heterdaad betrapt.", ("Rick Stoop", "Gerrit-Jan Lodder")),
    ("fr", "Mathieu Ravel et Jérôme Tissier ont été interpellés en flagrant délit sur le quai.",
     ("Mathieu Ravel", "Jérôme Tissier")),
])
def test_trial_frames(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Witnesses Wayne Corrigan and Nathan Pryce testified at the trial."),
    ("en", "Gordon Blakey and Ivor Mundy testified at the trial of the crane driver."),
    ("nl", "Kenzo de Wit en Okke Brouwer werden als getuigen gehoord in de zaak."),
    ("fr", "Mathieu Ravel et Jérôme Tissier ont témoigné au procès du docker."),
    ("en", "Wayne Corrigan and Nathan Pryce tried to bribe a customs officer, the court heard."),
    ("nl", "De rechtbank sprak Kenzo de Wit en Okke Brouwer vrij."),
])
def test_not_trial_frames(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))
