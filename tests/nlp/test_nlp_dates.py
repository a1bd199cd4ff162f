"""Event dates: days named in English, French and Dutch sentences date the relations found there."""

from __future__ import annotations

from graph.model import Document
from nlp.dates import find_dates
from nlp.extractor import extract


def test_days_in_three_languages_with_and_without_a_year() -> None:
    text = ("Op 21 november 2023 belde hij. Le 3 mars, il a revu le docker. "
            "On June 20, 2024 the barge left; the log says 05/07/2024 and 2024-08-01.")
    found = [(d.text, d.iso) for d in find_dates(text, reference="2024-09-30")]
    assert found == [("21 november 2023", "2023-11-21"), ("3 mars", "2024-03-03"),
                     ("June 20, 2024", "2024-06-20"), ("05/07/2024", "2024-07-05"), ("2024-08-01", "2024-08-01")]


def test_a_day_without_a_year_never_falls_after_the_document() -> None:
    # a note written in January about "15 December" speaks of the December before it
    assert [d.iso for d in find_dates("Vu le 15 décembre.", reference="2024-01-10")] == ["2023-12-15"]
    # without a document date, the last year written earlier in the text is used, else nothing
    assert [d.iso for d in find_dates("In 2021 it began. On 4 May the ship came.")] == ["2021-05-04"]
    assert find_dates("On 4 May the ship came.") == []


def test_words_that_only_look_like_dates_are_not_dates() -> None:
    assert find_dates("He may 5 times call; invalid 31/02/2024; phone 03.233.45.67") == []


def test_relation_evidence_carries_the_day_its_sentence_names() -> None:
    text = ("Report of 2 May 2024.\n\nOn 19 June 2023 Jan Peeters called Milan Vos about the container. "
            "Milan Vos works for Hapag Shipping NV.")
    ex = extract(Document(doc_id="d" * 64, text=text, date="2024-05-02"), lang="en")
    dates = {(r.source, r.type, r.target): {e.date for e in r.evidence} for r in ex.relations}
    assert dates[("person:jan-peeters", "CONTACTED", "person:milan-vos")] == {"2023-06-19"}
    # no day in that sentence: the document's date stands
    assert dates[("person:milan-vos", "EMPLOYED_BY", "company:hapag-shipping-nv")] == {"2024-05-02"}


def test_a_document_header_dates_itself_in_three_languages() -> None:
    from nlp.dates import header_date

    assert header_date("PORT UNIT\nDate of interview: 19 September 2023, 14:05\n") == "2023-09-19"
    assert header_date("PJF\nDate : 4 octobre 2023. Analyste : X\n") == "2023-10-04"
    assert header_date("FGP Antwerpen\nDatum: 3 maart 2024\n") == "2024-03-03"
    assert header_date("No header here.\nThe meeting had no date: none at all.\n") is None
    assert header_date("x\n" * 1000 + "Date: 1 May 2024\n") is None  # only the first lines are a header


def test_without_a_document_date_the_header_dates_sentences_that_name_no_day() -> None:
    text = ("PORT UNIT REPORT\nDate: 12 September 2023.\n\n"
            "Milan Vos works for Hapag Shipping NV. In March Jan Peeters called Milan Vos on 3 March.")
    ex = extract(Document(doc_id="h" * 64, text=text), lang="en")
    dates = {(r.source, r.type, r.target): {e.date for e in r.evidence} for r in ex.relations}
    assert dates[("person:milan-vos", "EMPLOYED_BY", "company:hapag-shipping-nv")] == {"2023-09-12"}
    # a day without a year takes the header's year
    assert dates[("person:jan-peeters", "CONTACTED", "person:milan-vos")] == {"2023-03-03"}
    # a date the reader found (file metadata, mail headers) wins over the header line
    dated = extract(Document(doc_id="i" * 64, text=text, date="2023-09-14"), lang="en")
    employed = [r for r in dated.relations if r.type == "EMPLOYED_BY"][0]
    assert {e.date for e in employed.evidence} == {"2023-09-14"}
