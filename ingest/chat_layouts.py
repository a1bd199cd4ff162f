"""Chat export layouts: one YAML file per layout in ``ingest/mappings/chat/`` (``*.layout.yaml``).

A layout says how an export is written (``format``: ``whatsapp`` text, ``csv`` or ``json``) and,
for tables, which column holds the sender, the recipients, the time, the text, the attachment and
the sender's stated name. A column name ending in ``?`` may be missing. An export is recognised
by its first bytes (:func:`detect_layout`), or named with ``--mapping`` (a layout file or name).

>>> sorted(layout.name for layout in bundled_layouts())[:2]
['generic_csv', 'generic_json']
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InvalidInput

LAYOUTS_DIR = Path(__file__).with_name("mappings") / "chat"
FORMATS = ("whatsapp", "csv", "json")
ROLES = ("sender", "recipients", "time", "text", "attachment", "sender_name")
_REQUIRED_ROLES = ("sender", "time", "text")
_KEYS = {"name", "description", "format", "columns", "recipients_separator", "time_format", "handles"}
HANDLE_SCOPES = ("export", "platform")
_SUFFIXES = {"whatsapp": frozenset({".txt", ".text", ""}), "csv": frozenset({".csv", ".tsv", ".xlsx", ".xlsm"}),
             "json": frozenset({".json", ".jsonl", ".ndjson"})}
#: a line that starts a message in a messaging app's text export (Android and iOS forms)
WHATSAPP_LINE = re.compile(
    r"^\u200e?\[?(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),? (?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?: ?[AaPp]\.?[Mm]\.?)?)"
    r"\]?(?: -|:)? (?P<rest>.*)$")


@dataclass(frozen=True)
class ChatLayout:
    name: str
    format: str
    columns: dict[str, str] = field(default_factory=dict)
    recipients_separator: str = ";"
    time_format: str | None = None
    description: str = ""
    handles: str = "export"  # "export": a sender name is the phone's own label; "platform": an account name

    def column(self, role: str) -> tuple[str, bool] | None:
        """``(column name, optional)`` for a role, None when the layout does not name it."""
        raw = self.columns.get(role)
        if not raw:
            return None
        return raw.rstrip("?").strip(), raw.endswith("?")

    @property
    def suffixes(self) -> frozenset[str]:
        """File name endings an export in this layout can have."""
        return _SUFFIXES[self.format]

    def expects(self) -> str:
        """What an export in this layout looks like, in words (for errors)."""
        if self.format == "whatsapp":
            return "lines like '12/03/2024, 21:15 - Name: text' (or '[12/03/2024, 21:15:03] Name: text')"
        needed = [spec[0] for role in ROLES if (spec := self.column(role)) and not spec[1]]
        optional = [spec[0] for role in ROLES if (spec := self.column(role)) and spec[1]]
        what = "column(s)" if self.format == "csv" else "key(s)"
        return f"{what} {', '.join(needed)}" + (f" (optional: {', '.join(optional)})" if optional else "")

    def missing(self, header: list[str]) -> list[str]:
        """Columns the layout needs that ``header`` lacks (case and spaces ignored)."""
        have = {h.strip().casefold() for h in header}
        out = []
        for role in ROLES:
            spec = self.column(role)
            if spec and not spec[1] and spec[0].casefold() not in have:
                out.append(spec[0])
        return out


def parse_layout(raw: Any, where: str) -> ChatLayout:
    def bad(message: str) -> InvalidInput:
        return InvalidInput(f"chat layout {where}: {message}")

    if not isinstance(raw, dict):
        raise bad("expected a YAML mapping with 'format' and 'columns'")
    if set(raw) - _KEYS:
        raise bad(f"unknown key(s) {sorted(set(raw) - _KEYS)}; allowed: {sorted(_KEYS)}")
    fmt = str(raw.get("format", ""))
    if fmt not in FORMATS:
        raise bad(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    columns = raw.get("columns") or {}
    if not isinstance(columns, dict) or set(columns) - set(ROLES):
        raise bad(f"'columns' maps roles among {', '.join(ROLES)} to column names")
    if fmt != "whatsapp":
        lacking = [r for r in _REQUIRED_ROLES if not columns.get(r)]
        if lacking:
            raise bad(f"'columns' must name the {', '.join(lacking)} column(s)")
    handles = str(raw.get("handles") or "export")
    if handles not in HANDLE_SCOPES:
        raise bad(f"handles {handles!r} is not one of {', '.join(HANDLE_SCOPES)} ('export': a sender name is the "
                  "label one phone gives a contact; 'platform': an account name the whole platform shares)")
    return ChatLayout(name=str(raw.get("name") or Path(where).stem), format=fmt, handles=handles,
                      columns={str(k): str(v) for k, v in columns.items() if v},
                      recipients_separator=str(raw.get("recipients_separator") or ";"),
                      time_format=raw.get("time_format"), description=str(raw.get("description") or ""))


def load_layout(spec: str | Path) -> ChatLayout:
    """A layout from a YAML file, or a bundled one by name (``generic_csv``, ``whatsapp_text``...)."""
    path = Path(spec)
    if not path.exists():
        path = LAYOUTS_DIR / f"{spec}.layout.yaml"
        if not path.exists():
            names = ", ".join(layout.name for layout in bundled_layouts())
            raise InvalidInput(f"no chat layout {str(spec)!r}; give a layout file or one of: {names}")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidInput(f"chat layout {path.name}: cannot read it ({exc})") from exc
    return parse_layout(raw, path.name)


def is_layout_file(path: Path) -> bool:
    return path.name.endswith(".layout.yaml")


def is_chat_layout(spec: str | Path) -> bool:
    """Whether ``--mapping spec`` names a chat layout (a bundled one, a ``*.layout.yaml`` file, or a
    YAML file with a chat ``format`` and no ``entities``) rather than a records mapping."""
    path = Path(spec)
    if not path.exists():
        return (LAYOUTS_DIR / f"{spec}.layout.yaml").exists()
    if is_layout_file(path):
        return True
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False  # the records mapping loader reports what is wrong with it
    return isinstance(raw, dict) and raw.get("format") in FORMATS and "entities" not in raw


@lru_cache(maxsize=1)
def bundled_layouts() -> tuple[ChatLayout, ...]:
    return tuple(load_layout(p) for p in sorted(LAYOUTS_DIR.glob("*.layout.yaml")))


def _first_line(head: bytes) -> str:
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    return next((line for line in text.splitlines() if line.strip()), "")


def detect_layout(head: bytes, suffix: str) -> ChatLayout | None:
    """The bundled layout an export's first bytes fit (the one naming most columns), if any."""
    candidates: list[ChatLayout] = []
    if suffix in {".txt", ".text", ""}:
        lines = head.decode("utf-8", "replace").lstrip("\ufeff").splitlines()[:20]
        starts = [bool(WHATSAPP_LINE.match(line)) for line in lines if line.strip()]
        if len(starts) >= 2 and starts[0] and sum(starts) * 2 >= len(starts):
            candidates = [lay for lay in bundled_layouts() if lay.format == "whatsapp"]
    elif suffix in {".csv", ".tsv"}:
        first = _first_line(head)
        try:
            header = next(csv.reader(io.StringIO(first), dialect=csv.Sniffer().sniff(first, ",;\t|")))
        except (csv.Error, StopIteration):
            header = first.split(",")
        return table_layout(header)
    elif suffix in {".json", ".jsonl", ".ndjson"}:
        keys = _first_object_keys(head)
        candidates = [lay for lay in bundled_layouts() if lay.format == "json" and keys and not lay.missing(keys)]
    return max(candidates, key=lambda lay: len(lay.columns), default=None)


def table_layout(header: list[str]) -> ChatLayout | None:
    """The bundled table layout (CSV, or a workbook's first sheet) whose columns ``header`` has, if any."""
    fitting = [lay for lay in bundled_layouts() if lay.format == "csv" and not lay.missing(header)]
    return max(fitting, key=lambda lay: len(lay.columns), default=None)


def _first_object_keys(head: bytes) -> list[str]:
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if text.startswith("["):
        text = text[1:].lstrip()
    try:
        obj, _ = json.JSONDecoder().raw_decode(text)
    except ValueError:
        return []
    return [str(k) for k in obj] if isinstance(obj, dict) else []
