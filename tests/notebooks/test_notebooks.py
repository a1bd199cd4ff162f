"""The investigator notebooks run top to bottom on the sample case and say what they should.

Each notebook is executed with nbclient in a kernel of the running interpreter (a kernelspec
written to a temporary folder, so no user-wide ``python3`` kernel can stand in), from a working
folder outside the repository, against a temporary SQLite store given in ``HAVENGRAPH_STORE``.
Notebooks 01 and 03 also run against Neo4j when ``HAVENGRAPH_TEST_NEO4J_URL`` is set.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402

from graph.store import open_store  # noqa: E402
from ingest import ocr  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
ORDER = ["01_explore_a_case", "02_centrality_and_brokers", "03_logistics_infiltration", "04_resolution_review",
         "05_timeline_and_report"]
KERNEL = "havengraph-test"
CELL_TIMEOUT_S = 600
NEO4J_URL = os.environ.get("HAVENGRAPH_TEST_NEO4J_URL")

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("notebooks")]


@pytest.fixture(scope="module")
def kernels(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A kernelspec that starts ipykernel with this very interpreter (the project's venv).

    Connection files and the IPython profile live in temporary folders too, so neither a read-only
    home nor a user's IPython start-up files can change the run.
    """
    root = tmp_path_factory.mktemp("kernels")
    spec = root / KERNEL
    spec.mkdir()
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Havengraph tests", "language": "python",
    }), encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path_factory.mktemp("jupyter-runtime")))
        mp.setenv("IPYTHONDIR", str(tmp_path_factory.mktemp("ipython")))
        yield root


@pytest.fixture(scope="module")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('nbstore') / 'havengraph.db'}"


