"""Great Expectations validation: suites from the contract, runs on a tmp warehouse."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from opvangmonitor.paden import EXPECTATIONS_DIR
from opvangmonitor.raw_schema import maak_raw_schema
from opvangmonitor.validatie import VALIDATIES, bouw_data_docs, valideer_tabel
from opvangmonitor.validatie.meldingen import _waarde
from opvangmonitor.validatie.project import ENV_GX_PROJECT
from opvangmonitor.validatie.suites import projectbestanden


def ps(tekst: str) -> str:
    """A well-formed 64-hex pseudonym."""
    return hashlib.sha256(tekst.encode()).hexdigest()


@pytest.fixture(scope="module")
def _gx_kopie(tmp_path_factory) -> Path:
    doel = tmp_path_factory.mktemp("gx") / "expectations"
    shutil.copytree(EXPECTATIONS_DIR, doel, ignore=shutil.ignore_patterns("uncommitted"))
    return doel


@pytest.fixture(autouse=True)
def gx_project(_gx_kopie, monkeypatch) -> Path:
    """Every test validates against a temporary copy of expectations/ (results go there)."""
    monkeypatch.setenv(ENV_GX_PROJECT, str(_gx_kopie))
    return _gx_kopie


@pytest.fixture
def warehouse(tmp_path) -> Path:
    """raw schema with good rows in clienten, trajecten, woonvormen, zrm_metingen, and
    staging tables derived from them the way dbt's staging would look."""
    pad = tmp_path / "wh.duckdb"
    con = duckdb.connect(str(pad))
    maak_raw_schema(con)
    lev = "aanb_20260101_abcdef012345"
    con.executemany(
        "INSERT INTO raw.clienten (levering_id, bestand, regel, client_pseudoniem, bsn_pseudoniem, "
        "bsn_elfproef_ongeldig, geboortedatum, geslacht, aanmaakdatum) VALUES (?, 'clienten.csv', ?, ?, ?, ?, ?, ?, ?)",
        [
            [lev, 2, ps("c1"), ps("b1"), False, "1980-05-01", "Man", "2025-01-10"],
            [lev, 3, ps("c2"), None, True, "2001-02-03", "Vrouw", "2025-03-01"],
            [lev, 4, ps("c3"), None, False, "1999-12-31", "Onbekend", "2026-01-15"],
        ],
    )
    con.executemany(
        "INSERT INTO raw.trajecten (levering_id, bestand, regel, traject_id, client_pseudoniem, doelgroep, "
        "systeemcasus, aantal_kinderen, startdatum, einddatum, gemeente_opvang) "
        "VALUES (?, 'trajecten.csv', ?, ?, ?, 'Decentrale opvang gezin', ?, ?, ?, ?, ?)",
        [
            [lev, 2, "T1", ps("c1"), True, 2, "2025-01-10", "2025-06-30", "GM0484"],
            [lev, 3, "T2", ps("c2"), False, 0, "2025-03-01", None, "Onbekend"],
            [lev, 4, "T3", ps("c3"), False, None, "2026-01-15", "2026-01-15", None],
        ],
    )
    con.executemany(
        "INSERT INTO raw.woonvormen (levering_id, bestand, regel, client_pseudoniem, traject_id, woonvorm, "
        "startdatum, einddatum) VALUES (?, 'woonvormen.csv', ?, ?, ?, 'Opvang lokaal', ?, ?)",
        [[lev, 2, ps("c1"), "T1", "2025-01-10", "2025-06-30"], [lev, 3, ps("c2"), "T2", "2025-03-01", None]],
    )
    con.executemany(
        "INSERT INTO raw.zrm_metingen (levering_id, bestand, regel, meting_id, client_pseudoniem, traject_id, "
        "meetdatum, soort_meting, financien, huisvesting) VALUES (?, 'zrm_metingen.csv', ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [lev, 2, "M1", ps("c1"), "T1", "2025-01-20", "nulmeting", 1, 2],
            [lev, 3, "M2", ps("c1"), "T1", "2025-06-20", "eindmeting", 5, None],
        ],
    )
    con.execute("CREATE SCHEMA staging")
    for naam in ("clienten", "trajecten", "woonvormen", "zrm_metingen"):
        kolommen = [
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'raw' "
                "AND table_name = ? AND column_name NOT IN ('levering_id', 'bestand', 'regel', 'extra_kolommen') "
                "ORDER BY ordinal_position",
                [naam],
            ).fetchall()
        ]
        con.execute(
            f"CREATE TABLE staging.stg_{naam} AS SELECT levering_id, bestand, regel, "
            f"'aanb' AS aanbieder_code, {', '.join(kolommen)} FROM raw.{naam}"
        )
    con.close()
    return pad


def sql(pad: Path, *statements: str) -> None:
    con = duckdb.connect(str(pad))
    for s in statements:
        con.execute(s)
    con.close()


