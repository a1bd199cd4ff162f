from nlp import detect_language
from nlp.language import detect_segments


def test_each_language_is_detected() -> None:
    assert detect_language("The container was seized by customs in the port of Antwerp last week.") == "en"
    assert detect_language("Le conteneur a été saisi par la douane dans le port d'Anvers la semaine dernière.") == "fr"
    assert detect_language("De container werd vorige week door de douane in de haven van Antwerpen in beslag genomen.") == "nl"


def test_text_without_words_falls_back_to_default() -> None:
    assert detect_language("+32 470 12 34 56 / 2024-03-01") == "en"
    assert detect_language("", default="fr") == "fr"


def test_mixed_document_is_split_per_paragraph() -> None:
    en = "The suspect was employed by a forwarding firm in the port and he was arrested on Monday morning."
    nl = "De verdachte werkte voor een expeditiebedrijf in de haven en hij werd maandagochtend opgepakt door de politie."
    text = en + "\n\n" + nl
    segments = detect_segments(text)
    assert [s.lang for s in segments] == ["en", "nl"]
    assert text[segments[1].start:segments[1].end].startswith("De verdachte")


def test_short_header_does_not_make_its_own_segment() -> None:
    text = "PROCES-VERBAAL\n\n" + "Het schip werd door de douane in de haven van Antwerpen gecontroleerd en de lading werd in beslag genomen."
    assert [s.lang for s in detect_segments(text)] == ["nl"]