def run(name: str | Path, store_url: str, kernels: Path, workdir: Path) -> Any:
    """Execute ``notebooks/<name>.ipynb`` (or a path); a failing cell raises CellExecutionError."""
    nb = nbformat.read(name if isinstance(name, Path) else NOTEBOOKS / f"{name}.ipynb", as_version=4)
    km = KernelManager(kernel_name=KERNEL, kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernels)]))
    client = nbclient.NotebookClient(nb, km=km, timeout=CELL_TIMEOUT_S, allow_errors=False,
                                     resources={"metadata": {"path": str(workdir)}})
    env = {**os.environ, "HAVENGRAPH_STORE": store_url, "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    client.execute(env=env)
    for cell in nb.cells:
        assert all(out.get("output_type") != "error" for out in cell.get("outputs", [])), cell.source
    return nb


def text_of(nb: Any) -> str:
    """Everything the notebook printed or displayed as text."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            elif "data" in out:
                parts.append(out["data"].get("text/plain", ""))
    return "\n".join(parts)


def outputs_of(nb: Any, mime: str) -> list[str]:
    return [out["data"][mime] for cell in nb.cells for out in cell.get("outputs", [])
            if mime in out.get("data", {})]


def check_01(nb: Any) -> None:
    text = text_of(nb)
    # 26 reports, a chat export and a scanned page (read where Tesseract is installed)
    assert f"{28 if ocr.available() else 27} documents" in text
    assert re.search(r"COMPANY\s+Blauwhoeve Logistics BV\s+company:vat:BE0798437187", text)
    # the evidence of a DIRECTOR_OF link: a document, a span and a sentence naming the firm
    assert re.search(r"-\[DIRECTOR_OF\]-> Blauwhoeve Logistics BV", text)
    assert re.search(r"span\s+characters \d+-\d+: '", text)
    assert re.search(r"sentence\s+.*Blauwhoeve Logistics BV", text)
    assert "Blauwhoeve Logistics BV -> " in text and text.count("Nordin Haddouchi") >= 2
    pages = [html.unescape(m) for h in outputs_of(nb, "text/html") for m in re.findall(r'srcdoc="([^"]*)"', h)]
    assert len(pages) == 1 and "vis.Network" in pages[0]
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']?(https?:)?//", pages[0]), "the picture must not need a CDN"


def check_02(nb: Any) -> None:
    text = text_of(nb)
    assert len(outputs_of(nb, "image/png")) == 2
    curves = {m[1]: tuple(map(float, m.groups()[1:])) for m in re.finditer(
        r"^(top brokers|top degree|random \(mean of 20\))\s+largest connected component ([\d.]+) -> ([\d.]+) "
        r"entities, reachability ([\d.]+) -> ([\d.]+)$", text, re.MULTILINE)}
    assert len(curves) == 3, text
    lcc_before, lcc_after, reach_before, reach_after = curves["top brokers"]
    # taking out the brokers breaks the network apart, far more than taking out as many people at random
    assert lcc_after < lcc_before / 1.5 and reach_after < reach_before / 2
    assert lcc_after < curves["random (mean of 20)"][1] and reach_after < curves["random (mean of 20)"][3]
    assert "Nordin Haddouchi" in text


def check_03(nb: Any) -> None:
    text = text_of(nb)
    assert re.search(r"^\s*1\. [\d.]+\s+Blauwhoeve Logistics BV$", text, re.MULTILINE), text
    assert "matched: " in text and "Milan Kasteleyn" in text
    assert re.search(r"^shared_identifiers\s+[\d.]+", text, re.MULTILINE)
    assert re.search(r"route 1 \(\d+ hops?\): Blauwhoeve Logistics BV -> ", text)
    assert re.search(r"^\s+\[(DIRECTOR_OF|OWNS)\] .+, characters \d+-\d+:$", text, re.MULTILINE)
    assert text.count("[predicted]") >= 3
    assert len(outputs_of(nb, "image/png")) == 1


def check_04(nb: Any, store_url: str) -> None:
    text = text_of(nb)
    found = re.search(r"entities: (\d+) before, (\d+) after the merge, (\d+) after the undo", text)
    assert found, text
    before, merged, after = map(int, found.groups())
    assert merged == before - 1 and after == before
    assert "no longer exists on its own" in text and " is back: " in text
    store = open_store(store_url)
    try:
        assert store.stats()["entities"] == before
        pins = store.list_decisions(kind="distinct")
        assert any(d["who"] == "analyst:notebook" for d in pins)
        assert not [d for d in store.list_decisions(kind="merge") if d["who"] == "analyst:notebook"]
    finally:
        store.close()


def check_05(nb: Any, store_url: str) -> None:
    text = text_of(nb)
    assert "Blauwhoeve Logistics BV  (company:" in text
    counted = re.search(r"^(\d+) dated events, (\d+) without a date:$", text, re.MULTILINE)
    assert counted and int(counted[1]) + int(counted[2]) > 0, text
    assert re.search(r"\| analyst: notebook, \d{4}-\d{2}-\d{2}, surveillance", text)
    found = re.search(r"report: (\d+) relations, (\d+) evidence sentences", text)
    assert found and int(found[2]) >= int(found[1]) > 0, text
    assert "with the package manifest: True" in text
    assert "PDF printed: True" in text or "no PDF:" in text
    assert "retracted; person:ruben-claes still there: False" in text
    assert f"{28 if ocr.available() else 27} documents" in text
    store = open_store(store_url)
    try:
        (saved,) = [r for r in store.list_records("investigation") if r["owner"] == "notebook"]
        assert saved["data"]["name"].startswith("Blauwhoeve") and len(saved["data"]["pinned"]) > 2
        assert [n["data"]["text"] for n in store.list_records("note")] == [
            "Check who signs the release orders for this firm's containers."]
    finally:
        store.close()


def test_kernel_is_this_interpreter_and_errors_fail_the_run(sqlite_url: str, kernels: Path, tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import os, sys\nprint(sys.executable)\nprint(os.getcwd())\n"
                                          "print(os.environ['HAVENGRAPH_STORE'])")]
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, path)
    lines = text_of(run(path, sqlite_url, kernels, tmp_path)).split()
    assert lines == [sys.executable, str(tmp_path), sqlite_url]
    nb.cells.append(nbformat.v4.new_code_cell("1 / 0"))
    nbformat.write(nb, path)
    with pytest.raises(nbclient.exceptions.CellExecutionError, match="ZeroDivisionError"):
        run(path, sqlite_url, kernels, tmp_path)


@pytest.mark.parametrize("name", ORDER)
def test_notebook_runs_on_sqlite(name: str, sqlite_url: str, kernels: Path, tmp_path: Path) -> None:
    nb = run(name, sqlite_url, kernels, tmp_path)
    if name.startswith("04"):
        check_04(nb, sqlite_url)
    elif name.startswith("05"):
        check_05(nb, sqlite_url)
    else:
        {"01": check_01, "02": check_02, "03": check_03}[name[:2]](nb)


@pytest.fixture(scope="module")
def neo4j_url() -> Any:
    if not NEO4J_URL:
        pytest.skip("no Neo4j server: set HAVENGRAPH_TEST_NEO4J_URL (`scripts/neo4j start` prints it)")
    store = open_store(NEO4J_URL)
    try:
        store.clear()
    finally:
        store.close()
    yield NEO4J_URL
    store = open_store(NEO4J_URL)
    try:
        store.clear()
    finally:
        store.close()


@pytest.mark.neo4j
@pytest.mark.xdist_group("neo4j")
@pytest.mark.parametrize("name", ["01_explore_a_case", "03_logistics_infiltration"])
def test_notebook_runs_on_neo4j(name: str, neo4j_url: str, kernels: Path, tmp_path: Path) -> None:
    nb = run(name, neo4j_url, kernels, tmp_path)
    text = text_of(nb)
    assert re.search(r"^store: (?!sqlite)\S+:\d+$", text, re.MULTILINE), "the notebook must use HAVENGRAPH_STORE"
    password = re.search(r"://[^:/@]+:([^@]+)@", neo4j_url)
    assert not password or password[1] not in text, "the store password must not be printed"
    {"01": check_01, "03": check_03}[name[:2]](nb)
