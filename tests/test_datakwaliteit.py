"""Data quality: the marts datakwaliteit_leveringen / datakwaliteit_tellers built by dbt on
a tiny hand-made warehouse, and the dashboard page Datakwaliteit on a hand-made published
file (AppTest). Counts are computed by hand in the comments."""

from __future__ import annotations

import json
import os
import sys
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from opvangmonitor.contract import contract
from opvangmonitor.paden import DASHBOARD_APP, DATA_DIR
from opvangmonitor.raw_schema import raw_kolommen

sys.path.insert(0, str(Path(__file__).parent))
from app_openen import open_app  # noqa: E402
from gepubliceerd_bouwen import gebruik, gepubliceerd_bestand, vul  # noqa: E402
from test_dbt import dbt, maak_warehouse  # noqa: E402  (the dbt test helpers)

sys.path.insert(0, str(DASHBOARD_APP.parent))
import onderdelen  # noqa: E402

# --------------------------------------------------------------------------- dbt marts

# x_oud is superseded by x_nieuw; y_1 has no file bookkeeping rows.
LEVERINGEN = [
    # levering_id, aanbieder_code, aanbieder_naam, leverdatum, peildatum, geladen_op
    ("x_oud", "x", "Aanbieder X", date(2026, 1, 15), date(2025, 12, 31), datetime(2026, 2, 1, 10)),
    ("x_nieuw", "x", "Aanbieder X", date(2026, 10, 15), date(2026, 9, 30), datetime(2026, 10, 16, 10)),
    ("y_1", "y", None, date(2026, 10, 15), date(2026, 9, 30), datetime(2026, 10, 16, 11)),
]
LEVERBESTANDEN = [
    # levering_id, bestand, aanwezig, gelezen, geladen, quarantaine
    ("x_oud", "clienten", True, 3, 3, 0),
    ("x_nieuw", "clienten", True, 7, 5, 2),
    ("x_nieuw", "trajecten", True, 4, 3, 1),
    ("x_nieuw", "kosten", False, 0, 0, 0),
]
QUARANTAINE = [
    # levering_id, bestand, regel, veld, reden, ruwe_waarden
    ("x_nieuw", "clienten.csv", 3, "geboortedatum", "ongeldige datum",
     {"client_id": "cp-3", "bsn": "***", "geboortedatum": "31-02-2025"}),
    ("x_nieuw", "clienten.csv", 8, "client_id", "dubbele sleutel; eerste voorkomen op regel 2 behouden",
     {"client_id": "cp-2", "bsn": "", "geboortedatum": "01-01-1990"}),
    ("x_nieuw", "trajecten.csv", 5, None, "aantal velden klopt niet met de kopregel", {"1": "t-9", "2": "x"}),
]
CLIENTEN = [
    # levering_id, bsn_pseudoniem, bsn_elfproef_ongeldig, geslacht
    # x_nieuw: elfproef ongeldig 2, zonder BSN 2, geslacht outside the list: 'X' (1);
    # ' vrouw ' and 'ONBEKEND' are in the list, '' is missing.
    ("x_nieuw", "bsn-1", False, "Man"),
    ("x_nieuw", None, True, " vrouw "),
    ("x_nieuw", None, True, "X"),
    ("x_nieuw", None, False, "ONBEKEND"),
    ("x_nieuw", None, False, ""),
    # x_oud: elfproef ongeldig 1, zonder BSN 0, 'Y' outside the list (1)
    ("x_oud", None, True, "Y"),
    ("x_oud", "bsn-1", False, "Man"),
    ("x_oud", "bsn-2", False, "Man"),
]


def code_en_gemeentevelden() -> set[tuple[str, str, str]]:
    """(teller, bestand as delivered, veld) for every code and gemeente field of the contract."""
    soort = {"code": "code_onbekend", "gemeente": "gemeente_onbekend"}
    return {
        (soort[v.type], f"{b.naam}.csv", v.naam)
        for b in contract().bestanden.values()
        for v in b.velden
        if v.type in soort
    }


