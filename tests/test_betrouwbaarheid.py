"""Loads never break readers, and a killed load leaves the published figures as they
were: a dashboard process reads in a loop during a load, and loads are SIGKILLed in the
middle of ingestion and of the dbt build."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from opvangmonitor import paden
from opvangmonitor.generator import genereer
from opvangmonitor.uitvoering import voer_alles_uit

pytestmark = pytest.mark.traag
LATER = "_20261015"  # the generator's later snapshots


def _sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _figuren(pub: Path) -> list[tuple]:
    con = duckdb.connect(str(pub), read_only=True)
    try:
        return con.execute("SELECT * FROM marts.indicatoren ORDER BY ALL").fetchall()
    finally:
        con.close()


def _leveringen(wh: Path) -> int:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM raw.leveringen").fetchone()[0]
    finally:
        con.close()


def _omgeving(basis: Path, naam: str, mp: pytest.MonkeyPatch) -> dict:
    """A landing with only the earlier snapshots, loaded and published; the later
    snapshots wait in a side folder."""
    landing, later = basis / f"{naam}-landing", basis / f"{naam}-later"
    gen = genereer(landing, seed=11, clients=300)
    later.mkdir()
    for p in landing.iterdir():
        if LATER in p.name:
            shutil.move(str(p), later / p.name)
    wh = basis / naam / "om.duckdb"
    mp.setenv(paden.ENV_LANDING, str(landing))
    mp.setenv(paden.ENV_WAREHOUSE, str(wh))
    mp.setenv(paden.ENV_REGIOS, str(gen.regios))
    u = voer_alles_uit(log_niveau="WARNING")
    assert u.geslaagd, u.fouten
    return {"landing": landing, "later": later, "wh": wh, "pub": paden.published_file(wh), "regios": gen.regios}


def _zet_later_terug(o: dict) -> None:
    for p in o["later"].iterdir():
        shutil.move(str(p), o["landing"] / p.name)


@pytest.fixture(scope="module")
def volledig(tmp_path_factory):
    """Reference: the figures of a clean load of all deliveries, with a dashboard
    process reading throughout that load (the concurrency test)."""
    basis = tmp_path_factory.mktemp("gelijktijdig")
    mp = pytest.MonkeyPatch()
    o = _omgeving(basis, "ref", mp)
    voor = _figuren(o["pub"])
    stop, uit = basis / "stop", basis / "lezer.json"
    lezer = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("lezer_dashboardgegevens.py")), str(stop), str(uit)],
        env={**os.environ, "OPVANGMONITOR_GEPUBLICEERD": str(o["pub"])},
    )
    try:
        time.sleep(2)  # the reader is running before the load starts
        _zet_later_terug(o)
        u = voer_alles_uit(log_niveau="WARNING")
        time.sleep(2)  # and keeps running after the swap
    finally:
        stop.touch()
        lezer.wait(timeout=120)
    mp.undo()
    lezer_uitslag = json.loads(uit.read_text())
    verslag = Path(__file__).parent / "uitvoer"
    verslag.mkdir(exist_ok=True)
    (verslag / "gelijktijdig_lezen.json").write_text(json.dumps(lezer_uitslag, indent=1))
    return {"uitslag": u, "voor": voor, "na": _figuren(o["pub"]), "lezer": lezer_uitslag}


def test_dashboard_leest_foutloos_tijdens_een_load(volledig):
    assert volledig["uitslag"].geslaagd, volledig["uitslag"].fouten
    lezer = volledig["lezer"]
    assert lezer["fouten"] == []
    assert lezer["lezingen"] >= 20
    # the reader saw the figures before and after the swap, nothing in between
    assert volledig["voor"] != volledig["na"]
    assert len(lezer["gezien"]) == 2


def _start_run(o: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [str(Path(sys.executable).with_name("opvangmonitor")), "run", "--landing", str(o["landing"]),
         "--warehouse", str(o["wh"]), "--regios", str(o["regios"])],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )


def _dood_bij(proc: subprocess.Popen, merkteken: str, max_seconden: float = 180) -> str:
    """Reads the run's output until `merkteken` appears, then SIGKILLs the whole run."""
    begin, gezien = time.monotonic(), []
    for regel in proc.stdout:
        gezien.append(regel)
        if merkteken in regel or time.monotonic() - begin > max_seconden:
            break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert any(merkteken in r for r in gezien), "".join(gezien[-20:])
    return "".join(gezien)


def test_sigkill_tijdens_ingestie_en_dbt_laat_publicatie_ongemoeid(volledig, tmp_path_factory):
    basis = tmp_path_factory.mktemp("crash")
    mp = pytest.MonkeyPatch()
    try:
        o = _omgeving(basis, "crash", mp)
        gepubliceerd = _sha(o["pub"])
        _zet_later_terug(o)

        # 1. killed while reading the second later delivery (one transaction per delivery)
        _dood_bij(_start_run(o), f"levering binnenvest{LATER}")
        assert _sha(o["pub"]) == gepubliceerd
        assert _leveringen(o["wh"]) in (3, 4)  # the delivery being read is rolled back

        # 2. killed in the middle of the dbt build
        _dood_bij(_start_run(o), "START sql table model intermediate")
        assert _sha(o["pub"]) == gepubliceerd
        assert not list(o["pub"].parent.glob("*.nieuw-*"))

        # 3. the next run completes normally, with the same figures as a clean load
        u = voer_alles_uit(log_niveau="WARNING")
        assert u.geslaagd, u.fouten
        assert _leveringen(o["wh"]) == 6
        assert _figuren(o["pub"]) == volledig["na"]
    finally:
        mp.undo()
