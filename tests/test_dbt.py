"""The dbt project (dbt_project/): its unit tests, and the whole chain raw -> marts on a
tiny hand-made set of raw rows whose indicator values are computed by hand below.

dbt runs as a subprocess (so that its DuckDB handle is closed when it ends) against a
temporary DuckDB file; target and log files go to a temporary folder so that tests never
touch dbt_project/target.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
import yaml

from opvangmonitor.contract import contract, schrijf_codelijsten
from opvangmonitor.paden import DATA_DIR, DBT_PROJECT_DIR
from opvangmonitor.raw_schema import maak_raw_schema, raw_kolommen
from opvangmonitor.regios import lees_regios, schrijf_configuratie


DBT = str(Path(sys.executable).with_name("dbt"))


def dbt(werkmap: Path, warehouse: Path, *args: str) -> list[dict]:
    """Run one dbt command on the project against `warehouse`; assert it succeeded and
    return the results of run_results.json (unique_id, status, ...)."""
    doel = werkmap / "target"
    (doel / "run_results.json").unlink(missing_ok=True)
    proces = subprocess.run(
        [DBT, *args, "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR),
         "--target-path", str(doel), "--log-path", str(werkmap / "logs")],
        env={**os.environ, "OPVANGMONITOR_WAREHOUSE": str(warehouse), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proces.returncode == 0, f"dbt {' '.join(args)} mislukt:\n{proces.stdout[-6000:]}\n{proces.stderr[-2000:]}"
    return json.loads((doel / "run_results.json").read_text(encoding="utf-8"))["results"]


def maak_warehouse(pad: Path, regios_pad: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(pad))
    maak_raw_schema(con)
    schrijf_codelijsten(con)
    schrijf_configuratie(con, lees_regios(regios_pad))
    return con


def aantal_unit_tests_in_yaml() -> int:
    n = 0
    for yml in (DBT_PROJECT_DIR / "models").rglob("*.yml"):
        n += len((yaml.safe_load(yml.read_text(encoding="utf-8")) or {}).get("unit_tests", []))
    return n


# --------------------------------------------------------------------------- unit tests


def test_dbt_unit_tests(tmp_path):
    """`dbt seed`, `dbt run --empty` (the parent relations the unit tests need), then every
    unit test of the project must run and pass."""
    warehouse = tmp_path / "unit.duckdb"
    maak_warehouse(warehouse, DATA_DIR / "regios.example.yml").close()
    dbt(tmp_path, warehouse, "seed")
    dbt(tmp_path, warehouse, "run", "--empty")
    resultaten = dbt(tmp_path, warehouse, "test", "--select", "test_type:unit")
    uitgevoerd = [r for r in resultaten if r["unique_id"].startswith("unit_test.")]
    assert [r["unique_id"] for r in uitgevoerd if r["status"] != "pass"] == []
    assert len(uitgevoerd) == aantal_unit_tests_in_yaml()
    assert len(uitgevoerd) >= 14


# ------------------------------------------------------------------- the whole chain

REGIOS_YML = """
regios:
  rijnstreek:
    naam: Rijnstreek
    gemeenten: [GM0484, GM1884, GM0569]
    aanbieders: [binnenvest, kwadraad]
    indicatoren: [D]
  valleiregio:
    naam: Valleiregio
    gemeenten: [GM0228]
    aanbieders: [valleizorg]
    indicatoren: [HF]
