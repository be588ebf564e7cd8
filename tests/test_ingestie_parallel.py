"""Deliveries loaded in worker processes and merged by one writer give exactly the raw
tables and outcomes of a serial load: duplicates within the batch, unreadable
deliveries, a worker that fails or dies, the Dagster asset and its log."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from opvangmonitor import paden
from opvangmonitor.generator import genereer
from opvangmonitor.ingestie import (
    IngestieAfgebroken,
    LeveringFout,
    ingestie_processen,
    laad_leveringen,
    scan_landing,
)
from opvangmonitor.ingestie import parallel
from opvangmonitor.ingestie.parallel import ENV_PROCESSEN

SLEUTEL = b"testsleutel"
ZONDER_TIJD = {"leveringen": "geladen_op", "leveringen_mislukt": "tijdstip"}


@pytest.fixture(scope="module")
def gegenereerd(tmp_path_factory) -> Path:
    """Six generated deliveries (3 providers × 2 snapshots, folder/zip/xlsx), read-only."""
    landing = tmp_path_factory.mktemp("gegenereerd") / "landing"
    genereer(landing, seed=5, clients=300)
    (landing / "regios.yml").unlink()
    return landing


def _kopie(bron: Path, doel: Path) -> Path:
    shutil.copytree(bron, doel)
    return doel


def _laad(landing: Path, wh: Path, processen: int, meldingen: list | None = None) -> list[tuple[str, str]]:
    """Every delivery of `landing` into warehouse `wh`; (bron, outcome) per delivery."""
    con = duckdb.connect(str(wh))
    try:
        aanleveringen, _ = scan_landing(landing)
        meld = None if meldingen is None else meldingen.append
        stroom = laad_leveringen(con, aanleveringen, SLEUTEL, wh, processen, voortgang=meld)
        return [(a.bron, str(u) if isinstance(u, LeveringFout) else u.samenvatting()) for a, u in stroom]
    finally:
        con.close()


def _raw(wh: Path) -> dict[str, list[tuple]]:
    """Every raw table's rows in a fixed order, without the load moments."""
    con = duckdb.connect(str(wh), read_only=True)
    try:
        tabellen = [t for (t,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'raw' ORDER BY 1").fetchall()]
        uit = {}
        for t in tabellen:
            zonder = f" EXCLUDE ({ZONDER_TIJD[t]})" if t in ZONDER_TIJD else ""
            uit[t] = con.execute(f"SELECT *{zonder} FROM raw.{t} ORDER BY ALL").fetchall()
        return uit
    finally:
        con.close()


def _nooit_hier(*args, **kwargs):
    """laad_levering in the writer process: the workers are spawned processes with their
    own, unpatched copy, so a delivery loaded by the writer itself fails the test."""
    pytest.fail("levering in het schrijvende proces geladen in plaats van in een werkproces")


def test_parallel_is_gelijk_aan_serieel(gegenereerd, tmp_path, monkeypatch):
    serieel = _laad(gegenereerd, tmp_path / "serieel.duckdb", processen=1)
    meldingen: list[str] = []
    with monkeypatch.context() as m:
        m.setattr(parallel, "laad_levering", _nooit_hier)
        parallel_ = _laad(gegenereerd, tmp_path / "parallel.duckdb", processen=2, meldingen=meldingen)

    assert parallel_ == serieel
    assert len(serieel) == 6 and all(": geladen — " in s for _, s in serieel)
    assert _raw(tmp_path / "parallel.duckdb") == _raw(tmp_path / "serieel.duckdb")
    raw = _raw(tmp_path / "parallel.duckdb")
    assert len(raw["leveringen"]) == 6 and raw["leveringen_mislukt"] == []
    assert sum(len(raw[t]) for t in ("clienten", "trajecten", "woonvormen")) > 900
    # the workers' progress reaches the writer: the start of each delivery and every file
    bronnen = [b for b, _ in serieel]
    assert sorted(m for m in meldingen if m.startswith("[")) == sorted(f"[{i}/6] {b}" for i, b in enumerate(bronnen, 1))
    assert sum(": levering " in m and m.endswith(" laden") for m in meldingen) == 6
    assert any(m.startswith(f"{bronnen[0]}, clienten") and "rijen gelezen" in m for m in meldingen)
    assert not list(tmp_path.glob(".parallel.duckdb.ingestie-*"))  # scratch folder removed

    # a second run finds everything loaded, without starting workers
    monkeypatch.setattr(parallel, "_Werkers", None)
    opnieuw = _laad(gegenereerd, tmp_path / "parallel.duckdb", processen=2)
    assert [s.split(": ")[1].split(" — ")[0] for _, s in opnieuw] == ["al geladen"] * 6


def test_dubbel_in_de_partij_en_onleesbare_levering(gegenereerd, tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    for naam in ("binnenvest_20261015", "eemzorg_20260115", "valleizorg_20261015"):
        _kopie(gegenereerd / naam, landing / naam)
    # the same content again, as a zip: sorted after the folder, so it is the second copy
    shutil.make_archive(str(landing / "binnenvest_20261015"), "zip", landing / "binnenvest_20261015")
    # unreadable: a required file is missing; and a zip copy of that unreadable delivery
    (landing / "valleizorg_20261015" / "woonvormen.csv").unlink()
    shutil.make_archive(str(landing / "valleizorg_20261015"), "zip", landing / "valleizorg_20261015")

    serieel = _laad(landing, tmp_path / "serieel.duckdb", processen=1)
    parallel_ = _laad(landing, tmp_path / "parallel.duckdb", processen=2)

    assert parallel_ == serieel
    assert [b for b, _ in parallel_] == [
        "binnenvest_20261015", "binnenvest_20261015.zip", "eemzorg_20260115",
        "valleizorg_20261015", "valleizorg_20261015.zip",
    ]
    uitkomst = dict(parallel_)
    raw = _raw(tmp_path / "parallel.duckdb")
    (binnenvest_id,) = [r[0] for r in raw["leveringen"] if r[1] == "binnenvest"]
    assert uitkomst["binnenvest_20261015.zip"] == (
        "binnenvest_20261015.zip: al geladen — dezelfde inhoud is al geladen als "
        f"{binnenvest_id} (uit binnenvest_20261015)"
    )
    ontbreekt = "bestand woonvormen.csv: verplicht bestand ontbreekt"
    assert uitkomst["valleizorg_20261015"] == f"Levering valleizorg_20261015, {ontbreekt}"
    # the copy of an unreadable delivery is tried (another name) and fails the same way
    assert uitkomst["valleizorg_20261015.zip"] == f"Levering valleizorg_20261015.zip, {ontbreekt}"
    assert len(raw["leveringen"]) == 2
    mislukt = raw["leveringen_mislukt"]  # (bron, inhoud_hash, bestand, fout)
    assert [(r[0], r[2]) for r in mislukt] == [
        ("valleizorg_20261015", "woonvormen.csv"), ("valleizorg_20261015.zip", "woonvormen.csv")]
    assert mislukt[0][1] == mislukt[1][1]  # the same content
    assert raw == _raw(tmp_path / "serieel.duckdb")

    # unchanged, the failed ones are skipped as 'eerder mislukt' on the next load
    opnieuw = dict(_laad(landing, tmp_path / "parallel.duckdb", processen=2))
    assert opnieuw["valleizorg_20261015"].startswith("valleizorg_20261015: eerder mislukt — ongewijzigd sinds")
    assert opnieuw["binnenvest_20261015"].startswith("binnenvest_20261015: al geladen")


def test_fout_in_een_werkproces_breekt_af_met_de_levering(gegenereerd, tmp_path):
    wh = tmp_path / "wh.duckdb"
    con = duckdb.connect(str(wh))
    try:
        aanleveringen, _ = scan_landing(gegenereerd)
        afgebroken = "Ingestie afgebroken bij levering binnenvest_20260115.zip: TypeError"
        with pytest.raises(IngestieAfgebroken, match=afgebroken):  # no key: a bug, not the delivery's fault
            list(laad_leveringen(con, aanleveringen, None, wh, processen=2))
        assert con.execute("SELECT count(*) FROM raw.leveringen").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM raw.leveringen_mislukt").fetchone() == (0,)
    finally:
        con.close()
    assert not list(tmp_path.glob(".wh.duckdb.ingestie-*"))
    assert multiprocessing.active_children() == []


def test_gestorven_werkproces_breekt_af_en_blijft_niet_hangen(gegenereerd, tmp_path):
    wh = tmp_path / "wh.duckdb"
    gedood = []

    def dood_bij_eerste_start(melding: str) -> None:
        if melding.startswith("[") and not gedood:
            for p in multiprocessing.active_children():
                os.kill(p.pid, signal.SIGKILL)
                gedood.append(p.pid)

    con = duckdb.connect(str(wh))
    try:
        aanleveringen, _ = scan_landing(gegenereerd)
        stroom = laad_leveringen(con, aanleveringen, SLEUTEL, wh, processen=2, voortgang=dood_bij_eerste_start)
        with pytest.raises(IngestieAfgebroken, match="werkproces stopte onverwacht tijdens binnenvest_20260115.zip"):
            list(stroom)
        assert con.execute("SELECT count(*) FROM raw.leveringen").fetchone() == (0,)
    finally:
        con.close()
    assert len(gedood) == 2
    assert not list(tmp_path.glob(".wh.duckdb.ingestie-*"))


def test_aantal_processen(monkeypatch):
    monkeypatch.delenv(ENV_PROCESSEN, raising=False)
    assert ingestie_processen() == len(os.sched_getaffinity(0))
    monkeypatch.setenv(ENV_PROCESSEN, "3")
    assert ingestie_processen() == 3
    for fout in ("0", "twee", "-1"):
        monkeypatch.setenv(ENV_PROCESSEN, fout)
        with pytest.raises(ValueError, match=f"{ENV_PROCESSEN}='{fout}': verwacht een geheel getal van 1 of meer"):
            ingestie_processen()


def test_een_proces_laadt_serieel_in_dit_proces(gegenereerd, tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_PROCESSEN, "1")
    monkeypatch.setattr(parallel, "_Werkers", None)  # starting workers would fail
    achtergelaten = tmp_path / ".wh.duckdb.ingestie-gedood" / "0"  # left by a killed load
    achtergelaten.mkdir(parents=True)
    uitkomst = _laad(gegenereerd, tmp_path / "wh.duckdb", processen=ingestie_processen())
    assert len(uitkomst) == 6 and all(": geladen — " in s for _, s in uitkomst)
    assert not achtergelaten.parent.exists()


def test_asset_met_onleesbare_levering_tussen_goede(gegenereerd, tmp_path, monkeypatch):
    from opvangmonitor.orkestratie.ingestie import ingestie

    landing = tmp_path / "landing"
    landing.mkdir()
    for naam in ("binnenvest_20261015", "valleizorg_20261015"):
        _kopie(gegenereerd / naam, landing / naam)
    (landing / "eemzorg_20260115.zip").write_bytes(b"geen zip")
    wh = tmp_path / "wh" / "om.duckdb"
    monkeypatch.setenv(paden.ENV_LANDING, str(landing))
    monkeypatch.setenv(paden.ENV_WAREHOUSE, str(wh))
    monkeypatch.setenv(ENV_PROCESSEN, "2")
    monkeypatch.setattr(parallel, "laad_levering", _nooit_hier)

    with dg.DagsterInstance.ephemeral() as instance:
        uitslag = dg.materialize([ingestie], instance=instance, raise_on_error=False)
        logs = [e.user_message for e in instance.all_logs(uitslag.run_id)]
    assert not uitslag.success
    (fout,) = [e for e in uitslag.all_events if e.is_step_failure]
    tekst = "Levering eemzorg_20260115.zip, bestand eemzorg_20260115.zip: geen geldig zip-bestand"
    assert tekst in fout.event_specific_data.error.message
    assert fout.event_specific_data.user_failure_data.metadata["samenvattingen"].value[-1] == f"MISLUKT — {tekst}"
    for i, naam in enumerate(("binnenvest_20261015", "eemzorg_20260115.zip", "valleizorg_20261015"), 1):
        assert f"[{i}/3] {naam}" in logs
    assert any(m.startswith("valleizorg_20261015, clienten.csv: ") for m in logs)
    assert any(m.startswith("binnenvest_20261015: geladen — ") for m in logs)
    assert tekst in logs

    con = duckdb.connect(str(wh), read_only=True)
    try:
        assert con.execute("SELECT bron FROM raw.leveringen ORDER BY 1").fetchall() == [
            ("binnenvest_20261015",), ("valleizorg_20261015",)]
        assert con.execute("SELECT bron, bestand FROM raw.leveringen_mislukt").fetchall() == [
            ("eemzorg_20260115.zip", "eemzorg_20260115.zip")]
    finally:
        con.close()
    assert not list(wh.parent.glob(".om.duckdb.ingestie-*"))
