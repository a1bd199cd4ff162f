"""Plain text in any common encoding, and bytes that are not text."""

from __future__ import annotations

import os
import random

import pytest

from graph.errors import UnreadableDocument
from graph.model import Document
from ingest import read_file
from ingest.encoding import decode_bytes

FRENCH = "Le porte-conteneurs a accosté à Anvers. Déclaration reçue; élève naïve, garçon."


def test_utf8_text_and_document_id(write):
    data = b"Jan Peeters met the crew of the MSC Gayane.\n"
    doc = read_file(write("a.txt", data))
    assert doc.text == "Jan Peeters met the crew of the MSC Gayane.\n"
    assert doc.doc_id == Document.id_for_bytes(data)
    assert doc.format == "txt" and doc.title == "a.txt"
    assert doc.metadata["encoding"] == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32(write, codec):
    text = "De verdachte opende de container op de kaai in Antwerpen, één keer."
    doc = read_file(write("nl.txt", text.encode(codec)))
    assert doc.text == text


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_latin1_and_cp1252(write, codec):
    doc = read_file(write("fr.txt", FRENCH.encode(codec)))
    assert doc.text == FRENCH
    assert doc.metadata["encoding"] == "cp1252"


def test_windows_smart_quotes(write):
    text = "He said \u201cthe box is ready\u201d \u2013 and left for Zeebr\u00fcgge."
    assert read_file(write("q.txt", text.encode("cp1252"))).text == text


def test_line_ends_are_normalised(write):
    assert read_file(write("crlf.txt", b"one\r\ntwo\rthree\n")).text == "one\ntwo\nthree\n"


def test_mostly_utf8_with_one_damaged_byte_keeps_utf8(write):
    data = ("Zeebrügge één " * 40).encode() + b"\xff end"
    doc = read_file(write("damaged.txt", data))
    assert doc.text.startswith("Zeebrügge één")
    assert doc.metadata["replaced_characters"] == 1


def test_empty_file_is_unreadable_and_named(write):
    path = write("empty.txt", b"")
    with pytest.raises(UnreadableDocument, match="empty.txt: empty file"):
        read_file(path)


def test_whitespace_only_file_is_unreadable(write):
    with pytest.raises(UnreadableDocument, match="blank.txt"):
        read_file(write("blank.txt", b"  \n\n\t \n"))


def test_binary_junk_named_txt(write):
    path = write("junk.txt", os.urandom(4096) + b"\x00\x01\x02")
    with pytest.raises(UnreadableDocument, match=r"junk.txt: binary content.*UTF-8"):
        read_file(path)


def test_invalid_utf8_that_cannot_be_decoded(write):
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    with pytest.raises(UnreadableDocument, match=r"bad.txt: not valid UTF-8 .*convert it to UTF-8"):
        read_file(write("bad.txt", data))


def test_broken_utf8_sequences_are_not_taken_for_latin1(write):
    data = b"Hello \xc3\x28 world \xa0\xa1 invalid \xe2\x28\xa1 sequences \xf0\x28\x8c\xbc end"
    with pytest.raises(UnreadableDocument, match="not valid UTF-8"):
        read_file(write("broken.txt", data))


def test_utf16_bom_followed_by_junk_is_not_text(write):
    with pytest.raises(UnreadableDocument, match="UTF-16"):
        read_file(write("fake16.txt", b"\xff\xfe" + b"\xfd\xfc\xff\xfe" * 200))


def test_cyrillic_in_cp1251_is_recognised():
    text = "Судно прибыло в порт Антверпена с грузом бананов, капитан сообщил полиции о контейнере."
    assert decode_bytes(text.encode("cp1251"), "ru.txt").text == text


def test_markdown_format(write):
    doc = read_file(write("notes.md", "# Note\n\nThe *Maersk Elba* called at Antwerp.\n"))
    assert doc.format == "md" and "Maersk Elba" in doc.text


def test_unreadable_permission(write):
    path = write("secret.txt", "Jan Peeters")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file (root): chmod 000 does not block reading; "
                        "see test_unreadable_permission_as_other_user")
        with pytest.raises(UnreadableDocument, match=r"secret.txt: permission denied.*read access"):
            read_file(path)
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to switch user")
def test_unreadable_permission_as_other_user():
    """As root, read a chmod-000 file from a process running as 'nobody'."""
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o755)
        path = folder / "secret.txt"
        path.write_text("Jan Peeters")
        path.chmod(0)
        code = ("import sys\nfrom ingest import read_file\nfrom graph.errors import UnreadableDocument\n"
                "try:\n    read_file(sys.argv[1])\nexcept UnreadableDocument as exc:\n    print(exc)\n")
        root = Path(__file__).resolve().parents[2]
        try:
            done = subprocess.run([sys.executable, "-c", code, str(path)], user=65534, cwd=root,
                                  capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(root)},
                                  timeout=60)
        except OSError as exc:  # the interpreter itself is not reachable for that user
            pytest.skip(f"cannot run Python as another user here: {exc}")
        if done.returncode != 0 and "permission denied" not in done.stdout:
            pytest.skip(f"cannot run Python as another user here: {done.stderr.strip()[-200:]}")
        assert "secret.txt: permission denied" in done.stdout
        assert "read access" in done.stdout
    finally:
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()


def test_permission_error_message_names_file_and_fix(tmp_path):
    """The message users see when the OS refuses to open a file (checked directly: root reads anything)."""
    from ingest.source import Source

    error = Source.from_path(tmp_path / "locked.txt")._os_error(PermissionError(13, "Permission denied"))
    assert isinstance(error, UnreadableDocument)
    assert "locked.txt: permission denied" in str(error) and "chmod +r" in str(error)