def laad(con: duckdb.DuckDBPyConnection) -> None:
    for levering_id, code, naam, leverdatum, peildatum, geladen_op in LEVERINGEN:
        con.execute(
            "INSERT INTO raw.leveringen VALUES (?, ?, ?, ?, ?, '1', ?, 'map', ?, ?)",
            [levering_id, code, naam, leverdatum, peildatum, levering_id, "hash-" + levering_id, geladen_op],
        )
    con.executemany("INSERT INTO raw.leverbestanden VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)", LEVERBESTANDEN)
    con.executemany(
        "INSERT INTO raw.quarantaine VALUES (?, ?, ?, ?, ?, ?)",
        [[*q[:5], json.dumps(q[5])] for q in QUARANTAINE],
    )
    for regel, (levering_id, bsn, ongeldig, geslacht) in enumerate(CLIENTEN, start=2):
        con.execute(
            "INSERT INTO raw.clienten (levering_id, bestand, regel, client_pseudoniem, bsn_pseudoniem, "
            "bsn_elfproef_ongeldig, geslacht) VALUES (?, 'clienten.csv', ?, ?, ?, ?, ?)",
            [levering_id, regel, f"cp-{regel}", bsn, ongeldig, geslacht],
        )
    # y_1: one row in every contract file with a value outside its list in every code and
    # gemeente field ('Onzin'), so every such field of the contract must get a counter.
    c = contract()
    for bestand in c.bestanden.values():
        kolommen = {k for k, _ in raw_kolommen(bestand)}
        waarden = {"levering_id": "y_1", "bestand": f"{bestand.naam}.csv", "regel": 2}
        waarden |= {v.naam: "Onzin" for v in bestand.velden if v.type in ("code", "gemeente")}
        if "bsn_elfproef_ongeldig" in kolommen:
            waarden["bsn_elfproef_ongeldig"] = False
        con.execute(
            f"INSERT INTO raw.{bestand.naam} ({', '.join(waarden)}) VALUES ({', '.join('?' * len(waarden))})",
            list(waarden.values()),
        )


@pytest.fixture(scope="module")
def marts(tmp_path_factory):
    werkmap = tmp_path_factory.mktemp("datakwaliteit")
    warehouse = werkmap / "dk.duckdb"
    con = maak_warehouse(warehouse, DATA_DIR / "regios.example.yml")
    laad(con)
    con.close()
    resultaten = dbt(
        werkmap, warehouse, "build", "--select", "+datakwaliteit_leveringen", "+datakwaliteit_tellers",
        "--exclude-resource-type", "unit_test", "--indirect-selection", "cautious",
    )
    assert {r["status"] for r in resultaten} <= {"success", "pass"}
    assert {"model.opvangmonitor.datakwaliteit_leveringen", "model.opvangmonitor.datakwaliteit_tellers"} <= {
        r["unique_id"] for r in resultaten}
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def kolommen(con, tabel: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'marts' AND table_name = ? "
        "ORDER BY ordinal_position", [tabel]).fetchall()]


def test_leveringen_per_bestand(marts):
    rijen = marts.execute(
        "SELECT levering_id, aanbieder_naam, is_actueel, bestand, aanwezig, rijen_gelezen, rijen_geladen, "
        "rijen_quarantaine, reconciliatie_klopt FROM marts.datakwaliteit_leveringen ORDER BY levering_id, bestand"
    ).fetchall()
    assert rijen == [
        ("x_nieuw", "Aanbieder X", True, "clienten", True, 7, 5, 2, True),
        ("x_nieuw", "Aanbieder X", True, "kosten", False, 0, 0, 0, True),
        ("x_nieuw", "Aanbieder X", True, "trajecten", True, 4, 3, 1, True),
        ("x_oud", "Aanbieder X", False, "clienten", True, 3, 3, 0, True),
        ("y_1", None, True, None, None, None, None, None, None),
    ]
    assert marts.execute(
        "SELECT DISTINCT leverdatum, peildatum, geladen_op FROM marts.datakwaliteit_leveringen WHERE levering_id = 'x_oud'"
    ).fetchall() == [(date(2026, 1, 15), date(2025, 12, 31), datetime(2026, 2, 1, 10))]


