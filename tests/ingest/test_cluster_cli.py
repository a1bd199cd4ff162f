"""``havengraph ingest --cluster``: errors a user can act on, and no Dask without the option."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

CALLS = "vessel,imo,port,locode,arrival\nMSC Gayane,9074729,Antwerp,BEANR,2023-10-04\n"


def _havengraph(*args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from api.cli import main; sys.argv = ['havengraph', *sys.argv[1:]]; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)


def test_ingest_without_cluster_does_not_import_dask(tmp_path: Path):
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "calls.csv").write_text(CALLS, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    code = ("import sys; from typer.testing import CliRunner; from api.cli import app; "
            f"r = CliRunner().invoke(app, ['ingest', {str(tmp_path / 'case')!r}, '--store', {url!r}, "
            "'--mapping', 'port_calls', '--no-progress']); "
            "print(r.exit_code, 'distributed' in sys.modules, 'dask' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["0", "False", "False"], out.stderr


def test_cluster_address_that_does_not_answer(tmp_path: Path):
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "note.txt").write_text("Jan Peeters met Karim Haddad in Antwerp.", encoding="utf-8")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = _havengraph("ingest", str(tmp_path / "case"), "--store", f"sqlite:///{tmp_path / 'c.db'}",
                      "--no-progress", "--cluster", f"tcp://127.0.0.1:{port}")
    assert out.returncode == 1
    assert (f"error: no Dask scheduler at tcp://127.0.0.1:{port}: start one with `dask scheduler` "
            "or use --cluster local:2") in out.stderr


def test_cluster_spec_that_is_not_understood(tmp_path: Path):
    from typer.testing import CliRunner

    from api.cli import app
    from ingest.cluster import ClusterUnavailable

    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "note.txt").write_text("Jan Peeters met Karim Haddad in Antwerp.", encoding="utf-8")
    for spec, hint in (("local:0", "give the number of worker processes, e.g. local:2"),
                       ("scheduler-host", "give a scheduler address such as tcp://HOST:8786")):
        result = CliRunner().invoke(app, ["ingest", str(tmp_path / "case"), "--store",
                                          f"sqlite:///{tmp_path / 'c.db'}", "--no-progress", "--cluster", spec])
        assert isinstance(result.exception, ClusterUnavailable) and hint in str(result.exception)
