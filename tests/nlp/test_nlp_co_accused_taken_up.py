"""A list of people in a sentence that charges nobody, taken up by the next sentence that opens on them and charges
them ("Both were charged", "Ils ont été mis en examen", "Beiden zijn aangehouden"): CO_ACCUSED over both sentences."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "Officers stopped Wayne Corrigan and Nathan Pryce at the gate of the terminal. Both were charged with importing "
           "cocaine.", ("Wayne Corrigan", "Nathan Pryce")),
    ("en", "Gordon Blakey and Ivor Mundy were found hiding in a container. The pair were charged the next day.",
     ("Gordon Blakey", "Ivor Mundy")),
    ("en", "Dogs found Wayne Corrigan, Nathan Pryce and Colin Aspey in a reefer box. All three were remanded in custody.",
     ("Wayne Corrigan", "Nathan Pryce", "Colin Aspey")),
    ("fr", "Les douaniers ont découvert Mathieu Ravel et Jérôme Tissier dans un conteneur. Ils ont été mis en examen.",
     ("Mathieu Ravel", "Jérôme Tissier")),
    ("fr", "Mathieu Ravel et Hugo Lenoir se trouvaient à bord du camion. Tous deux ont été écroués.",
     ("Mathieu Ravel", "Hugo Lenoir")),
    ("nl", "Kenzo de Wit en Okke Brouwer werden aangetroffen in een container. Beiden zijn aangehouden.",
     ("Kenzo de Wit", "Okke Brouwer")),
    ("nl", "De douane trof Rick Stoop en Gerrit-Jan Lodder aan in een container. Ze werden aangehouden.",
     ("Rick Stoop", "Gerrit-Jan Lodder")),
])
def test_taken_up(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Wayne Corrigan and Nathan Pryce saw the lorry leave. They were later heard as witnesses at the trial."),
    ("en", "Gordon Blakey and Ivor Mundy ran the firm for years. Both were praised by the harbour master."),
    # the count does not fit the list
    ("en", "Dogs found Wayne Corrigan and Nathan Pryce in a reefer box. All three were remanded in custody."),
    ("nl", "Kenzo de Wit en Okke Brouwer werden aangetroffen in een container. Beiden zijn niet aangehouden."),
])
def test_not_taken_up(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))