def test_validaties_dekken_raw_en_staging():
    assert VALIDATIES == {
        "raw.clienten": "raw_clienten",
        "raw.trajecten": "raw_trajecten",
        "raw.woonvormen": "raw_woonvormen",
        "raw.zrm_metingen": "raw_zrm_metingen",
        "staging.stg_clienten": "staging_stg_clienten",
        "staging.stg_trajecten": "staging_stg_trajecten",
        "staging.stg_woonvormen": "staging_stg_woonvormen",
        "staging.stg_zrm_metingen": "staging_stg_zrm_metingen",
    }


# Expectation counts by hand from the contract:
# raw.clienten: 1 row count + 10 columns exist + 7 not null (levering_id, bestand, regel,
#   client_pseudoniem, geboortedatum, geslacht, aanmaakdatum) + regel >= 2 + 2 pseudonym regexes = 21
# staging.stg_clienten: 1 + 10 columns (aanbieder_code instead of extra_kolommen) + 8 not null
#   (+ aanbieder_code) + 1 + 2 + geslacht in code list + unique (aanbieder_code, client_pseudoniem) = 24
# raw.zrm_metingen: 1 + 20 columns + 8 not null (3 meta + meting_id, client_pseudoniem, traject_id,
#   meetdatum, soort_meting) + 1 + 1 regex + 11 scores between 1 and 5 = 42
# staging.stg_trajecten: 1 + 17 columns + 9 not null (3 meta, aanbieder_code, traject_id,
#   client_pseudoniem, doelgroep, systeemcasus, startdatum) + 1 + 1 regex + aantal_kinderen >= 0
#   + einddatum >= startdatum + 4 code lists + 2 gemeente regexes + unique traject_id = 38
@pytest.mark.parametrize(
    "tabel, rijen, verwachtingen",
    [
        ("raw.clienten", 3, 21),
        ("staging.stg_clienten", 3, 24),
        ("raw.zrm_metingen", 2, 42),
        ("staging.stg_trajecten", 3, 38),
        ("staging.stg_woonvormen", 2, None),
        ("raw.trajecten", 3, None),
    ],
)
def test_goede_tabel_slaagt(warehouse, tabel, rijen, verwachtingen):
    u = valideer_tabel(warehouse, tabel)
    assert u.mislukt == []
    assert u.geslaagd is True
    assert (u.tabel, u.suite, u.aantal_rijen) == (tabel, VALIDATIES[tabel], rijen)
    if verwachtingen is not None:
        assert u.aantal_expectations == verwachtingen


def test_score_buiten_bereik_in_raw(warehouse):
    sql(warehouse, "UPDATE raw.zrm_metingen SET financien = 7 WHERE meting_id = 'M2'")
    u = valideer_tabel(warehouse, "raw.zrm_metingen")
    assert u.geslaagd is False
    assert u.mislukt == ["financien ligt tussen 1 en 5: 1 van 2 rijen voldoen niet, bv. 7"]


def test_verplicht_veld_leeg_en_einddatum_voor_startdatum(warehouse):
    sql(
        warehouse,
        "UPDATE raw.trajecten SET doelgroep = NULL WHERE traject_id = 'T2'",
        "UPDATE raw.trajecten SET einddatum = DATE '2024-12-31' WHERE traject_id = 'T1'",
    )
    u = valideer_tabel(warehouse, "raw.trajecten")
    assert u.geslaagd is False
    assert u.mislukt == [
        "doelgroep is gevuld (verplicht): 1 van 3 rijen voldoen niet",
        "einddatum ligt niet vóór startdatum (of is leeg): 1 van 3 rijen voldoen niet, bv. (2024-12-31, 2025-01-10)",
    ]


def test_dubbele_sleutel_en_foute_codes_in_staging(warehouse):
    sql(
        warehouse,
        "UPDATE staging.stg_trajecten SET traject_id = 'T1' WHERE traject_id = 'T3'",
        "UPDATE staging.stg_trajecten SET doelgroep = 'decentrale opvang gezin' WHERE traject_id = 'T2'",
        "UPDATE staging.stg_trajecten SET gemeente_opvang = 'Alphen aan den Rijn' WHERE regel = 3",
        "UPDATE staging.stg_trajecten SET regel = 1 WHERE regel = 4",
    )
    u = valideer_tabel(warehouse, "staging.stg_trajecten")
    assert u.geslaagd is False
    assert u.mislukt == [
        "regel is ≥ 2 (regel 1 is de kopregel): 1 van 3 rijen voldoen niet, bv. 1",
        "doelgroep komt uit codelijst doelgroep (of is Onbekend): 1 van 3 rijen voldoen niet, "
        "bv. 'decentrale opvang gezin'",
        "gemeente_opvang is een CBS-gemeentecode (GMnnnn) of Onbekend: 1 van 3 rijen voldoen niet, "
        "bv. 'Alphen aan den Rijn'",
        "sleutel (aanbieder_code, traject_id) is uniek: 2 van 3 rijen voldoen niet, bv. (aanbieder_code='aanb', traject_id='T1')",
    ]


