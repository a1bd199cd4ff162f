"""Turn bytes of unknown encoding into text, or say clearly that they are not text.

Order of trust: a byte-order mark; strict UTF-8; UTF-16 without a mark (recognised by its
zero bytes); a Western 8-bit code page (cp1252, a superset of Latin-1's printable range) when
the result reads like Western text; any other encoding charset-normalizer recognises with a
language it is sure of. Anything else is binary.

>>> decode_bytes("Déclaration reçue à Anvers".encode("latin-1"), "x.txt").encoding
'cp1252'
>>> decode_bytes("ship".encode("utf-16"), "x.txt").text
'ship'
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Any

from charset_normalizer import from_bytes

from ingest.source import unreadable

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
# non-letters that Western texts do use in an 8-bit code page
_WESTERN_PUNCT = set("\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac\u00ab\u00bb\u00b0"
                     "\u00a0\u00a3\u00a7\u00a9\u00ae\u00b7\u00a1\u00bf\u00ba\u00aa\u00b2\u00b3\u00b5\u00e6")
HINT_BINARY = "if it is text, save it as UTF-8; if it is another format, give it its real extension"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    #: characters that could not be decoded and were replaced by U+FFFD
    replaced: int = 0


def sniff_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _looks_western(text: str) -> bool:
    """Non-ASCII characters are few, mostly letters inside words, rarely in long runs."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    if len(non_ascii) > 0.3 * len(text):
        return False
    odd = sum(1 for c in non_ascii if not (c.isalpha() or c in _WESTERN_PUNCT))
    if odd > 0.1 * len(non_ascii):
        return False
    long_runs = sum(len(m) for m in re.findall(r"[^\x00-\x7f]{4,}", text))
    if long_runs > 0.3 * len(non_ascii):
        return False
    # UTF-8 lead bytes cut from their continuation read as "Ã(", "â(¡": letters before symbols
    broken = len(re.findall(r"[^\x00-\x7f][(\[{<=+*#$%&@^~|\\/0-9]", text))
    return broken <= 0.2 * len(non_ascii)


def _known_scripts(text: str) -> bool:
    """Most characters come from scripts case files are written in (UTF-16 junk does not)."""
    def known(c: str) -> bool:
        o = ord(c)
        return (o < 0x530 or 0x590 <= o < 0x700 or 0x2000 <= o < 0x2070 or 0x20a0 <= o < 0x20c0
                or 0x3040 <= o < 0x3100 or 0x4e00 <= o < 0xa000 or 0xac00 <= o < 0xd7b0)
    return sum(1 for c in text if known(c)) >= 0.9 * max(len(text), 1)


def _printable(text: str) -> bool:
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f") or 0x7f <= ord(c) < 0xa0)
    return bad <= 0.01 * max(len(text), 1)


def detect_encoding(data: bytes, name: str, *, final: bool = True) -> str:
    """Name of the codec that decodes ``data``; raises ``UnreadableDocument`` for binary content.

    ``final=False`` means ``data`` is the head of a longer stream (a multi-byte character may be cut).
    """
    bom = sniff_bom(data)
    utf16 = bom if bom in {"utf-16", "utf-32"} else _utf16_without_bom(data)
    if bom == "utf-8-sig":
        return bom
    if utf16:
        text = codecs.getincrementaldecoder(utf16)(errors="replace").decode(data[:65536], False)
        if _printable(text) and text.count("\ufffd") <= 0.01 * max(len(text), 1) and _known_scripts(text):
            return utf16
        if bom:
            raise unreadable(name, f"starts like {bom.upper()} text but does not decode as such", HINT_BINARY)
    if b"\x00" in data or len(_CONTROL.findall(data[:65536])) > 0.01 * min(len(data), 65536):
        raise unreadable(name, "binary content (control bytes), not text", HINT_BINARY)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final)
        return "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc
    # mostly UTF-8 with a few damaged bytes: keep UTF-8, replace the damage
    text = data.decode("utf-8", errors="replace")
    multibyte = len(re.findall(rb"[\xc2-\xf4][\x80-\xbf]+", data))
    damaged = text.count("\ufffd")
    if multibyte >= 3 and damaged <= max(2, multibyte // 20):
        return "utf-8"
    western = data.decode("cp1252", errors="replace")
    if _printable(western) and western.count("\ufffd") <= 2 and _looks_western(western):
        return "cp1252"
    best = _best_guess(data[:65536])
    if best is not None and best.encoding not in {"ascii", "utf_8"} and best.chaos <= 0.1 and best.coherence >= 0.25:
        decoded = str(best)
        # only for scripts beyond Latin: mostly-ASCII text was judged by the Western test above
        if _printable(decoded) and sum(1 for c in decoded if ord(c) > 127) >= 0.3 * len(decoded.strip()):
            return best.encoding
    raise unreadable(name, f"not valid UTF-8 (byte 0x{data[first_error.start]:02x} at offset {first_error.start}) "
                     "and not text in any encoding recognised with confidence",
                     "convert it to UTF-8 (e.g. iconv -f <encoding> -t UTF-8) and ingest again")


def _best_guess(data: bytes) -> Any:
    """charset-normalizer's pick, preferring a Windows code page among equally good readings
    (mac_cyrillic and cp1251 read Russian equally well; cp1251 is what case files use)."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if (match.encoding.startswith("cp125") and match.chaos <= best.chaos + 0.02
                and match.coherence >= 0.8 * best.coherence):
            return match
    return best


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Text of ``data`` (line ends normalised to ``\\n``); ``UnreadableDocument`` when it is not text."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise unreadable(name, "empty file (no text)", "check that the file was copied completely")
    encoding = detect_encoding(data, name)
    text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd")
    return Decoded(normalise_newlines(text), encoding, replaced)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
