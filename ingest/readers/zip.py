"""ZIP archives, read recursively; members become documents of their own.

Bomb protection: number of entries, total unpacked size (declared and actually read, over the
whole nesting), unpacked/packed ratio per entry, nesting depth. Members are never written to
disk, but an archive naming a member outside itself (``../``, ``/etc``, ``C:\\``) is refused
whole: such names are a sign of a crafted file.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import PurePosixPath

from graph.errors import HavengraphError
from ingest.context import ReadContext
from ingest.source import ChildError, ReadResult, Source, unreadable

_SKIP = re.compile(r"(^|/)(__MACOSX|\.DS_Store|Thumbs\.db|desktop\.ini)(/|$)|(^|/)\.|(^|/)~\$")
_CHUNK = 1 << 20


def open_archive(source: Source) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(source.open())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise unreadable(source.name, f"damaged ZIP archive ({exc})", "copy it again or re-create it") from exc


def check_archive(archive: zipfile.ZipFile, source: Source, ctx: ReadContext) -> list[zipfile.ZipInfo]:
    """The archive's file entries, after the safety checks (raises ``UnreadableDocument``)."""
    limits = ctx.limits
    entries = archive.infolist()
    if len(entries) > limits.max_archive_members:
        raise unreadable(source.name, f"archive with {len(entries)} entries (limit {limits.max_archive_members}; "
                         "zip bomb?)", "unpack it yourself and ingest the folder")
    for info in entries:
        if unsafe_name(info.filename):
            raise unreadable(source.name, f"archive entry with an unsafe path {info.filename!r} (path traversal); "
                             "refusing the whole archive", "unpack it with care and ingest the files you need")
    total = sum(i.file_size for i in entries)
    if total > limits.max_archive_bytes:
        raise unreadable(source.name, f"archive declares {total / 2**20:.0f} MB unpacked (limit "
                         f"{limits.max_archive_bytes / 2**20:.0f} MB; zip bomb?)", "unpack it yourself")
    for info in entries:
        if info.file_size > (1 << 20) and info.file_size > limits.max_compression_ratio * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise unreadable(source.name, f"entry {info.filename!r} expands {ratio:.0f} times "
                             f"(limit {limits.max_compression_ratio}; zip bomb?)", "unpack it yourself")
    return [i for i in entries if not i.is_dir()]


def unsafe_name(name: str) -> bool:
    if not name or "\x00" in name:
        return True
    posix = name.replace("\\", "/")
    if posix.startswith("/") or re.match(r"^[A-Za-z]:", posix):
        return True
    return ".." in PurePosixPath(posix).parts


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: Source, ctx: ReadContext) -> bytes:
    """Bytes of one entry, counted against the unpacking budget while they are read."""
    if info.flag_bits & 0x1:
        raise unreadable(f"{source.name}!{info.filename}", "password-protected archive entry",
                         "unpack it with the password and ingest the files")
    if info.file_size > ctx.limits.max_file_bytes:
        raise unreadable(f"{source.name}!{info.filename}", "entry too large to read whole")
    out = bytearray()
    with archive.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            ctx.charge(source.name, len(chunk))
            out += chunk
            if len(out) > info.file_size:
                raise unreadable(source.name, f"entry {info.filename!r} is larger than it declares (zip bomb?)")
    return bytes(out)


def read(source: Source, ctx: ReadContext) -> ReadResult:
    archive = open_archive(source)
    try:
        entries = check_archive(archive, source, ctx)
    except BaseException:
        archive.close()
        raise
    kept = [i for i in entries if not _SKIP.search(i.filename)]
    listing = "\n".join(i.filename for i in kept)
    doc = source.document(listing, "zip", metadata={"members": len(kept)})

    def members() -> Iterator[Source | ChildError]:
        try:
            for info in kept:
                try:
                    data = read_member(archive, info, source, ctx)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError) as exc:
                    member = f"{source.name}!{info.filename}"
                    yield ChildError(member, f"{member}: cannot unpack ({exc}); the archive is damaged")
                    continue
                except HavengraphError as exc:
                    yield ChildError(f"{source.name}!{info.filename}", str(exc))
                    if ctx.unpacked > ctx.limits.max_archive_bytes:
                        return  # the unpacking budget is spent: stop reading this archive
                    continue
                yield source.child(data, info.filename, parent=doc.doc_id)
        finally:
            archive.close()

    return ReadResult(doc, nlp=False, children=members())