"""

# Deliveries: binnenvest twice (the older one must be ignored), kwadraad and valleizorg
# once. Region rijnstreek's peildatum = min(2026-08-31, 2026-09-30) = 2026-08-31.
LEVERINGEN = [
    # levering_id, aanbieder, leverdatum, peildatum
    ("binnenvest_oud", "binnenvest", date(2026, 1, 15), date(2025, 12, 31)),
    ("binnenvest_nieuw", "binnenvest", date(2026, 9, 10), date(2026, 8, 31)),
    ("kwadraad_1", "kwadraad", date(2026, 10, 15), date(2026, 9, 30)),
    ("valleizorg_1", "valleizorg", date(2026, 10, 15), date(2026, 9, 30)),
]

# Persons in rijnstreek:
#  P1  binnenvest b1 + kwadraad k1, same BSN (bsnA) -> one person. Born 1999-05-15 (27 on
#      2026-05-15). Opvang lokaal 2025-01-15..2025-08-31 (binnenvest), then 2026-02-28..open
#      (kwadraad): 31 Aug + 6 months = 28 Feb, so a return on 28 Feb is a new episode.
#  P2  binnenvest b2, no BSN. Opvang lokaal 2025-06-01..2025-09-30 (gezin), then
#      2026-03-29..2026-07-15: 29 Mar < 30 Mar (= 30 Sep + 6 months) -> one episode,
#      ending 2026-07-15, voorlopig (2027-01-15 > peildatum).
#  P3  binnenvest b3, invalid BSN. Opvang lokaal 2025-02-03..2025-03-31 without traject_id
#      (its trajectory is inferred); unknown gemeente and geslacht.
#  P4  only in the OLD binnenvest delivery: never counted.
# valleizorg (valleiregio, no family D) has an Opvang lokaal period: no D rows there.
RAW = {
    "clienten": [
        dict(levering_id="binnenvest_nieuw", client_pseudoniem="cp-b1", bsn_pseudoniem="bsnA", bsn_elfproef_ongeldig=False,
             geboortedatum=date(1999, 5, 15), geslacht="man", aanmaakdatum=date(2025, 1, 10)),
        dict(levering_id="binnenvest_nieuw", client_pseudoniem="cp-b2", bsn_pseudoniem=None, bsn_elfproef_ongeldig=False,
             geboortedatum=date(1980, 3, 1), geslacht="Vrouw", aanmaakdatum=date(2025, 6, 1)),
        dict(levering_id="binnenvest_nieuw", client_pseudoniem="cp-b3", bsn_pseudoniem=None, bsn_elfproef_ongeldig=True,
             geboortedatum=date(2001, 1, 1), geslacht="X", aanmaakdatum=date(2024, 11, 1)),
        dict(levering_id="kwadraad_1", client_pseudoniem="cp-k1", bsn_pseudoniem="bsnA", bsn_elfproef_ongeldig=False,
             geboortedatum=date(1999, 5, 15), geslacht="Onbekend", aanmaakdatum=date(2026, 2, 20)),
        dict(levering_id="binnenvest_oud", client_pseudoniem="cp-b4", geboortedatum=date(1970, 1, 1), geslacht="Man",
             aanmaakdatum=date(2025, 4, 1)),
        dict(levering_id="valleizorg_1", client_pseudoniem="cp-v1", geboortedatum=date(1990, 1, 1), geslacht="Man",
             aanmaakdatum=date(2025, 4, 1)),
    ],
    "aanmeldingen": [
        dict(levering_id="binnenvest_nieuw", aanmelding_id="b-a1", client_pseudoniem="cp-b1", aanmeldingsdatum=date(2025, 1, 10),
             gemeente_herkomst="alphen aan den rijn", reden_aanmelding="feitelijke dakloosheid ", oorzaak_instroom="Huisuitzetting"),
        dict(levering_id="binnenvest_nieuw", aanmelding_id="b-a2", client_pseudoniem="cp-b2", aanmeldingsdatum=date(2025, 5, 20),
             gemeente_herkomst="0569", reden_aanmelding="Dreigende uithuiszetting", oorzaak_instroom="Life events"),
        dict(levering_id="binnenvest_nieuw", aanmelding_id="b-a3", client_pseudoniem="cp-b3", aanmeldingsdatum=date(2025, 2, 1),
             gemeente_herkomst="Atlantis"),
        dict(levering_id="binnenvest_oud", aanmelding_id="b-a4", client_pseudoniem="cp-b4", aanmeldingsdatum=date(2024, 3, 1),
             gemeente_herkomst="GM0484"),
    ],
    "trajecten": [
        dict(levering_id="binnenvest_nieuw", traject_id="b-t1", client_pseudoniem="cp-b1", aanmelding_id="b-a1",
             doelgroep="Decentrale opvang jongere", systeemcasus=False, startdatum=date(2025, 1, 15), einddatum=date(2025, 8, 31),
             gemeente_opvang="484", uitstroom_woonvorm="Bij familie of vrienden tijdelijk", uitstroom_gemeente="GM1884"),
        dict(levering_id="binnenvest_nieuw", traject_id="b-t2", client_pseudoniem="cp-b2", aanmelding_id="b-a2",
             doelgroep="Decentrale opvang gezin", systeemcasus=True, startdatum=date(2025, 6, 1), einddatum=date(2025, 9, 30),
             gemeente_opvang="GM0484", uitstroom_woonvorm="Zelfstandig wonen inwoner hoofdhuurder", uitstroom_gemeente="GM0484"),
        dict(levering_id="binnenvest_nieuw", traject_id="b-t3", client_pseudoniem="cp-b2",
             doelgroep="Decentrale opvang alleenstaande", systeemcasus=False, startdatum=date(2026, 3, 29), einddatum=date(2026, 7, 15),
             gemeente_opvang="gm1884", uitstroom_woonvorm="corporatiewoning", uitstroom_gemeente="Kaag en Braassem"),
        dict(levering_id="binnenvest_nieuw", traject_id="b-t4", client_pseudoniem="cp-b3", aanmelding_id="b-a3",
             doelgroep="Decentrale opvang jongere", systeemcasus=False, startdatum=date(2025, 2, 3), einddatum=date(2025, 3, 31)),
        dict(levering_id="kwadraad_1", traject_id="k-t1", client_pseudoniem="cp-k1",
             doelgroep="Decentrale opvang alleenstaande", systeemcasus=False, startdatum=date(2026, 2, 28),
             gemeente_opvang="Nieuwkoop"),
        dict(levering_id="binnenvest_oud", traject_id="b-t9", client_pseudoniem="cp-b4", aanmelding_id="b-a4",
             doelgroep="Decentrale opvang alleenstaande", systeemcasus=False, startdatum=date(2025, 4, 1)),
    ],
    "woonvormen": [
        dict(levering_id="binnenvest_nieuw", client_pseudoniem="cp-b1", traject_id="b-t1", woonvorm="Opvang lokaal",
             startdatum=date(2025, 1, 15), einddatum=date(2025, 8, 31)),
        dict(levering_id="binnenvest_nieuw", client_pseudoniem="cp-b2", traject_id="b-t2", woonvorm="opvang lokaal",
             startdatum=date(2025, 6, 1), einddatum=date(2025, 9, 30)),
        dict(levering_id="binnenvest_nieuw", client_pseudoniem="cp-b2", traject_id="b-t3", woonvorm="OPVANG LOKAAL",
             startdatum=date(2026, 3, 29), einddatum=date(2026, 7, 15)),
        dict(levering_id="binnenvest_nieuw", client_pseudoniem="cp-b3", traject_id=None, woonvorm="Opvang lokaal",
             startdatum=date(2025, 2, 3), einddatum=date(2025, 3, 31)),
        dict(levering_id="binnenvest_nieuw", client_pseudoniem="cp-b2", traject_id="b-t3", woonvorm="Zelfstandig wonen",
             startdatum=date(2026, 7, 16)),
        dict(levering_id="kwadraad_1", client_pseudoniem="cp-k1", traject_id="k-t1", woonvorm="Opvang lokaal",
             startdatum=date(2026, 2, 28)),
        dict(levering_id="binnenvest_oud", client_pseudoniem="cp-b4", traject_id="b-t9", woonvorm="Opvang lokaal",
             startdatum=date(2025, 4, 1)),
        dict(levering_id="valleizorg_1", client_pseudoniem="cp-v1", woonvorm="Opvang lokaal", startdatum=date(2025, 4, 1)),
    ],
}


def laad_raw(con: duckdb.DuckDBPyConnection) -> None:
    for levering_id, aanbieder, leverdatum, peildatum in LEVERINGEN:
        con.execute(
            "INSERT INTO raw.leveringen VALUES (?, ?, ?, ?, ?, '1', ?, 'map', ?, ?)",
            [levering_id, aanbieder, aanbieder, leverdatum, peildatum, levering_id, "hash-" + levering_id,
             datetime(2026, 11, 1)],
        )
    c = contract()
    for bestand, rijen in RAW.items():
        kolommen = [k for k, _ in raw_kolommen(c.bestanden[bestand])]
        for regel, rij in enumerate(rijen, start=2):
            waarden = {"bestand": f"{bestand}.csv", "regel": regel, **rij}
            assert set(waarden) <= set(kolommen), set(waarden) - set(kolommen)
            con.execute(
                f"INSERT INTO raw.{bestand} ({', '.join(waarden)}) VALUES ({', '.join('?' * len(waarden))})",
                list(waarden.values()),
            )


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory):
    """The tiny raw set loaded and `dbt build` (seeds, models, data tests) run on it."""
    werkmap = tmp_path_factory.mktemp("dbt_keten")
    warehouse = werkmap / "keten.duckdb"
    (werkmap / "regios.yml").write_text(REGIOS_YML, encoding="utf-8")
    con = maak_warehouse(warehouse, werkmap / "regios.yml")
    laad_raw(con)
    con.close()
    resultaten = dbt(werkmap, warehouse, "build", "--exclude-resource-type", "unit_test")
    assert {r["status"] for r in resultaten} <= {"success", "pass"}
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def totaal(con, indicator: str, periode_type: str, start: str) -> float | None:
    rij = con.execute(
        """SELECT teller FROM marts.indicatoren
           WHERE regio = 'rijnstreek' AND indicator = ? AND periode_type = ? AND periode_start = ?
             AND dimensie = '' AND dimensie_waarde = '' AND variant = ''""",
        [indicator, periode_type, date.fromisoformat(start)],
    ).fetchall()
    assert len(rij) == 1, rij
    return rij[0][0]


def dimensie(con, indicator: str, periode_type: str, start: str, naam: str) -> dict[str, float]:
    return dict(
        con.execute(
            """SELECT dimensie_waarde, teller FROM marts.indicatoren
               WHERE regio = 'rijnstreek' AND indicator = ? AND periode_type = ? AND periode_start = ? AND dimensie = ?""",
            [indicator, periode_type, date.fromisoformat(start), naam],
        ).fetchall()
    )


KWARTALEN = ["2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01", "2026-04-01", "2026-07-01"]


def test_dim_periode(gebouwd):
    rijen = gebouwd.execute(
        "SELECT periode_type, periode_label, periode_start, periode_eind, regio_peildatum FROM marts.dim_periode "
        "WHERE regio = 'rijnstreek' ORDER BY periode_type, periode_start"
    ).fetchall()
    # first data 2025-01-10 (aanmelding b-a1) -> 2025 K1; peildatum 2026-08-31 -> 2026 K3
    assert [r[1] for r in rijen] == [
        "2025 H1", "2025 H2", "2026 H1", "2026 H2", "2025", "2026",
        "2025 K1", "2025 K2", "2025 K3", "2025 K4", "2026 K1", "2026 K2", "2026 K3",
    ]
    assert rijen[3][2:] == (date(2026, 7, 1), date(2026, 12, 31), date(2026, 8, 31))
    assert rijen[6][2:4] == (date(2025, 1, 1), date(2025, 3, 31))
    assert rijen[5][2:4] == (date(2026, 1, 1), date(2026, 12, 31))


def test_d1_1_unieke_clienten(gebouwd):
    assert [totaal(gebouwd, "D.1.1", "kwartaal", k) for k in KWARTALEN] == [2, 2, 2, 0, 2, 2, 2]
    assert totaal(gebouwd, "D.1.1", "halfjaar", "2025-01-01") == 3
    assert totaal(gebouwd, "D.1.1", "jaar", "2025-01-01") == 3
    assert totaal(gebouwd, "D.1.1", "jaar", "2026-01-01") == 2  # P1 at two providers: one person
    # P1 is 26 on 2026-04-01 and 27 on 2026-07-01
    assert dimensie(gebouwd, "D.1.1", "kwartaal", "2026-04-01", "leeftijdsgroep") == {"Jongere": 1, "Volwassene": 1}
    assert dimensie(gebouwd, "D.1.1", "kwartaal", "2026-07-01", "leeftijdsgroep") == {"Volwassene": 2}
    assert dimensie(gebouwd, "D.1.1", "kwartaal", "2026-04-01", "soort_opvang") == {
        "Decentrale opvang jongere": 1, "Decentrale opvang alleenstaande": 1}
    assert dimensie(gebouwd, "D.1.1", "kwartaal", "2025-07-01", "soort_opvang") == {
        "Decentrale opvang jongere": 1, "Decentrale opvang gezin": 1}
    # P1's kwadraad trajectory has no aanmelding: latest aanmelding before 2026-02-28 in the
    # region (binnenvest b-a1, 'alphen aan den rijn'); P2's b-t3 likewise falls back to b-a2 ('0569').
    assert dimensie(gebouwd, "D.1.1", "kwartaal", "2026-01-01", "gemeente_herkomst") == {"GM0484": 1, "GM0569": 1}
    assert dimensie(gebouwd, "D.1.1", "kwartaal", "2026-01-01", "gemeente_opvang") == {"GM0569": 1, "GM1884": 1}
    assert dimensie(gebouwd, "D.1.1", "kwartaal", "2026-01-01", "nieuw_bekend") == {"Reeds bekend": 2}
    assert dimensie(gebouwd, "D.1.1", "kwartaal", "2025-01-01", "nieuw_bekend") == {"Nieuw": 1, "Reeds bekend": 1}
    assert dimensie(gebouwd, "D.1.1", "kwartaal", "2025-01-01", "geslacht") == {"Man": 1, "Onbekend": 1}
    assert dimensie(gebouwd, "D.1.1", "kwartaal", "2025-01-01", "reden_aanmelding") == {
        "Feitelijke dakloosheid": 1, "Onbekend": 1}
    assert dimensie(gebouwd, "D.1.1", "kwartaal", "2025-01-01", "gemeente_herkomst") == {"GM0484": 1, "Onbekend": 1}
    # a period without data has only its total row
    assert gebouwd.execute(
        "SELECT count(*) FROM marts.indicatoren WHERE regio='rijnstreek' AND indicator='D.1.1' "
        "AND periode_type='kwartaal' AND periode_start=DATE '2025-10-01'"
    ).fetchone() == (1,)


def test_d1_2_instroom(gebouwd):
    # episodes start: P1 2025-01-15 and 2026-02-28 (exactly 6 months: new), P3 2025-02-03,
    # P2 2025-06-01 (its return on 2026-03-29 is within 6 months: no instroom)
    assert [totaal(gebouwd, "D.1.2", "kwartaal", k) for k in KWARTALEN] == [2, 1, 0, 0, 1, 0, 0]
    assert [totaal(gebouwd, "D.1.2", "halfjaar", h) for h in ["2025-01-01", "2025-07-01", "2026-01-01", "2026-07-01"]] == [3, 0, 1, 0]
    assert dimensie(gebouwd, "D.1.2", "kwartaal", "2025-04-01", "soort_opvang") == {"Decentrale opvang gezin": 1}
    assert dimensie(gebouwd, "D.1.2", "kwartaal", "2026-01-01", "leeftijdsgroep") == {"Jongere": 1}
    assert dimensie(gebouwd, "D.1.2", "kwartaal", "2026-01-01", "gemeente_opvang") == {"GM0569": 1}
    assert dimensie(gebouwd, "D.1.2", "kwartaal", "2025-04-01", "oorzaak_instroom") == {"Life events": 1}


def test_d1_3_uitstroom(gebouwd):
    # episodes end: P3 2025-03-31, P1 2025-08-31 (definitief), P2 2026-07-15 (voorlopig)
    assert [totaal(gebouwd, "D.1.3", "kwartaal", k) for k in KWARTALEN] == [1, 0, 1, 0, 0, 0, 1]
    assert totaal(gebouwd, "D.1.3", "jaar", "2025-01-01") == 2
    assert dimensie(gebouwd, "D.1.3", "jaar", "2025-01-01", "status") == {"definitief": 2}
    assert dimensie(gebouwd, "D.1.3", "jaar", "2026-01-01", "status") == {"voorlopig": 1}
    assert dimensie(gebouwd, "D.1.3", "kwartaal", "2025-07-01", "uitstroom_ggd") == {"wonen binnen eigen netwerk": 1}
    assert dimensie(gebouwd, "D.1.3", "kwartaal", "2025-07-01", "uitstroom_gemeente") == {"GM1884": 1}
    # P2's last period's trajectory b-t3: 'corporatiewoning' / 'Kaag en Braassem'
    assert dimensie(gebouwd, "D.1.3", "kwartaal", "2026-07-01", "uitstroom_woonvorm") == {"Corporatiewoning": 1}
    assert dimensie(gebouwd, "D.1.3", "kwartaal", "2026-07-01", "uitstroom_ggd") == {"zelfstandig wonen": 1}
    assert dimensie(gebouwd, "D.1.3", "kwartaal", "2026-07-01", "uitstroom_gemeente") == {"GM1884": 1}
    # P3: trajectory inferred (no traject_id), nothing known about the uitstroom
    assert dimensie(gebouwd, "D.1.3", "kwartaal", "2025-01-01", "uitstroom_woonvorm") == {"Onbekend": 1}
    assert dimensie(gebouwd, "D.1.3", "kwartaal", "2025-01-01", "uitstroom_ggd") == {"onbekend": 1}
    assert dimensie(gebouwd, "D.1.3", "kwartaal", "2025-01-01", "gemeente_herkomst") == {"Onbekend": 1}
    assert dimensie(gebouwd, "D.1.3", "kwartaal", "2025-01-01", "leeftijdsgroep") == {"Jongere": 1}


def test_indicatoren_vorm(gebouwd):
    kolommen = [r[0] for r in gebouwd.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema='marts' AND table_name='indicatoren' "
        "ORDER BY ordinal_position").fetchall()]
    assert kolommen == ["regio", "indicator", "variant", "periode_type", "periode_start", "periode_eind", "dimensie",
                        "dimensie_waarde", "teller", "noemer", "waarde", "eenheid", "norm", "status"]
    # D.1 only for regions with family D; a total row per indicator and period (13 periods)
    d1 = "indicator IN ('D.1.1', 'D.1.2', 'D.1.3')"
    assert gebouwd.execute(f"SELECT DISTINCT regio FROM marts.indicatoren WHERE {d1}").fetchall() == [("rijnstreek",)]
    assert gebouwd.execute(
        f"SELECT indicator, count(*) FROM marts.indicatoren WHERE dimensie = '' AND {d1} GROUP BY 1 ORDER BY 1"
    ).fetchall() == [("D.1.1", 13), ("D.1.2", 13), ("D.1.3", 13)]
    assert gebouwd.execute(
        f"SELECT DISTINCT eenheid, noemer, norm, status, teller = waarde FROM marts.indicatoren WHERE {d1}").fetchall() == [
        ("aantal", None, None, None, True)]


def test_staging_actuele_levering_en_kolommen(gebouwd):
    # the old binnenvest delivery is ignored everywhere
    assert gebouwd.execute("SELECT DISTINCT levering_id FROM staging.stg_clienten ORDER BY 1").fetchall() == [
        ("binnenvest_nieuw",), ("kwadraad_1",), ("valleizorg_1",)]
    c = contract()
    for bestand in c.bestanden.values():
        raw = [k for k, _ in raw_kolommen(bestand) if k != "extra_kolommen"]
        verwacht = raw[:3] + ["aanbieder_code"] + raw[3:]
        kolommen = [r[0] for r in gebouwd.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema='staging' AND table_name=? "
            "ORDER BY ordinal_position", [f"stg_{bestand.naam}"]).fetchall()]
        assert kolommen == verwacht, bestand.naam
    assert gebouwd.execute(
        "SELECT gemeente_herkomst, reden_aanmelding FROM staging.stg_aanmeldingen ORDER BY aanmelding_id").fetchall() == [
        ("GM0484", "Feitelijke dakloosheid"), ("GM0569", "Dreigende uithuiszetting"), ("Onbekend", None)]
    assert gebouwd.execute("SELECT geslacht FROM staging.stg_clienten ORDER BY client_pseudoniem").fetchall() == [
        ("Man",), ("Vrouw",), ("Onbekend",), ("Onbekend",), ("Man",)]