def test_tellers_bsn_en_quarantaine(marts):
    rijen = marts.execute(
        "SELECT levering_id, is_actueel, teller, bestand, veld, reden, aantal FROM marts.datakwaliteit_tellers "
        "WHERE teller IN ('bsn_elfproef_ongeldig', 'zonder_bsn', 'quarantaine') ORDER BY ALL"
    ).fetchall()
    assert rijen == [
        ("x_nieuw", True, "bsn_elfproef_ongeldig", "", "", "", 2),
        ("x_nieuw", True, "quarantaine", "clienten.csv", "client_id",
         "dubbele sleutel; eerste voorkomen op regel … behouden", 1),
        ("x_nieuw", True, "quarantaine", "clienten.csv", "geboortedatum", "ongeldige datum", 1),
        ("x_nieuw", True, "quarantaine", "trajecten.csv", "", "aantal velden klopt niet met de kopregel", 1),
        ("x_nieuw", True, "zonder_bsn", "", "", "", 2),
        ("x_oud", False, "bsn_elfproef_ongeldig", "", "", "", 1),
        ("x_oud", False, "zonder_bsn", "", "", "", 0),
        ("y_1", True, "bsn_elfproef_ongeldig", "", "", "", 0),
        ("y_1", True, "zonder_bsn", "", "", "", 1),
    ]
    assert marts.execute(
        "SELECT DISTINCT omschrijving FROM marts.datakwaliteit_tellers WHERE teller = 'bsn_elfproef_ongeldig'"
    ).fetchall() == [("Cliënten met een BSN dat niet door de elfproef komt: niet gebruikt om personen te koppelen",)]


def test_tellers_codes_en_gemeenten(marts):
    rijen = marts.execute(
        "SELECT levering_id, teller, bestand, veld, aantal FROM marts.datakwaliteit_tellers "
        "WHERE teller IN ('code_onbekend', 'gemeente_onbekend') AND levering_id LIKE 'x%' ORDER BY ALL"
    ).fetchall()
    assert rijen == [
        ("x_nieuw", "code_onbekend", "clienten.csv", "geslacht", 1),
        ("x_oud", "code_onbekend", "clienten.csv", "geslacht", 1),
    ]
    # every code and gemeente field of the contract is counted (the model's field list
    # follows the contract), once for y_1's single row per file
    y = marts.execute(
        "SELECT teller, bestand, veld, aantal FROM marts.datakwaliteit_tellers "
        "WHERE teller IN ('code_onbekend', 'gemeente_onbekend') AND levering_id = 'y_1'"
    ).fetchall()
    assert {r[:3] for r in y} == code_en_gemeentevelden()
    assert len(y) == len(code_en_gemeentevelden()) == 26
    assert {r[3] for r in y} == {1}


def test_geen_persoonsgegevens_in_de_marts(marts):
    assert kolommen(marts, "datakwaliteit_leveringen") == [
        "levering_id", "aanbieder_code", "aanbieder_naam", "leverdatum", "peildatum", "is_actueel", "geladen_op",
        "bronvorm", "bestand", "aanwezig", "rijen_gelezen", "rijen_geladen", "rijen_quarantaine",
        "reconciliatie_klopt",
    ]
    assert kolommen(marts, "datakwaliteit_tellers") == [
        "levering_id", "aanbieder_code", "is_actueel", "teller", "omschrijving", "bestand", "veld", "reden", "aantal",
    ]


# ------------------------------------------------------------------------ dashboard page

