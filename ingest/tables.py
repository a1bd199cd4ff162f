"""Spreadsheets and CSV files as tables whose rows keep their character span in the document.

Evidence for a structured fact cites the row it came from: ``Row.start``/``Row.end`` are
offsets into the document text (the CSV text itself, or the rendering of an XLSX workbook).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from ingest.source import unreadable

_DELIMITERS = ",;\t|"


@dataclass
class Row:
    number: int             # line number (CSV) or row number (sheet) where the row starts, 1-based
    values: dict[str, str]
    start: int
    end: int


def header_key(name: str) -> str:
    """A column name as compared: case, accents, spaces and punctuation ignored ("Company name",
    "company_name" and "COMPANY-NAME" are one column; "Dénomination" is "denomination")."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "_".join(re.findall(r"[a-z0-9]+", "".join(ch for ch in folded if not unicodedata.combining(ch))))


@dataclass
class Table:
    name: str
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    sheet: str | None = None
    # header_key of a name a mapping reads -> the actual column found under another name (Mapping.bind)
    renamed: dict[str, str] = field(default_factory=dict)

    def column(self, wanted: str) -> str | None:
        """The actual column called ``wanted`` (compared by :func:`header_key`), or the one a mapping
        bound to that name."""
        index = self.__dict__.get("_index")
        if index is None or len(index) != len(self.columns):
            index = self.__dict__["_index"] = {header_key(c): c for c in reversed(self.columns)}
        key = header_key(wanted)
        return index.get(key) or self.renamed.get(key)


def sniff_delimiter(text: str) -> str:
    sample = "\n".join(text[:16384].split("\n")[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        header = sample.split("\n", 1)[0]
        counts = {d: header.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def _lines_with_offsets(text: str, start_at: int = 0) -> tuple[list[str], list[int]]:
    pieces = text.split("\n")
    lines = [p + "\n" for p in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])
    offsets = [start_at]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return lines, offsets


def csv_table(text: str, name: str, delimiter: str | None = None) -> Table:
    """Parse CSV ``text`` (header on the first non-blank line) keeping each row's span."""
    delimiter = delimiter or sniff_delimiter(text)
    lines, offsets = _lines_with_offsets(text)
    consumed = [0]

    def feed() -> Iterator[str]:
        while consumed[0] < len(lines):
            consumed[0] += 1
            yield lines[consumed[0] - 1]

    reader = csv.reader(feed(), delimiter=delimiter)
    table: Table | None = None
    first = 0
    try:
        for record in reader:
            last = consumed[0]
            start, end = offsets[first], offsets[last]
            line_no = first + 1
            first = last
            if not any(cell.strip() for cell in record):
                continue
            if table is None:
                columns = [c.strip().lstrip("\ufeff") for c in record]
                if len(set(c.casefold() for c in columns)) != len(columns) or not all(columns):
                    raise unreadable(name, f"CSV header has empty or repeated column names: {columns}",
                                     "give every column a distinct name on the first line")
                table = Table(name=name, columns=columns)
                continue
            while end > start and text[end - 1] == "\n":
                end -= 1
            values = {col: (record[i] if i < len(record) else "") for i, col in enumerate(table.columns)}
            table.rows.append(Row(line_no, values, start, end))
    except csv.Error as exc:
        raise unreadable(name, f"malformed CSV near line {first + 1} ({exc})", "fix the quoting and ingest again"
                         ) from exc
    if table is None:
        raise unreadable(name, "CSV without a header line", "put the column names on the first line")
    return table


def cell_text(value: Any) -> str:
    """A spreadsheet cell as text: whole floats without ``.0``, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    return " ".join(str(value).split())


def xlsx_tables(data: bytes, name: str) -> tuple[str, list[Table]]:
    """The workbook rendered as text (one tab-separated line per row, one block per sheet) and its tables."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise unreadable(name, f"damaged or not an Excel workbook ({type(exc).__name__}: {exc})",
                         "open and re-save it as .xlsx, or export the sheet to CSV") from exc
    parts: list[str] = []
    tables: list[Table] = []
    pos = 0
    try:
        for sheet in book.worksheets:
            heading = f"# {sheet.title}\n"
            parts.append(heading)
            pos += len(heading)
            table: Table | None = None
            for number, raw in enumerate(sheet.iter_rows(values_only=True), 1):
                cells = [cell_text(v).replace("\t", " ") for v in raw]
                while cells and not cells[-1]:
                    cells.pop()
                if not any(cells):
                    continue
                line = "\t".join(cells)
                start, end = pos, pos + len(line)
                parts.append(line + "\n")
                pos = end + 1
                if table is None:
                    table = Table(name=f"{name}[{sheet.title}]", columns=[c.strip() for c in cells],
                                  sheet=sheet.title)
                    continue
                values = {col: (cells[i] if i < len(cells) else "") for i, col in enumerate(table.columns) if col}
                table.rows.append(Row(number, values, start, end))
            if table is not None:
                tables.append(table)
            parts.append("\n")
            pos += 1
    finally:
        book.close()
    return "".join(parts).rstrip("\n"), tables


def rows_as_sentences(table: Table) -> str:
    """A table without a mapping, as text NLP can read: one line per row, ``column: value; ...``."""
    lines = []
    for row in table.rows:
        cells = [f"{k}: {v.strip()}" for k, v in row.values.items() if v and v.strip()]
        if cells:
            lines.append("; ".join(cells) + ".")
    return "\n\n".join(lines)