def test_dubbele_client_en_fout_pseudoniem(warehouse):
    sql(
        warehouse,
        f"UPDATE staging.stg_clienten SET client_pseudoniem = '{ps('c1')}' WHERE regel = 3",
        "UPDATE staging.stg_clienten SET bsn_pseudoniem = '123456782' WHERE regel = 2",
    )
    u = valideer_tabel(warehouse, "staging.stg_clienten")
    assert u.geslaagd is False
    assert u.mislukt[0] == (
        "bsn_pseudoniem is een pseudoniem van 64 hexadecimale tekens: 1 van 3 rijen voldoen niet, bv. '123456782'"
    )
    assert u.mislukt[1].startswith("sleutel (aanbieder_code, client_pseudoniem) is uniek: 2 van 3 rijen voldoen niet")
    assert len(u.mislukt) == 2


def test_ontbrekende_kolom_en_tabel(warehouse):
    sql(warehouse, "ALTER TABLE staging.stg_woonvormen DROP COLUMN aanbieder_code")
    u = valideer_tabel(warehouse, "staging.stg_woonvormen")
    assert u.geslaagd is False
    assert u.mislukt[0] == "kolom aanbieder_code bestaat: kolom ontbreekt"
    assert u.mislukt[1] == "aanbieder_code is gevuld (verplicht): niet te controleren (kolom aanbieder_code ontbreekt)"
    assert len(u.mislukt) == 2

    sql(warehouse, "DROP TABLE staging.stg_clienten")
    u = valideer_tabel(warehouse, "staging.stg_clienten")
    assert (u.geslaagd, u.aantal_rijen, u.aantal_expectations) == (False, 0, 24)
    assert u.mislukt == [f"tabel staging.stg_clienten ontbreekt in {warehouse}"]


def test_lege_tabel_slaagt(tmp_path):
    pad = tmp_path / "leeg.duckdb"
    con = duckdb.connect(str(pad))
    maak_raw_schema(con)
    con.close()
    u = valideer_tabel(pad, "raw.woonvormen")
    assert (u.geslaagd, u.aantal_rijen, u.mislukt) == (True, 0, [])


def test_onbekende_tabel_en_ontbrekend_warehouse(tmp_path):
    with pytest.raises(KeyError, match="Geen validatie voor tabel 'raw.kosten'"):
        valideer_tabel(tmp_path / "x.duckdb", "raw.kosten")
    with pytest.raises(FileNotFoundError, match="bestaat niet"):
        valideer_tabel(tmp_path / "x.duckdb", "raw.clienten")


def test_warehouse_niet_open_na_validatie_en_resultaat_bewaard(warehouse, gx_project):
    map_ = gx_project / "gx" / "uncommitted" / "validations" / "raw_woonvormen" / "opvangmonitor"
    voor = set(map_.rglob("*.json"))
    valideer_tabel(warehouse, "raw.woonvormen")
    # An open read-only connection in this process would make a read-write one fail.
    con = duckdb.connect(str(warehouse))
    con.execute("INSERT INTO raw.woonvormen (levering_id, bestand, regel) VALUES ('x', 'y', 5)")
    con.close()
    nieuw = set(map_.rglob("*.json")) - voor
    assert [p.name for p in nieuw] == ["opvangmonitor-raw_woonvormen.json"]


def test_gecommitte_suites_gelijk_aan_builder():
    """The committed GX project equals what the builder makes (run
    `python -m opvangmonitor.validatie.suites` after changing the contract)."""
    verwacht = projectbestanden()
    for rel, inhoud in verwacht.items():
        assert (EXPECTATIONS_DIR / rel).read_text(encoding="utf-8") == inhoud, rel
    for map_ in ("expectations", "validation_definitions", "checkpoints"):
        aanwezig = {p.relative_to(EXPECTATIONS_DIR).as_posix() for p in (EXPECTATIONS_DIR / "gx" / map_).iterdir()}
        assert aanwezig == {rel for rel in verwacht if rel.startswith(f"gx/{map_}/")}


def test_validatie_schrijft_alleen_in_uncommitted(warehouse, gx_project):
    valideer_tabel(warehouse, "raw.clienten")
    bouw_data_docs()
    buiten = {
        p.relative_to(gx_project).as_posix()
        for p in (gx_project / "gx").rglob("*")
        if p.is_file() and "uncommitted" not in p.parts
    }
    assert buiten == set(projectbestanden())
    for rel, inhoud in projectbestanden().items():
        assert (gx_project / rel).read_text(encoding="utf-8") == inhoud


def test_data_docs(warehouse, gx_project):
    valideer_tabel(warehouse, "raw.zrm_metingen")
    index = bouw_data_docs()
    assert index == gx_project / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    assert index.is_file()
    html = index.read_text(encoding="utf-8")
    assert "raw_zrm_metingen" in html and "staging_stg_clienten" in html


def test_waarde_leesbaar():
    import numpy as np

    assert _waarde((np.datetime64("2024-12-31T00:00:00"), None)) == "(2024-12-31, leeg)"
    assert _waarde({"aanbieder_code": "a", "n": 2}) == "(aanbieder_code='a', n=2)"