# Published rows: delivery P (actueel) of provider A, its older delivery O, and B1 of B.
GEPUBLICEERDE_LEVERBESTANDEN = [
    # levering_id, code, naam, leverdatum, peildatum, actueel, geladen_op, bestand, aanwezig, gelezen, geladen, quarantaine
    ("P", "a", "Stichting A", date(2026, 10, 15), date(2026, 9, 30), True, datetime(2026, 10, 16, 9, 30),
     "clienten", True, 1234, 1230, 4),
    ("P", "a", "Stichting A", date(2026, 10, 15), date(2026, 9, 30), True, datetime(2026, 10, 16, 9, 30),
     "trajecten", True, 2000, 1999, 1),
    ("P", "a", "Stichting A", date(2026, 10, 15), date(2026, 9, 30), True, datetime(2026, 10, 16, 9, 30),
     "kosten", False, 0, 0, 0),
    ("O", "a", "Stichting A", date(2026, 1, 15), date(2025, 12, 31), False, datetime(2026, 1, 16, 9, 0),
     "clienten", True, 1000, 1000, 0),
    # a file that does not reconcile (cannot pass ingestion, but must show as such)
    ("B1", "b", None, date(2026, 10, 1), date(2026, 9, 30), True, datetime(2026, 10, 2, 8, 0),
     "clienten", True, 10, 8, 1),
]
GEPUBLICEERDE_TELLERS = [
    # levering_id, code, actueel, teller, omschrijving, bestand, veld, reden, aantal
    ("P", "a", True, "bsn_elfproef_ongeldig", "Cliënten met een BSN dat niet door de elfproef komt", "", "", "", 17),
    ("P", "a", True, "zonder_bsn", "Cliënten zonder BSN", "", "", "", 0),
    ("P", "a", True, "quarantaine", "Regels in quarantaine", "clienten.csv", "geboortedatum", "ongeldige datum", 4),
    ("P", "a", True, "quarantaine", "Regels in quarantaine", "trajecten.csv", "traject_id",
     "dubbele sleutel; eerste voorkomen op regel … behouden", 1),
    ("P", "a", True, "code_onbekend", "Waarden buiten de codelijst", "clienten.csv", "geslacht", "", 1503),
    ("O", "a", False, "bsn_elfproef_ongeldig", "Cliënten met een BSN dat niet door de elfproef komt", "", "", "", 9),
    ("B1", "b", True, "gemeente_onbekend", "Gemeenten die niet te herkennen zijn", "aanmeldingen.csv",
     "gemeente_herkomst", "", 2),
]
# raw.quarantaine: 4 'ongeldige datum' lines of P (only the first 3 by line are shown),
# one duplicate of P, and a line of O (no counter: O is not shown with 'alleen actueel').
GEPUBLICEERDE_QUARANTAINE = [
    ("P", "clienten.csv", 12, "geboortedatum", "ongeldige datum", '{"client_id": "cp-a12", "bsn": "***", "geboortedatum": "31-02-2025"}'),
    ("P", "clienten.csv", 5, "geboortedatum", "ongeldige datum", '{"client_id": "cp-a05", "bsn": "***", "geboortedatum": "2025-13-01"}'),
    ("P", "clienten.csv", 40, "geboortedatum", "ongeldige datum", '{"client_id": "cp-a40", "bsn": "", "geboortedatum": "gisteren"}'),
    ("P", "clienten.csv", 7, "geboortedatum", "ongeldige datum", '{"client_id": "cp-a07", "bsn": "***", "geboortedatum": "00-00-0000"}'),
    ("P", "trajecten.csv", 9, "traject_id", "dubbele sleutel; eerste voorkomen op regel 3 behouden", '{"traject_id": "t-1", "client_id": "cp-a01"}'),
]


def maak_gepubliceerd(pad: Path, quarantaine: bool = True) -> None:
    with gepubliceerd_bestand(
        pad, ("marts.datakwaliteit_leveringen", "marts.datakwaliteit_tellers", "raw.quarantaine")
    ) as con:
        vul(con, "marts.datakwaliteit_leveringen",
            [[*r[:7], "map", *r[7:], r[9] == r[10] + r[11]] for r in GEPUBLICEERDE_LEVERBESTANDEN])  # fmt: skip
        vul(con, "marts.datakwaliteit_tellers", [t for t in GEPUBLICEERDE_TELLERS if quarantaine or t[3] != "quarantaine"])
        if quarantaine:
            vul(con, "raw.quarantaine", GEPUBLICEERDE_QUARANTAINE)


def open_pagina(pad: Path, monkeypatch) -> AppTest:
    gebruik(pad, monkeypatch)
    at = open_app("datakwaliteit")
    assert at.title[0].value == "Datakwaliteit"
    return at


def tabel(at, *kolommen: str) -> list[dict]:
    """The rows of the one table (st.dataframe) in `at` (the page or a block) that has
    all `kolommen`."""
    gevonden = [df.value for df in at.dataframe if set(kolommen) <= set(df.value.columns)]
    assert len(gevonden) == 1, f"{len(gevonden)} tabellen met kolommen {kolommen}"
    return gevonden[0].to_dict("records")


