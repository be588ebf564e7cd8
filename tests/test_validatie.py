"""Great Expectations validation: suites from the contract and expectations/marts.yml,
runs on a tmp warehouse, and the large-table path (SQL over every row + a sample)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from opvangmonitor.contract import contract
from opvangmonitor.paden import EXPECTATIONS_DIR
from opvangmonitor.raw_schema import maak_raw_schema
from opvangmonitor.validatie import VALIDATIES, bouw_data_docs, valideer_tabel
from opvangmonitor.validatie import grote_tabellen, regels
from opvangmonitor.validatie.definities import tabel_validaties, validatie
from opvangmonitor.validatie.marts import MartSuiteFout, mart_validaties
from opvangmonitor.validatie.meldingen import _waarde
from opvangmonitor.validatie.project import ENV_GX_PROJECT
from opvangmonitor.validatie.suites import projectbestanden
from opvangmonitor.validatie.uitvoeren import bewaar_uitslag

BESTANDEN = list(contract().bestanden)


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
    """raw schema with good rows in clienten, trajecten, woonvormen, zrm_metingen (the
    other raw tables empty), staging tables derived from them the way dbt's staging would
    look, and a small marts.indicatoren."""
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
    for naam in BESTANDEN:
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
    maak_indicatoren(con)
    con.close()
    return pad


def maak_indicatoren(con) -> None:
    """marts.indicatoren with 5 good rows: totals and a dimension row, a percentage with
    and one without a denominator, and a median in days above 100."""
    con.execute("CREATE SCHEMA IF NOT EXISTS marts")
    con.execute(
        "CREATE TABLE marts.indicatoren (regio VARCHAR, indicator VARCHAR, variant VARCHAR, periode_type VARCHAR, "
        "periode_start DATE, periode_eind DATE, dimensie VARCHAR, dimensie_waarde VARCHAR, teller DOUBLE, "
        "noemer DOUBLE, waarde DOUBLE, eenheid VARCHAR, norm DOUBLE, status VARCHAR)"
    )
    con.executemany(
        "INSERT INTO marts.indicatoren VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            ["r1", "D.1.1", "", "kwartaal", "2025-01-01", "2025-03-31", "", "", 10, None, 10, "aantal", None, None],
            ["r1", "D.1.1", "", "kwartaal", "2025-01-01", "2025-03-31", "geslacht", "Man", 6, None, 6, "aantal", None, None],
            ["r1", "X.1", "", "jaar", "2025-01-01", "2025-12-31", "", "", 3, 4, 75.0, "percentage", 70, "voldoet"],
            ["r1", "X.1", "", "halfjaar", "2025-01-01", "2025-06-30", "", "", 0, 0, None, "percentage", 70, None],
            ["r1", "X.2", "mediaan", "jaar", "2025-01-01", "2025-12-31", "", "", None, 5, 120.0, "dagen", None, None],
        ],
    )


def sql(pad: Path, *statements: str) -> None:
    con = duckdb.connect(str(pad))
    for s in statements:
        con.execute(s)
    con.close()


def test_validaties_dekken_elk_bestand_en_indicatoren():
    assert len(BESTANDEN) == 15
    verwacht = {f"raw.{b}": f"raw_{b}" for b in BESTANDEN}
    verwacht |= {f"staging.stg_{b}": f"staging_stg_{b}" for b in BESTANDEN}
    verwacht["marts.indicatoren"] = "marts_indicatoren"
    assert VALIDATIES == verwacht
    assert list(VALIDATIES)[:2] == ["raw.clienten", "raw.aanmeldingen"]  # contract order


# Expectation counts by hand from the contract:
# raw.clienten: 1 row count + 10 columns exist + 7 not null (levering_id, bestand, regel,
#   client_pseudoniem, geboortedatum, geslacht, aanmaakdatum) + bsn_elfproef_ongeldig not null
#   + regel >= 2 + 2 pseudonym regexes + bsn_pseudoniem empty where the elfproef failed
#   + unique (levering_id, bestand, regel) + unique (levering_id, client_pseudoniem) = 25
# staging.stg_clienten: 1 + 10 columns (aanbieder_code instead of extra_kolommen) + 8 not null
#   (+ aanbieder_code) + 1 + 1 + 2 + 1 + geslacht in code list + herkomst unique
#   + unique (aanbieder_code, client_pseudoniem) = 27
# raw.zrm_metingen: 1 + 20 columns + 8 not null (3 meta + meting_id, client_pseudoniem, traject_id,
#   meetdatum, soort_meting) + 1 + 1 regex + 11 scores between 1 and 5 + herkomst unique
#   + unique (levering_id, meting_id) = 44
# staging.stg_trajecten: 1 + 17 columns + 9 not null (3 meta, aanbieder_code, traject_id,
#   client_pseudoniem, doelgroep, systeemcasus, startdatum) + 1 + 1 regex + aantal_kinderen >= 0
#   + einddatum >= startdatum + 4 code lists + 2 gemeente regexes + herkomst unique
#   + unique (aanbieder_code, traject_id) = 39
# raw.kosten: 1 + 9 columns + 8 not null (3 meta + jaar, periode, financiering, module, bedrag)
#   + 1 + herkomst unique + unique (levering_id, jaar, periode, financiering, module) = 21
# staging.stg_voorzieningen: 1 + 11 columns + 10 not null (3 meta, aanbieder_code, locatie_id,
#   naam, soort, gemeente, capaciteit, geldig_van) + 1 + capaciteit >= 0 + geldig_tot >= geldig_van
#   + soort in code list + gemeente regex + herkomst + unique (aanbieder_code, locatie_id, geldig_van) = 29
# marts.indicatoren: 1 + 14 columns + 9 not null + 3 value lists (periode_type, eenheid, status)
#   + waarde 0-100 where percentage + teller >= 0 + noemer >= 0 + periode_eind >= periode_start
#   + unique key = 32
@pytest.mark.parametrize(
    "tabel, rijen, verwachtingen",
    [
        ("raw.clienten", 3, 25),
        ("staging.stg_clienten", 3, 27),
        ("raw.zrm_metingen", 2, 44),
        ("staging.stg_trajecten", 3, 39),
        ("raw.kosten", 0, 21),
        ("staging.stg_voorzieningen", 0, 29),
        ("marts.indicatoren", 5, 32),
        ("staging.stg_woonvormen", 2, None),
        ("raw.trajecten", 3, None),
    ],
)
def test_goede_tabel_slaagt(warehouse, tabel, rijen, verwachtingen):
    u = valideer_tabel(warehouse, tabel)
    assert u.mislukt == []
    assert u.geslaagd is True
    assert (u.tabel, u.suite, u.aantal_rijen, u.steekproef) == (tabel, VALIDATIES[tabel], rijen, None)
    if verwachtingen is not None:
        assert u.aantal_expectations == verwachtingen
        assert len(validatie(tabel).verwachtingen) == verwachtingen


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


def test_dubbele_sleutel_binnen_levering_in_raw(warehouse):
    sql(
        warehouse,
        "UPDATE raw.trajecten SET traject_id = 'T1' WHERE regel = 4",
        # the same traject_id in another delivery is fine
        "INSERT INTO raw.trajecten (levering_id, bestand, regel, traject_id, client_pseudoniem, doelgroep, "
        f"systeemcasus, startdatum) VALUES ('ander_20260201_abcdef012345', 'trajecten.csv', 2, 'T2', '{ps('c2')}', "
        "'Inloop', false, DATE '2025-03-01')",
    )
    u = valideer_tabel(warehouse, "raw.trajecten")
    assert u.mislukt == [
        "sleutel (levering_id, traject_id) is uniek: 2 van 4 rijen voldoen niet, "
        "bv. (levering_id='aanb_20260101_abcdef012345', traject_id='T1')"
    ]


def test_herkomst_dubbel_en_bsn_van_ongeldige_elfproef(warehouse):
    sql(
        warehouse,
        "UPDATE raw.clienten SET regel = 2 WHERE regel = 4",
        f"UPDATE raw.clienten SET bsn_pseudoniem = '{ps('b2')}' WHERE regel = 3",
        "UPDATE raw.clienten SET bsn_elfproef_ongeldig = NULL WHERE regel = 2 AND geslacht = 'Man'",
    )
    u = valideer_tabel(warehouse, "raw.clienten")
    assert u.mislukt == [
        "bsn_elfproef_ongeldig is gevuld (ja/nee, ook zonder bsn): 1 van 3 rijen voldoen niet",
        "bsn_pseudoniem is leeg (een bsn die de elfproef niet haalt, wordt niet bewaard), "
        f"waar bsn_elfproef_ongeldig = True: 1 van 1 rijen voldoen niet, bv. '{ps('b2')}'",
        "herkomst (levering_id, bestand, regel) is uniek: 2 van 3 rijen voldoen niet, "
        "bv. (levering_id='aanb_20260101_abcdef012345', bestand='clienten.csv', regel=2)",
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
    assert (u.geslaagd, u.aantal_rijen, u.aantal_expectations) == (False, 0, 27)
    assert u.mislukt == [f"tabel staging.stg_clienten ontbreekt in {warehouse}"]


def test_lege_tabel_slaagt(tmp_path):
    pad = tmp_path / "leeg.duckdb"
    con = duckdb.connect(str(pad))
    maak_raw_schema(con)
    con.close()
    u = valideer_tabel(pad, "raw.woonvormen")
    assert (u.geslaagd, u.aantal_rijen, u.mislukt) == (True, 0, [])


def test_onbekende_tabel_en_ontbrekend_warehouse(tmp_path):
    with pytest.raises(KeyError, match="Geen validatie voor tabel 'raw.leveringen'"):
        valideer_tabel(tmp_path / "x.duckdb", "raw.leveringen")
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
    u = valideer_tabel(warehouse, "raw.zrm_metingen")
    index = bouw_data_docs()
    assert index == gx_project / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    assert index.is_file()
    # the result's own page (linked per suite from the page Datakwaliteit)
    assert u.data_docs_pagina.startswith("validations/raw_zrm_metingen/opvangmonitor/")
    pagina = index.parent / u.data_docs_pagina
    assert pagina.is_file() and "raw_zrm_metingen" in pagina.read_text(encoding="utf-8")
    html = index.read_text(encoding="utf-8")
    assert "raw_zrm_metingen" in html and "staging_stg_clienten" in html


def test_waarde_leesbaar():
    import numpy as np

    assert _waarde((np.datetime64("2024-12-31T00:00:00"), None)) == "(2024-12-31, leeg)"
    assert _waarde({"aanbieder_code": "a", "n": 2}) == "(aanbieder_code='a', n=2)"


# ------------------------------------------------------------------ marts.indicatoren


def test_mart_suite_uit_yaml():
    (tv,) = mart_validaties()
    assert (tv.tabel, tv.suite, tv.bestand, tv.laag) == ("marts.indicatoren", "marts_indicatoren", None, "marts")
    pct = [v for v in tv.verwachtingen if v.voorwaarde]
    assert [(v.type, v.kwargs, v.voorwaarde) for v in pct] == [
        ("expect_column_values_to_be_between", {"column": "waarde", "min_value": 0, "max_value": 100}, ("eenheid", "percentage"))
    ]
    assert tabel_validaties()["marts.indicatoren"] == tv


@pytest.mark.parametrize(
    "yml, fout",
    [
        ("marts.x:\n  verwachtingen:\n    - bestaat_niet: [a]\n", r"marts.x, verwachting 1 \(bestaat_niet\)"),
        ("marts.x:\n  verwachtingen:\n    - uniek: [a, b]\n      waar: {c: 1}\n", "alleen op een regel per rij"),
        ("marts.x:\n  kolom: [a]\n", "onbekende sleutel"),
        ("marts.x:\n  verwachtingen:\n    - {gevuld: a, uniek: [a]}\n", "precies één regel"),
    ],
)
def test_mart_yaml_fouten_noemen_bestand_tabel_en_regel(tmp_path, yml, fout):
    pad = tmp_path / "marts.yml"
    pad.write_text(yml, encoding="utf-8")
    with pytest.raises(MartSuiteFout, match=fout) as e:
        mart_validaties(pad)
    assert str(pad) in str(e.value)


MART_FOUTEN = [
    "dimensie is gevuld ('' bij een totaal): 1 van 6 rijen voldoen niet",
    "status is een van: voldoet, voldoet niet (of leeg): 1 van 6 rijen voldoen niet, bv. 'onbekend'",
    "waarde ligt tussen 0 en 100, waar eenheid = percentage: 1 van 2 rijen voldoen niet, bv. 120.0",
    "teller ligt ≥ 0: 1 van 6 rijen voldoen niet, bv. -1.0",
    "periode_eind ligt niet vóór periode_start (of is leeg): 1 van 6 rijen voldoen niet, bv. (2024-12-31, 2025-01-01)",
    "(regio, indicator, variant, periode_type, periode_start, dimensie, dimensie_waarde) is uniek: 2 van 6 rijen "
    "voldoen niet, bv. (regio='r1', indicator='D.1.1', variant='', periode_type='kwartaal', "
    "periode_start=2025-01-01, dimensie='', dimensie_waarde='')",
]


@pytest.mark.parametrize("drempel, steekproef", [(None, None), (2, 6)])
def test_indicatoren_fouten(warehouse, drempel, steekproef):
    """Each rule of §6 broken once; the same messages on the whole table and on the
    large-table path (2 sampled rows + the offending rows: here all 6)."""
    sql(
        warehouse,
        # a second total row for the same key (and a teller below 0 on the first)
        "INSERT INTO marts.indicatoren VALUES ('r1', 'D.1.1', '', 'kwartaal', DATE '2025-01-01', DATE '2025-03-31', "
        "'', '', 11, NULL, 11, 'aantal', NULL, NULL)",
        "UPDATE marts.indicatoren SET teller = -1 WHERE teller = 10",
        "UPDATE marts.indicatoren SET dimensie = NULL WHERE dimensie_waarde = 'Man'",
        "UPDATE marts.indicatoren SET status = 'onbekend' WHERE indicator = 'X.1' AND periode_type = 'halfjaar'",
        "UPDATE marts.indicatoren SET waarde = 120 WHERE indicator = 'X.1' AND periode_type = 'jaar'",
        "UPDATE marts.indicatoren SET periode_eind = DATE '2024-12-31' WHERE indicator = 'X.2'",
    )
    u = valideer_tabel(warehouse, "marts.indicatoren", drempel)
    assert u.mislukt == MART_FOUTEN
    assert (u.geslaagd, u.aantal_rijen, u.steekproef) == (False, 6, steekproef)


def test_percentagegrens_geldt_alleen_voor_percentages(warehouse):
    # 260 days and 150 as a count are fine; a NULL percentage (noemer 0) too
    sql(warehouse, "UPDATE marts.indicatoren SET waarde = 150 WHERE teller = 6")
    assert valideer_tabel(warehouse, "marts.indicatoren").mislukt == []


# ------------------------------------------------------------------ large tables


def test_drempel_uit_omgeving(monkeypatch):
    monkeypatch.delenv(grote_tabellen.ENV_DREMPEL, raising=False)
    assert grote_tabellen.drempel() == 200_000
    monkeypatch.setenv(grote_tabellen.ENV_DREMPEL, "1500")
    assert grote_tabellen.drempel() == 1500
    monkeypatch.setenv(grote_tabellen.ENV_DREMPEL, "veel")
    with pytest.raises(ValueError, match="OPVANGMONITOR_GX_DREMPEL='veel' is geen geheel getal"):
        grote_tabellen.drempel()


def test_elke_verwachting_heeft_een_sql_vorm():
    """On a large table no rule may be judged on the sample alone."""
    for tv in tabel_validaties().values():
        for v in tv.verwachtingen:
            assert grote_tabellen.heeft_sql(v), (tv.tabel, v.type)
            if v.type in grote_tabellen.RIJ_TYPES:
                grote_tabellen._overtreding(v)  # raises for an unsupported form


N_METINGEN = 5000


@pytest.fixture
def metingen(tmp_path) -> Path:
    """raw.zrm_metingen with 5000 rows: financien 9 on the 30 rows i % 167 = 0; meting_id
    M1 on i = 1, 2, 3 and M10 on i = 10, 11 (5 rows in duplicate groups); meetdatum
    empty on i = 4321."""
    pad = tmp_path / "groot.duckdb"
    con = duckdb.connect(str(pad))
    maak_raw_schema(con)
    con.execute(
        f"""INSERT INTO raw.zrm_metingen (levering_id, bestand, regel, meting_id, client_pseudoniem, traject_id,
                meetdatum, soort_meting, financien, huisvesting)
            SELECT 'aanb_20260101_abcdef012345', 'zrm_metingen.csv', i + 2,
                   CASE WHEN i IN (2, 3) THEN 'M1' WHEN i = 11 THEN 'M10' ELSE 'M' || i END,
                   sha256('c' || (i % 500)), 'T' || (i % 700),
                   CASE WHEN i = 4321 THEN NULL ELSE DATE '2025-01-01' + CAST(i % 300 AS INTEGER) END,
                   'nulmeting', CASE WHEN i % 167 = 0 THEN 9 ELSE i % 5 + 1 END, (i + 2) % 5 + 1
            FROM range({N_METINGEN}) AS t(i) ORDER BY i"""
    )
    con.close()
    return pad


METING_FOUTEN = [
    f"meetdatum is gevuld (verplicht): 1 van {N_METINGEN} rijen voldoen niet",
    f"financien ligt tussen 1 en 5: 30 van {N_METINGEN} rijen voldoen niet, bv. 9",
    f"sleutel (levering_id, meting_id) is uniek: 5 van {N_METINGEN} rijen voldoen niet, "
    "bv. (levering_id='aanb_20260101_abcdef012345', meting_id='M1'), "
    "(levering_id='aanb_20260101_abcdef012345', meting_id='M10')",
]


def test_grote_tabel_zelfde_uitslag_als_hele_tabel(metingen, gx_project):
    heel = valideer_tabel(metingen, "raw.zrm_metingen")
    groot = valideer_tabel(metingen, "raw.zrm_metingen", drempel=1000)
    assert heel.mislukt == METING_FOUTEN
    assert groot.mislukt == METING_FOUTEN  # counts from SQL over all 5000 rows, not the frame
    assert (heel.aantal_rijen, heel.steekproef, groot.aantal_rijen) == (N_METINGEN, None, N_METINGEN)
    # 1000 sampled + at most 20 offending rows per failed rule (1 + 20 + 5 here), minus overlap
    assert 1000 < groot.steekproef <= 1026
    assert groot.aantal_expectations == heel.aantal_expectations == 44
    # the large table's result is stored under its own run name (Data Docs shows the frame)
    runs = {p.name for p in (gx_project / "gx" / "uncommitted" / "validations" / "raw_zrm_metingen").iterdir()}
    assert {"opvangmonitor", "opvangmonitor-steekproef"} <= runs


def test_grote_tabel_goed_en_steekproef_vast(metingen):
    sql(
        metingen,
        "UPDATE raw.zrm_metingen SET financien = 1 WHERE financien = 9",
        "UPDATE raw.zrm_metingen SET meting_id = 'M' || (regel - 2)",
        "UPDATE raw.zrm_metingen SET meetdatum = DATE '2025-05-05' WHERE meetdatum IS NULL",
    )
    u = valideer_tabel(metingen, "raw.zrm_metingen", drempel=700)
    assert (u.geslaagd, u.mislukt, u.aantal_rijen, u.steekproef) == (True, [], N_METINGEN, 700)


def test_sql_telt_alles_en_frame_is_deterministisch(metingen):
    tv = validatie("raw.zrm_metingen")
    index = {v.omschrijving: i for i, v in enumerate(tv.verwachtingen)}
    con = duckdb.connect(str(metingen), read_only=True)
    try:
        kolommen = [r[0] for r in con.execute("DESCRIBE raw.zrm_metingen").fetchall()]
        uit = grote_tabellen.controleer(con, "raw.zrm_metingen", tv.verwachtingen, set(kolommen), N_METINGEN)
        frame = grote_tabellen.lees_frame(con, "raw.zrm_metingen", tv.verwachtingen, uit, 100)
        nog_eens = grote_tabellen.lees_frame(con, "raw.zrm_metingen", tv.verwachtingen, uit, 100)
        # a table-level rule is judged on the real count
        te_weinig = grote_tabellen.controleer(
            con, "raw.zrm_metingen", (regels.aantal_rijen(N_METINGEN + 1),), set(kolommen), N_METINGEN
        )
    finally:
        con.close()
    fin = uit[index["financien ligt tussen 1 en 5"]]
    assert (fin.mislukt, fin.aantal_fout, fin.totaal) == (True, 30, N_METINGEN)
    assert uit[index["sleutel (levering_id, meting_id) is uniek"]].aantal_fout == 5
    assert uit[index["huisvesting ligt tussen 1 en 5"]].mislukt is False
    assert uit[index["aantal rijen is ≥ 0"]].waargenomen == N_METINGEN
    assert te_weinig == {0: grote_tabellen.SqlUitkomst(mislukt=True, waargenomen=N_METINGEN)}
    assert frame.equals(nog_eens)
    assert list(frame.columns) == kolommen and len(kolommen) == 20
    # the first 20 rows with financien 9 (i = 0, 167, …, 3173), every duplicate, the NULL meetdatum
    assert (frame.financien == 9).sum() >= 20
    assert set(frame.loc[frame.financien == 9, "regel"]) >= {167 * k + 2 for k in range(20)}
    assert (frame.meting_id.isin(["M1", "M10"])).sum() == 5
    assert frame.meetdatum.isna().sum() == 1
    assert frame.regel.is_monotonic_increasing  # table order


def test_grote_tabel_met_ontbrekende_kolom(metingen):
    """A rule on a missing column is left to GX on the frame: the same messages as on
    the whole table."""
    sql(metingen, "ALTER TABLE raw.zrm_metingen DROP COLUMN financien")
    verwacht = [
        "kolom financien bestaat: kolom ontbreekt",
        f"meetdatum is gevuld (verplicht): 1 van {N_METINGEN} rijen voldoen niet",
        "financien ligt tussen 1 en 5: niet te controleren (kolom financien ontbreekt)",
        METING_FOUTEN[2],
    ]
    assert valideer_tabel(metingen, "raw.zrm_metingen").mislukt == verwacht
    assert valideer_tabel(metingen, "raw.zrm_metingen", drempel=1000).mislukt == verwacht


def test_uitslag_bewaard_in_meta_gx_resultaten(warehouse):
    """Each suite run is kept as one row of meta.gx_resultaten (published for the page
    Datakwaliteit); a failed run keeps its Dutch messages as a JSON list."""
    goed = valideer_tabel(warehouse, "marts.indicatoren")
    bewaar_uitslag(warehouse, goed, "run-1")
    sql(warehouse, "UPDATE raw.zrm_metingen SET financien = 7 WHERE meting_id = 'M2'")
    fout = valideer_tabel(warehouse, "raw.zrm_metingen")
    bewaar_uitslag(warehouse, fout, "run-1")
    con = duckdb.connect(str(warehouse), read_only=True)
    rijen = con.execute(
        "SELECT run_id, suite, tabel, geslaagd, aantal_rijen, aantal_verwachtingen, aantal_mislukt, steekproef, "
        "details, uitgevoerd_op, data_docs_pagina FROM meta.gx_resultaten ORDER BY tabel"
    ).fetchall()
    con.close()
    assert [r[:8] for r in rijen] == [
        ("run-1", VALIDATIES["marts.indicatoren"], "marts.indicatoren", True, 5, 32, 0, None),
        ("run-1", VALIDATIES["raw.zrm_metingen"], "raw.zrm_metingen", False, 2, fout.aantal_expectations, 1, None),
    ]
    assert json.loads(rijen[0][8]) == []
    assert json.loads(rijen[1][8]) == ["financien ligt tussen 1 en 5: 1 van 2 rijen voldoen niet, bv. 7"]
    assert rijen[0][9] == goed.uitgevoerd_op and rijen[0][9].microsecond == 0
    assert rijen[1][10] == fout.data_docs_pagina and rijen[1][10].endswith("/opvangmonitor-raw_zrm_metingen.html")


def test_oude_resultaten_opgeruimd_nieuwste_pagina_blijft(warehouse, gx_project):
    from opvangmonitor.validatie.uitvoeren import BEWAAR_RESULTATEN

    uitslagen = [valideer_tabel(warehouse, "raw.clienten") for _ in range(BEWAAR_RESULTATEN + 2)]
    index = bouw_data_docs()
    runs = sorted((gx_project / "gx" / "uncommitted" / "validations" / "raw_clienten").glob("*/*"))
    assert len(runs) == BEWAAR_RESULTATEN
    assert (index.parent / uitslagen[-1].data_docs_pagina).is_file()
    assert not (index.parent / uitslagen[0].data_docs_pagina).exists()
