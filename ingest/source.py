"""What readers work on (:class:`Source`) and what they give back (:class:`ReadResult`).

A source is a file on disk or bytes taken out of a container (a zip member, an e-mail
attachment). Readers never raise anything but :class:`~graph.errors.UnreadableDocument`;
:func:`unreadable` builds one whose message names the file and says what to do.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from graph.errors import UnreadableDocument
from graph.model import Document, Extraction

_HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    """Safety and memory bounds; the defaults suit a laptop."""

    #: files read whole into memory (everything but plain text) may not be larger than this
    max_file_bytes: int = 512 << 20
    #: plain-text files larger than this are read in parts, streamed, memory stays bounded
    split_text_above: int = 16 << 20
    #: size of one part of a large text file (characters, cut on a line or paragraph break)
    text_part_chars: int = 1 << 20
    #: archives: entries, total unpacked bytes, unpacked/packed ratio, nesting depth
    max_archive_members: int = 10_000
    max_archive_bytes: int = 1 << 30
    max_compression_ratio: int = 200
    max_depth: int = 3


DEFAULT_LIMITS = Limits()


def unreadable(name: str, reason: str, hint: str = "") -> UnreadableDocument:
    """``UnreadableDocument('<name>: <reason>; <hint>')``."""
    message = f"{name}: {reason}"
    if hint:
        message += f"; {hint}"
    return UnreadableDocument(message)


@dataclass
class Source:
    """A file to read: on disk (``path``) or in memory (``data``), named for reports."""

    name: str
    filename: str
    path: Path | None = None
    data: bytes | None = None
    depth: int = 0
    #: values every document read from this source inherits (grading, handling, lang, parent...)
    defaults: dict[str, Any] = field(default_factory=dict)
    _sha256: str | None = field(default=None, repr=False)

    @classmethod
    def from_path(cls, path: Path, name: str | None = None) -> Source:
        return cls(name=name or path.as_posix(), filename=path.name, path=path)

    @classmethod
    def from_bytes(cls, data: bytes, name: str, filename: str, depth: int = 0,
                   defaults: dict[str, Any] | None = None) -> Source:
        return cls(name=name, filename=filename, data=data, depth=depth, defaults=dict(defaults or {}))

    @property
    def suffix(self) -> str:
        return Path(self.filename).suffix.lower()

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        try:
            return self.path.stat().st_size
        except OSError as exc:
            raise self._os_error(exc) from exc

    def open(self) -> BinaryIO:
        """A binary stream over the content (the caller closes it)."""
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        try:
            return open(self.path, "rb")
        except OSError as exc:
            raise self._os_error(exc) from exc

    def head(self, n: int = 8192) -> bytes:
        if self.data is not None:
            return self.data[:n]
        with self.open() as fh:
            return fh.read(n)

    def read_bytes(self, limits: Limits = DEFAULT_LIMITS) -> bytes:
        """The whole content, refused when larger than ``limits.max_file_bytes``."""
        if self.data is not None:
            return self.data
        size = self.size
        if size > limits.max_file_bytes:
            raise unreadable(self.name, f"file too large to read whole ({size / 2**20:.0f} MB, limit "
                             f"{limits.max_file_bytes / 2**20:.0f} MB)", "split it or convert it to plain text")
        with self.open() as fh:
            try:
                data = fh.read()
            except OSError as exc:
                raise self._os_error(exc) from exc
        return data

    def sha256(self) -> str:
        """Hex SHA-256 of the bytes (streamed for files on disk); this is the document id."""
        if self._sha256 is None:
            if self.data is not None:
                self._sha256 = hashlib.sha256(self.data).hexdigest()
            else:
                digest = hashlib.sha256()
                with self.open() as fh:
                    try:
                        while chunk := fh.read(_HASH_CHUNK):
                            digest.update(chunk)
                    except OSError as exc:
                        raise self._os_error(exc) from exc
                self._sha256 = digest.hexdigest()
        return self._sha256

    def child(self, data: bytes, member: str, filename: str | None = None, **defaults: Any) -> Source:
        """A source found inside this one (zip member, attachment): named ``parent!member``."""
        inherited = {k: v for k, v in self.defaults.items() if k in {"grading", "handling", "lang"}}
        inherited.update(defaults)
        return Source.from_bytes(data, name=f"{self.name}!{member}", filename=filename or Path(member).name,
                                 depth=self.depth + 1, defaults=inherited)

    def document(self, text: str, format: str, **fields: Any) -> Document:
        """A :class:`Document` for this source: id = SHA-256 of the bytes, title = file name."""
        metadata = {"filename": self.filename, "size": self.size, **fields.pop("metadata", {})}
        doc = Document(doc_id=fields.pop("doc_id", None) or self.sha256(), text=text,
                       title=fields.pop("title", None) or self.filename, source=self.name, lang="",
                       format=format, metadata=metadata, **fields)
        for key in ("grading", "handling", "lang"):
            if self.defaults.get(key):
                setattr(doc, key, self.defaults[key])
        if self.defaults.get("parent"):
            doc.metadata.setdefault("parent", self.defaults["parent"])
        return doc

    def _os_error(self, exc: OSError) -> UnreadableDocument:
        if isinstance(exc, PermissionError):
            return unreadable(self.name, "permission denied",
                              "give the user running Havengraph read access (chmod +r) and ingest again")
        if isinstance(exc, IsADirectoryError):
            return unreadable(self.name, "is a folder, not a file")
        if isinstance(exc, FileNotFoundError):
            return unreadable(self.name, "file not found (moved or deleted during ingest?)")
        return unreadable(self.name, f"cannot read: {exc.strerror or exc}")


@dataclass
class ChildError:
    """A part of a container that could not be taken out (reported, the rest goes on)."""

    name: str
    reason: str


@dataclass
class ReadResult:
    """A read document, the facts known without NLP, and what it contains.

    ``children`` are read (and written) before the document itself, so a container is only
    recorded as done once everything in it is; it may be a lazy generator.
    """

    document: Document
    facts: Extraction | None = None
    nlp: bool = True
    children: Iterable[Source | ReadResult | ChildError] = ()
    warnings: list[str] = field(default_factory=list)

    def extraction(self) -> Extraction:
        """The facts alone (documents that skip NLP), or an empty extraction."""
        if self.facts is None:
            return Extraction(document=self.document)
        return replace(self.facts, document=self.document)


class NotCaseMaterial(Exception):
    """The file is readable but is not evidence (a watchlist, a sidecar says skip): left out, with why."""