def test_pagina_toont_leveringen_quarantaine_en_tellers(tmp_path, monkeypatch):
    maak_gepubliceerd(tmp_path / "wh.gepubliceerd.duckdb")
    at = open_pagina(tmp_path / "wh.gepubliceerd.duckdb", monkeypatch)
    assert [s.value for s in at.subheader] == [
        "Leveringen", "Quarantaine", "Validatie (Great Expectations)", "Tellers", "Tellers per indicator"
    ]
    assert len(at.caption) >= 3  # one line of explanation per section (+ footer)
    assert tabel(at, "Geladen op") == [
        {"Aanbieder": "Stichting A", "Leverdatum": "15 oktober 2026", "Peildatum": "30 september 2026",
         "Actueel": "ja", "Geladen op": "16 oktober 2026 om 09:30", "Gelezen": "3.234", "Geladen": "3.229",
         "Quarantaine": "5", "Sluitend": "✓"},
        {"Aanbieder": "Stichting A", "Leverdatum": "15 januari 2026", "Peildatum": "31 december 2025",
         "Actueel": "nee", "Geladen op": "16 januari 2026 om 09:00", "Gelezen": "1.000", "Geladen": "1.000",
         "Quarantaine": "0", "Sluitend": "✓"},
        # no provider name: the code; 10 read ≠ 8 loaded + 1 quarantined
        {"Aanbieder": "b", "Leverdatum": "1 oktober 2026", "Peildatum": "30 september 2026",
         "Actueel": "ja", "Geladen op": "2 oktober 2026 om 08:00", "Gelezen": "10", "Geladen": "8",
         "Quarantaine": "1", "Sluitend": "✗"},
    ]
    assert [e.label for e in at.expander] == [
        "Per bestand: Stichting A, levering van 15 oktober 2026 (actueel)",
        "Per bestand: Stichting A, levering van 15 januari 2026",
        "Per bestand: b, levering van 1 oktober 2026 (actueel)",
    ]
    assert tabel(at.expander[0], "Aanwezig") == [
        {"Bestand": "clienten", "Aanwezig": "ja", "Gelezen": "1.234", "Geladen": "1.230", "Quarantaine": "4", "Sluitend": "✓"},
        {"Bestand": "kosten", "Aanwezig": "nee", "Gelezen": "0", "Geladen": "0", "Quarantaine": "0", "Sluitend": "✓"},
        {"Bestand": "trajecten", "Aanwezig": "ja", "Gelezen": "2.000", "Geladen": "1.999", "Quarantaine": "1", "Sluitend": "✓"},
    ]
    assert tabel(at.expander[2], "Aanwezig")[0]["Sluitend"] == "✗"

    assert tabel(at, "Reden", "Aantal") == [
        {"Aanbieder": "Stichting A", "Leverdatum": "15 oktober 2026", "Bestand": "clienten.csv", "Veld": "geboortedatum",
         "Reden": "ongeldige datum", "Aantal": "4"},
        {"Aanbieder": "Stichting A", "Leverdatum": "15 oktober 2026", "Bestand": "trajecten.csv", "Veld": "traject_id",
         "Reden": "dubbele sleutel; eerste voorkomen op regel … behouden", "Aantal": "1"},
    ]
    voorbeelden = tabel(at, "Aangeleverde waarden")
    # the first 3 lines of the 4 'ongeldige datum' lines, and the duplicate (matched through '…')
    assert [(v["Bestand"], v["Regel"], v["Reden"]) for v in voorbeelden] == [
        ("clienten.csv", "5", "ongeldige datum"),
        ("clienten.csv", "7", "ongeldige datum"),
        ("clienten.csv", "12", "ongeldige datum"),
        ("trajecten.csv", "9", "dubbele sleutel; eerste voorkomen op regel 3 behouden"),
    ]
    assert voorbeelden[0]["Aangeleverde waarden"] == '{"client_id": "cp-a05", "bsn": "***", "geboortedatum": "2025-13-01"}'

    assert tabel(at, "Teller", "Bestand") == [
        {"Aanbieder": "Stichting A", "Leverdatum": "15 oktober 2026", "Actueel": "ja",
         "Teller": "Cliënten met een BSN dat niet door de elfproef komt", "Bestand": "", "Veld": "", "Aantal": "17"},
        {"Aanbieder": "Stichting A", "Leverdatum": "15 oktober 2026", "Actueel": "ja",
         "Teller": "Waarden buiten de codelijst", "Bestand": "clienten.csv", "Veld": "geslacht", "Aantal": "1.503"},
        {"Aanbieder": "Stichting A", "Leverdatum": "15 oktober 2026", "Actueel": "ja",
         "Teller": "Cliënten zonder BSN", "Bestand": "", "Veld": "", "Aantal": "0"},
        {"Aanbieder": "Stichting A", "Leverdatum": "15 januari 2026", "Actueel": "nee",
         "Teller": "Cliënten met een BSN dat niet door de elfproef komt", "Bestand": "", "Veld": "", "Aantal": "9"},
        {"Aanbieder": "b", "Leverdatum": "1 oktober 2026", "Actueel": "ja",
         "Teller": "Gemeenten die niet te herkennen zijn", "Bestand": "aanmeldingen.csv", "Veld": "gemeente_herkomst",
         "Aantal": "2"},
    ]
    assert "Gepubliceerd op 23 november 2026 om 14:05" in [c.value for c in at.caption]


