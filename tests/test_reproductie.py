"""Reproduction (aanlevering.md §1): a figure reported earlier can be reproduced from the
deliveries it was computed on. The integration test loads the early snapshots, keeps the
published indicators, loads the later snapshots (which supersede them), and then
`opvangmonitor reproduceer --tot <moment of the first publication>` must give exactly the
kept indicators. The other tests cover moment parsing, the output files and the errors
without running dbt."""

from __future__ import annotations

import csv
import hashlib
import shutil
import time
from datetime import date, datetime
from pathlib import Path

import duckdb
import openpyxl
import pytest

from opvangmonitor import cli, paden
from opvangmonitor.generator import genereer
from opvangmonitor.raw_schema import maak_raw_schema
from opvangmonitor.reproductie import (
    GebruikteLevering,
    ReproductieFout,
    lees_moment,
    reproduceer,
    schrijf_indicatoren,
)
from opvangmonitor.uitvoering import voer_alles_uit

INDICATOREN = "SELECT * FROM marts.indicatoren ORDER BY ALL"


def _lees(pad: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(pad), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


# ------------------------------------------------------------------ the whole story


@pytest.fixture(scope="module")
def twee_runs(tmp_path_factory):
    basis = tmp_path_factory.mktemp("reproductie")
    landing, later = basis / "landing", basis / "later"
    gen = genereer(landing, seed=11, clients=300)
    later.mkdir()
    for pad in landing.glob("*_20261015*"):
        shutil.move(pad, later / pad.name)
    assert len(list(later.iterdir())) == 3
    warehouse = basis / "warehouse" / "om.duckdb"
    mp = pytest.MonkeyPatch()
    mp.setenv(paden.ENV_LANDING, str(landing))
    mp.setenv(paden.ENV_WAREHOUSE, str(warehouse))
    mp.setenv(paden.ENV_REGIOS, str(gen.regios))
    try:
        eerste = voer_alles_uit(log_niveau="WARNING")
        assert eerste.geslaagd, eerste.fouten
        eerder = _lees(paden.published_file(), INDICATOREN)
        moment = datetime.now().replace(microsecond=0)
        time.sleep(1)  # geladen_op has whole seconds: every later load is after `moment`
        for pad in later.iterdir():
            shutil.move(pad, landing / pad.name)
        tweede = voer_alles_uit(log_niveau="WARNING")
        assert tweede.geslaagd, tweede.fouten
        yield {
            "warehouse": warehouse,
            "eerder": eerder,
            "later": _lees(paden.published_file(), INDICATOREN),
            "moment": moment,
            "basis": basis,
        }
    finally:
        mp.undo()


@pytest.mark.traag
def test_nieuwere_levering_vervangt_de_eerdere(twee_runs):
    wh = twee_runs["warehouse"]
    leveringen = _lees(wh, "SELECT levering_id FROM raw.leveringen ORDER BY 1")
    assert [l[0].rsplit("_", 1)[0] for l in leveringen] == [
        "binnenvest_20260115", "binnenvest_20261015",
        "eemzorg_20260115", "eemzorg_20261015",
        "valleizorg_20260115", "valleizorg_20261015",
    ]
    actueel = _lees(wh, "SELECT levering_id FROM staging.stg_leveringen WHERE is_actueel ORDER BY 1")
    assert [l[0].rsplit("_", 1)[0] for l in actueel] == [
        "binnenvest_20261015", "eemzorg_20261015", "valleizorg_20261015",
    ]
    assert twee_runs["eerder"] and twee_runs["later"] != twee_runs["eerder"]
    # the later snapshots have peildatum 2026-09-30: the published periods run further
    laatste = lambda rijen: max(r[4] for r in rijen)  # noqa: E731  periode_start
    assert laatste(twee_runs["eerder"]) == date(2025, 10, 1)
    assert laatste(twee_runs["later"]) == date(2026, 7, 1)


@pytest.mark.traag
def test_reproduceer_geeft_precies_de_eerder_gepubliceerde_cijfers(twee_runs, capsys):
    wh = twee_runs["warehouse"]
    voor = (_sha(wh), _sha(paden.published_file(wh)))
    uit = twee_runs["basis"] / "uitvoer" / "toen.duckdb"
    moment = twee_runs["moment"]

    code = cli.main(["reproduceer", "--warehouse", str(wh), "--tot", f"{moment:%Y-%m-%d %H:%M:%S}", "--uit", str(uit)])
    regel = capsys.readouterr().out.strip()

    assert code == 0
    assert _lees(uit, INDICATOREN) == twee_runs["eerder"]
    gebruikt = _lees(uit, "SELECT aanbieder_code, levering_id FROM meta.reproductie_leveringen ORDER BY 1")
    assert [(a, l.rsplit("_", 1)[0]) for a, l in gebruikt] == [
        ("binnenvest", "binnenvest_20260115"), ("eemzorg", "eemzorg_20260115"), ("valleizorg", "valleizorg_20260115"),
    ]
    aantal = f"{len(twee_runs['eerder']):,}".replace(",", ".")
    assert regel.startswith(f"Indicatoren zoals op {moment:%Y-%m-%d %H:%M:%S}: binnenvest binnenvest_20260115_")
    assert regel.endswith(f"; {aantal} rijen geschreven naar {uit}")
    assert "eemzorg eemzorg_20260115_" in regel and "valleizorg valleizorg_20260115_" in regel
    assert "\n" not in regel
    # the real warehouse and the published copy are only read
    assert (_sha(wh), _sha(paden.published_file(wh))) == voor


# ------------------------------------------------------------------ without dbt


@pytest.mark.parametrize(
    "tekst, moment",
    [
        ("2026-03-01", datetime(2026, 3, 1, 0, 0)),
        ("2026-03-01 14:05", datetime(2026, 3, 1, 14, 5)),
        (" 2026-03-01 14:05:09 ", datetime(2026, 3, 1, 14, 5, 9)),
    ],
)
def test_lees_moment(tekst, moment):
    assert lees_moment(tekst) == moment


@pytest.mark.parametrize("tekst", ["gisteren", "01-03-2026", "2026-03-01T14:05", "2026-02-30", "2026-03-01 25:00"])
def test_lees_moment_weigert_andere_vormen(tekst):
    with pytest.raises(ReproductieFout, match=f"--tot '{tekst}' is geen moment; schrijf JJJJ-MM-DD"):
        lees_moment(tekst)


@pytest.fixture
def klein_warehouse(tmp_path):
    """A warehouse with only raw.leveringen: one delivery loaded 2026-01-16 10:00:00."""
    pad = tmp_path / "wh" / "om.duckdb"
    pad.parent.mkdir()
    con = duckdb.connect(str(pad))
    maak_raw_schema(con)
    con.execute(
        "INSERT INTO raw.leveringen (levering_id, aanbieder_code, aanbieder_naam, leverdatum, peildatum, "
        "spec_versie, bron, bronvorm, inhoud_hash, geladen_op) VALUES "
        "('x_20260115_abc', 'x', 'X', '2026-01-15', '2025-12-31', '1', 'x_20260115', 'map', 'abc', "
        "'2026-01-16 10:00:00')"
    )
    con.close()
    return pad


def test_geen_leveringen_voor_het_moment(klein_warehouse, tmp_path):
    voor = _sha(klein_warehouse)
    with pytest.raises(ReproductieFout) as fout:
        reproduceer(klein_warehouse, datetime(2026, 1, 16, 9, 59, 59), tmp_path / "uit.csv")
    assert str(fout.value) == (
        f"het warehouse {klein_warehouse} heeft geen leveringen geladen op of vóór 2026-01-16 09:59:59; "
        "de eerste levering is geladen op 2026-01-16 10:00:00"
    )
    assert not (tmp_path / "uit.csv").exists()
    assert _sha(klein_warehouse) == voor


def test_cli_meldt_onbekende_uitvoervorm(klein_warehouse, tmp_path, capsys):
    code = cli.main(["reproduceer", "--warehouse", str(klein_warehouse), "--tot", "2026-02-01", "--uit", str(tmp_path / "uit.txt")])
    assert code == 1
    assert capsys.readouterr().err.strip() == (
        f"opvangmonitor: fout: onbekende uitvoervorm '.txt' voor {tmp_path / 'uit.txt'}: kies .csv, .xlsx of .duckdb"
    )


@pytest.mark.parametrize("doel", ["warehouse", "gepubliceerd"])
def test_schrijft_nooit_over_het_warehouse(klein_warehouse, doel):
    uit = klein_warehouse if doel == "warehouse" else paden.published_file(klein_warehouse)
    voor = _sha(klein_warehouse)
    with pytest.raises(ReproductieFout, match="is het warehouse of zijn gepubliceerde kopie"):
        reproduceer(klein_warehouse, datetime(2026, 2, 1), uit)
    assert _sha(klein_warehouse) == voor


def test_warehouse_bestaat_niet(tmp_path):
    with pytest.raises(ReproductieFout, match=r"warehouse .*geen\.duckdb bestaat niet"):
        reproduceer(tmp_path / "geen.duckdb", datetime(2026, 2, 1), tmp_path / "uit.csv")


@pytest.fixture
def indicatoren_con():
    """marts.indicatoren with two rows, inserted out of order."""
    con = duckdb.connect()
    con.execute("CREATE SCHEMA marts")
    con.execute(
        "CREATE TABLE marts.indicatoren (regio VARCHAR, indicator VARCHAR, periode_start DATE, teller DOUBLE, waarde DOUBLE)"
    )
    con.execute(
        "INSERT INTO marts.indicatoren VALUES ('rijnstreek', 'D.1.2', '2026-01-01', NULL, 7), "
        "('rijnstreek', 'D.1.1', '2026-01-01', 12, 12.5)"
    )
    yield con
    con.close()


LEVERINGEN = [
    GebruikteLevering("x", "x_20260115_abc", date(2026, 1, 15), date(2025, 12, 31), datetime(2026, 1, 16, 10, 0)),
    GebruikteLevering("y", None, None, None, None),
]


def test_schrijf_csv(indicatoren_con, tmp_path):
    uit = tmp_path / "a" / "uit.csv"
    assert schrijf_indicatoren(indicatoren_con, uit, LEVERINGEN) == 2
    assert list(csv.reader(uit.open(encoding="utf-8"))) == [
        ["regio", "indicator", "periode_start", "teller", "waarde"],
        ["rijnstreek", "D.1.1", "2026-01-01", "12.0", "12.5"],
        ["rijnstreek", "D.1.2", "2026-01-01", "", "7.0"],
    ]
    assert [p.name for p in uit.parent.iterdir()] == ["uit.csv"]  # no temporary file left


def test_schrijf_xlsx(indicatoren_con, tmp_path):
    uit = tmp_path / "uit.xlsx"
    assert schrijf_indicatoren(indicatoren_con, uit, LEVERINGEN) == 2
    boek = openpyxl.load_workbook(uit)
    assert boek.sheetnames == ["indicatoren", "leveringen"]
    assert [list(r) for r in boek["indicatoren"].iter_rows(values_only=True)] == [
        ["regio", "indicator", "periode_start", "teller", "waarde"],
        ["rijnstreek", "D.1.1", datetime(2026, 1, 1), 12, 12.5],
        ["rijnstreek", "D.1.2", datetime(2026, 1, 1), None, 7],
    ]
    assert [list(r) for r in boek["leveringen"].iter_rows(values_only=True)] == [
        ["aanbieder_code", "levering_id", "leverdatum", "peildatum", "geladen_op"],
        ["x", "x_20260115_abc", datetime(2026, 1, 15), datetime(2025, 12, 31), datetime(2026, 1, 16, 10, 0)],
        ["y", None, None, None, None],
    ]


def test_schrijf_duckdb_vervangt_een_bestaand_bestand(indicatoren_con, tmp_path):
    uit = tmp_path / "uit.duckdb"
    uit.write_text("oud")
    assert schrijf_indicatoren(indicatoren_con, uit, LEVERINGEN) == 2
    assert _lees(uit, "SELECT indicator, teller, waarde FROM marts.indicatoren") == [
        ("D.1.1", 12.0, 12.5), ("D.1.2", None, 7.0),
    ]
    assert _lees(uit, "SELECT * FROM meta.reproductie_leveringen ORDER BY 1") == [
        ("x", "x_20260115_abc", date(2026, 1, 15), date(2025, 12, 31), datetime(2026, 1, 16, 10, 0)),
        ("y", None, None, None, None),
    ]
