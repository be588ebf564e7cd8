"""Correctness at scale (issue 7): a region's indicators do not depend on the other regions
in the warehouse. A national run (six regions: the three example regions and a copy of
each, `genereer(regios=6)`) and a run on a landing folder holding only the deliveries of
the three copies, with a regios.yml of only those regions, give exactly the same rows of
marts.indicatoren for those regions (every column, every row)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
import yaml

from opvangmonitor import paden
from opvangmonitor.generator import genereer
from opvangmonitor.uitvoering import voer_alles_uit

pytestmark = pytest.mark.traag

CLIENTEN = 3_000  # size does not matter for the claim; the benchmark measures scale
KOPIEEN = ("rijnstreek-02", "valleiregio-02", "amersfoort-02")  # families A–E + BZ, HF + GZ, MO


def _run(basis: Path, landing: Path, regios: Path) -> Path:
    warehouse = basis / "warehouse" / "om.duckdb"
    mp = pytest.MonkeyPatch()
    mp.setenv(paden.ENV_LANDING, str(landing))
    mp.setenv(paden.ENV_WAREHOUSE, str(warehouse))
    mp.setenv(paden.ENV_REGIOS, str(regios))
    try:
        uitslag = voer_alles_uit(log_niveau="WARNING")
    finally:
        mp.undo()
    assert uitslag.geslaagd, uitslag.fouten
    return paden.published_file(warehouse)


def _rijen(gepubliceerd: Path, regios: tuple[str, ...]) -> list[tuple]:
    con = duckdb.connect(str(gepubliceerd), read_only=True)
    try:
        return con.execute(
            f"SELECT * FROM marts.indicatoren WHERE regio IN ({', '.join('?' * len(regios))}) ORDER BY ALL",
            list(regios),
        ).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def twee_runs(tmp_path_factory):
    basis = tmp_path_factory.mktemp("schaal")
    landing = basis / "nationaal" / "landing"
    gen = genereer(landing, seed=11, clients=CLIENTEN, formaat="netjes", regios=6, jaren=4)
    nationaal = _run(basis / "nationaal", landing, gen.regios)

    alleen = basis / "alleen" / "landing"
    alleen.mkdir(parents=True)
    alle = yaml.safe_load(gen.regios.read_text(encoding="utf-8"))["regios"]
    eigen = {code: alle[code] for code in KOPIEEN}
    aanbieders = {a for blok in eigen.values() for a in blok["aanbieders"]}
    for lev in gen.leveringen:
        if lev.aanbieder in aanbieders:
            shutil.copytree(lev.pad, alleen / lev.pad.name)
    regios = alleen / "regios.yml"
    regios.write_text(yaml.safe_dump({"regios": eigen}, sort_keys=False, allow_unicode=True), encoding="utf-8")
    apart = _run(basis / "alleen", alleen, regios)
    return {"gen": gen, "nationaal": nationaal, "apart": apart, "aanbieders": aanbieders}


def test_nationale_run_heeft_zes_regios_en_kopieen_hebben_eigen_aanbieders(twee_runs):
    gen = twee_runs["gen"]
    assert sorted(gen.clienten) == sorted(["binnenvest", "eemzorg", "valleizorg", "binnenvest-02", "eemzorg-02",
                                           "valleizorg-02"])
    assert twee_runs["aanbieders"] == {"binnenvest-02", "eemzorg-02", "valleizorg-02"}
    assert len(gen.leveringen) == 12
    con = duckdb.connect(str(twee_runs["nationaal"]), read_only=True)
    try:
        per_regio = dict(con.execute("SELECT regio, count(*) FROM marts.indicatoren GROUP BY ALL").fetchall())
    finally:
        con.close()
    assert set(per_regio) == {"rijnstreek", "valleiregio", "amersfoort", *KOPIEEN}


@pytest.mark.parametrize("regio", KOPIEEN)
def test_regio_alleen_gelijk_aan_dezelfde_regio_in_nationale_run(twee_runs, regio):
    nationaal = _rijen(twee_runs["nationaal"], (regio,))
    apart = _rijen(twee_runs["apart"], (regio,))
    assert len(nationaal) > 1000
    assert apart == nationaal