def test_alleen_actuele_leveringen(tmp_path, monkeypatch):
    maak_gepubliceerd(tmp_path / "wh.gepubliceerd.duckdb")
    at = open_pagina(tmp_path / "wh.gepubliceerd.duckdb", monkeypatch)
    at.sidebar.toggle(key="alleen_actueel").set_value(True).run()
    assert not at.exception, at.exception
    assert [r["Leverdatum"] for r in tabel(at, "Geladen op")] == ["15 oktober 2026", "1 oktober 2026"]
    assert len(at.expander) == 2
    assert [r["Aantal"] for r in tabel(at, "Teller", "Bestand")] == ["17", "1.503", "0", "2"]


def test_zonder_quarantaine(tmp_path, monkeypatch):
    maak_gepubliceerd(tmp_path / "wh.gepubliceerd.duckdb", quarantaine=False)
    at = open_pagina(tmp_path / "wh.gepubliceerd.duckdb", monkeypatch)
    assert [s.value for s in at.success] == ["Geen regels in quarantaine."]
    assert [df for df in at.dataframe if "Reden" in df.value.columns] == []


def test_lege_staat(tmp_path, monkeypatch):
    # no published file at all, and a published file from before the data-quality marts
    at = open_pagina(tmp_path / "bestaat_niet.duckdb", monkeypatch)
    assert [i.value for i in at.info] == [onderdelen.GEEN_GEGEVENS]
    oud = tmp_path / "oud.duckdb"
    con = duckdb.connect(str(oud))
    con.execute("CREATE SCHEMA marts; CREATE TABLE marts.indicatoren (regio VARCHAR)")
    con.close()
    at = open_pagina(oud, monkeypatch)
    assert [i.value for i in at.info] == [onderdelen.GEEN_GEGEVENS]
    assert not at.dataframe


def test_tellers_per_indicator(tmp_path, monkeypatch):
    """marts.datakwaliteit_indicatoren (the indicator families' counters) on the page."""
    pub = tmp_path / "wh.gepubliceerd.duckdb"
    maak_gepubliceerd(pub)
    con = duckdb.connect(str(pub))
    con.execute(
        """CREATE TABLE marts.datakwaliteit_indicatoren AS SELECT * FROM (VALUES
           ('rijnstreek', 'binnenvest', 'traject_zonder_nulmeting', 'Trajecten zonder nulmeting', 89),
           ('rijnstreek', 'binnenvest', 'intake_voor_aanmelding', 'Intake vóór aanmelding', 2))
           AS t(regio, aanbieder_code, teller, omschrijving, aantal)"""
    )
    con.close()
    at = open_pagina(pub, monkeypatch)
    rijen = tabel(at, "Regio", "Teller")
    assert [(r["Teller"], r["Aantal"]) for r in rijen] == [
        ("Intake vóór aanmelding", "2"), ("Trajecten zonder nulmeting", "89")]


# --------------------------------------------------------------------------- GX results

GX_RESULTATEN = [
    # run_id, suite, tabel, uitgevoerd_op, geslaagd, rijen, verwachtingen, mislukt, steekproef, details
    ("r1", "raw_clienten", "raw.clienten", datetime(2026, 11, 22, 3, 0, 5), False, 1200, 14, 1, None,
     '["bsn_pseudoniem is uniek: 2 van 1.200 rijen voldoen niet"]', "validations/raw_clienten/oud.html"),
    # the latest run of raw_clienten replaces the one above on the page
    ("r2", "raw_clienten", "raw.clienten", datetime(2026, 11, 23, 14, 4, 1), True, 1234, 14, 0, None, "[]",
     "validations/v.html"),
    ("r2", "marts_indicatoren", "marts.indicatoren", datetime(2026, 11, 23, 14, 4, 30), True, 250000, 32, 0, 20000, "[]",
     "validations/ontbreekt.html"),  # not in the published site: no link
    ("r2", "raw_trajecten", "raw.trajecten", datetime(2026, 11, 23, 14, 4, 2), False, 80, 12, 2, None,
     '["einddatum niet vóór startdatum: 1 van 80 rijen voldoen niet", "traject_id is uniek: 1 van 80 rijen voldoen niet"]',
     None),
]


def maak_gx(pub: Path) -> None:
    con = duckdb.connect(str(pub))
    con.execute(
        "CREATE TABLE meta.gx_resultaten (run_id VARCHAR, suite VARCHAR, tabel VARCHAR, uitgevoerd_op TIMESTAMP, "
        "geslaagd BOOLEAN, aantal_rijen BIGINT, aantal_verwachtingen INTEGER, aantal_mislukt INTEGER, "
        "steekproef BIGINT, details VARCHAR, data_docs_pagina VARCHAR)"
    )
    con.executemany("INSERT INTO meta.gx_resultaten VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", GX_RESULTATEN)
    con.close()


@pytest.fixture
def statisch(tmp_path, monkeypatch):
    """Static serving on, and the mirror in a temporary folder instead of dashboards/static."""
    import gx

    from streamlit import config

    monkeypatch.setattr(gx, "STATIC_MAP", tmp_path / "static")
    oud = config.get_option("server.enableStaticServing")
    config.set_option("server.enableStaticServing", True)
    yield tmp_path / "static"
    config.set_option("server.enableStaticServing", oud)


def test_gx_resultaten_en_data_docs_link(tmp_path, monkeypatch, statisch):
    from opvangmonitor.publicatie import publiceer_data_docs

    pub = tmp_path / "wh.gepubliceerd.duckdb"
    maak_gepubliceerd(pub)
    maak_gx(pub)
    site = tmp_path / "site"
    (site / "validations").mkdir(parents=True)
    (site / "index.html").write_text("<html>docs</html>", encoding="utf-8")
    (site / "validations" / "v.html").write_text("v", encoding="utf-8")
    publiceer_data_docs(site, pub)
    at = open_pagina(pub, monkeypatch)
    rijen = tabel(at, "Suite", "Verwachtingen")
    links = [r.pop("Data Docs") for r in rijen]
    links = [None if isinstance(x, float) else x for x in links]  # an empty link cell comes back as NaN
    assert rijen == [
        {"Suite": "marts_indicatoren", "Tabel": "marts.indicatoren", "Rijen": "250.000", "Verwachtingen": "32",
         "Geslaagd": "32", "Mislukt": "0", "Uitslag": "✓", "Steekproef": "20.000",
         "Uitgevoerd op": "23 november 2026 om 14:04"},
        {"Suite": "raw_clienten", "Tabel": "raw.clienten", "Rijen": "1.234", "Verwachtingen": "14",
         "Geslaagd": "14", "Mislukt": "0", "Uitslag": "✓", "Steekproef": "", "Uitgevoerd op": "23 november 2026 om 14:04"},
        {"Suite": "raw_trajecten", "Tabel": "raw.trajecten", "Rijen": "80", "Verwachtingen": "12",
         "Geslaagd": "10", "Mislukt": "2", "Uitslag": "✗", "Steekproef": "", "Uitgevoerd op": "23 november 2026 om 14:04"},
    ]
    (mislukt,) = [e for e in at.expander if e.label.startswith("Mislukt in")]
    assert mislukt.label == "Mislukt in raw_trajecten (raw.trajecten)"
    assert [m.value for m in mislukt.markdown] == [
        "- einddatum niet vóór startdatum: 1 van 80 rijen voldoen niet",
        "- traject_id is uniek: 1 van 80 rijen voldoen niet",
    ]
    (link,) = [m.value for m in at.markdown if "Data Docs openen" in m.value]
    url = link.split("](")[1].rstrip(")")
    assert url.startswith("app/static/data_docs/") and url.endswith("/index.html")
    assert links == [None, url.removesuffix("index.html") + "validations/v.html", None]
    # the URL serves the mirrored copy: Streamlit maps app/static/ to the static folder
    gespiegeld = statisch / url.removeprefix("app/static/")
    assert gespiegeld.read_text(encoding="utf-8") == "<html>docs</html>"
    assert (gespiegeld.parent / "validations" / "v.html").is_file()
    # a new publication gets a new folder; the old mirror of this file is removed
    (site / "index.html").write_text("<html>nieuw</html>", encoding="utf-8")
    os.utime(site / "index.html", ns=(1, 2_000_000_000_000_000_000))
    publiceer_data_docs(site, pub)
    at.run()
    (link2,) = [m.value for m in at.markdown if "Data Docs openen" in m.value]
    url2 = link2.split("](")[1].rstrip(")")
    assert url2 != url
    assert (statisch / url2.removeprefix("app/static/")).read_text(encoding="utf-8") == "<html>nieuw</html>"
    assert not gespiegeld.exists()


def test_zonder_gx_resultaten_en_data_docs(tmp_path, monkeypatch):
    maak_gepubliceerd(tmp_path / "wh.gepubliceerd.duckdb")
    at = open_pagina(tmp_path / "wh.gepubliceerd.duckdb", monkeypatch)
    assert [i.value for i in at.info] == [
        "Deze publicatie bevat nog geen GX-resultaten; ze verschijnen na de volgende load.",
        "Bij deze publicatie zijn geen Data Docs gepubliceerd.",
    ]


def test_data_docs_zonder_statische_bestanden(tmp_path, monkeypatch):
    """Static serving off: the page names the published file instead of a link."""
    from streamlit import config

    from opvangmonitor.publicatie import publiceer_data_docs

    pub = tmp_path / "wh.gepubliceerd.duckdb"
    maak_gepubliceerd(pub)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<html/>", encoding="utf-8")
    docs = publiceer_data_docs(tmp_path / "site", pub)
    oud = config.get_option("server.enableStaticServing")
    config.set_option("server.enableStaticServing", False)
    try:
        at = open_pagina(pub, monkeypatch)
    finally:
        config.set_option("server.enableStaticServing", oud)
    assert f"Data Docs: `{docs / 'index.html'}` (open dit bestand in een browser op de server)." in [m.value for m in at.markdown]
    assert not [m for m in at.markdown if "Data Docs openen" in m.value]


@pytest.mark.traag
def test_gx_resultaten_op_demo(demo_publicatie, monkeypatch):
    """After a whole run: every suite's result is on the page, with the number of
    expectations of its committed suite file."""
    from opvangmonitor.paden import EXPECTATIONS_DIR
    from opvangmonitor.validatie import VALIDATIES

    at = open_pagina(demo_publicatie["gepubliceerd"], monkeypatch)
    rijen = {r["Suite"]: r for r in tabel(at, "Suite", "Verwachtingen")}
    assert set(rijen) == set(VALIDATIES.values())
    for tabelnaam, suite in VALIDATIES.items():
        spec = json.loads((EXPECTATIONS_DIR / "gx" / "expectations" / f"{suite}.json").read_text(encoding="utf-8"))
        assert rijen[suite]["Tabel"] == tabelnaam
        assert rijen[suite]["Verwachtingen"] == str(len(spec["expectations"]))
        assert rijen[suite]["Uitslag"] == "✓" and rijen[suite]["Mislukt"] == "0"
    con = duckdb.connect(str(demo_publicatie["gepubliceerd"]), read_only=True)
    (n,) = con.execute("SELECT count(*) FROM marts.indicatoren").fetchone()
    con.close()
    assert rijen[VALIDATIES["marts.indicatoren"]]["Rijen"] == f"{n:,}".replace(",", ".")


@pytest.mark.traag
def test_data_docs_link_op_demo(demo_publicatie, monkeypatch, statisch):
    """After a whole run the Data Docs are published next to the file and the page links
    to them and to each suite's own result page. Needs the publicatie asset to pass the
    built site to publiceer (orkestratie/publicatie.py)."""
    at = open_pagina(demo_publicatie["gepubliceerd"], monkeypatch)
    (link,) = [m.value for m in at.markdown if "Data Docs openen" in m.value]
    url = link.split("](")[1].rstrip(")")
    assert (statisch / url.removeprefix("app/static/")).is_file()
    links = [r["Data Docs"] for r in tabel(at, "Suite", "Verwachtingen")]
    assert all(isinstance(x, str) and (statisch / x.removeprefix("app/static/")).is_file() for x in links)
