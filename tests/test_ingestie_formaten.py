"""Every delivery format of aanlevering.md §1–§2 is read, with the typed values checked."""

from __future__ import annotations

import codecs
import datetime as dt
import json

import duckdb
import pytest
from openpyxl import Workbook

from opvangmonitor.pseudoniem import bsn_pseudoniem
from test_ingestie_hulp import (
    NAAM,
    SLEUTEL,
    bestanden,
    kop,
    laad,
    pseudo,
    quarantaine,
    rijen,
    schrijf_map,
    zip_van,
)

D = dt.date


@pytest.fixture
def con():
    c = duckdb.connect()
    yield c
    c.close()


CLIENTEN_UTF8 = (
    "client_id,bsn,geboortedatum,geslacht,aanmaakdatum\n"
    "C1,111222333,1-2-1980,Man,15-01-2020\n"
    "C2,123456789,1980-12-31,Vrouw,2020-01-15\n"
    "C3,,31-12-1999 23:59,Onbekend,2021-3-4\n"
)


def test_map_utf8_komma(tmp_path, con):
    aanmeldingen = (
        kop("aanmeldingen") + "\n"
        "A1,C1,01-07-2024,Súdwest-Fryslân,Feitelijke dakloosheid,Financiën,,,\n"
    )
    r = laad(con, schrijf_map(tmp_path, bestanden(clienten=CLIENTEN_UTF8, aanmeldingen=aanmeldingen)))
    assert r.status == "geladen"
    assert rijen(
        con,
        "SELECT regel, client_pseudoniem, bsn_pseudoniem, bsn_elfproef_ongeldig, geboortedatum, geslacht, "
        "aanmaakdatum, extra_kolommen FROM raw.clienten ORDER BY regel",
    ) == [
        (2, pseudo("C1"), bsn_pseudoniem(SLEUTEL, "111222333"), False, D(1980, 2, 1), "Man", D(2020, 1, 15), None),
        (3, pseudo("C2"), None, True, D(1980, 12, 31), "Vrouw", D(2020, 1, 15), None),
        (4, pseudo("C3"), None, False, D(1999, 12, 31), "Onbekend", D(2021, 3, 4), None),
    ]
    assert rijen(
        con, "SELECT aanmelding_id, gemeente_herkomst, hoofdprobleem, oorzaak_instroom FROM raw.aanmeldingen"
    ) == [("A1", "Súdwest-Fryslân", "Financiën", None)]
    assert rijen(
        con, "SELECT bestand, codering, scheidingsteken FROM raw.leverbestanden WHERE bestand IN ('clienten', 'aanmeldingen') ORDER BY 1"
    ) == [("aanmeldingen", "utf-8", ","), ("clienten", "utf-8", ",")]
    assert rijen(con, "SELECT DISTINCT bestand FROM raw.clienten") == [("clienten.csv",)]


def test_utf8_met_bom_en_puntkomma(tmp_path, con):
    tekst = CLIENTEN_UTF8.replace(",", ";")
    laad(con, schrijf_map(tmp_path, bestanden(clienten=codecs.BOM_UTF8 + tekst.encode("utf-8"))))
    assert rijen(con, "SELECT client_pseudoniem, geboortedatum FROM raw.clienten ORDER BY regel") == [
        (pseudo("C1"), D(1980, 2, 1)), (pseudo("C2"), D(1980, 12, 31)), (pseudo("C3"), D(1999, 12, 31)),
    ]
    assert rijen(con, "SELECT codering, scheidingsteken FROM raw.leverbestanden WHERE bestand = 'clienten'") == [
        ("utf-8-sig", ";")
    ]


def test_windows_1252_puntkomma(tmp_path, con):
    tekst = (
        "locatie_id;naam;soort;gemeente;capaciteit;geldig_van;geldig_tot\n"
        "L1;Café Ëlan € 5;Nachtopvang;Súdwest-Fryslân;12;01-01-2024;\n"
    )
    laad(con, schrijf_map(tmp_path, bestanden(voorzieningen=tekst.encode("cp1252"))))
    assert rijen(con, "SELECT locatie_id, naam, soort, gemeente, capaciteit, geldig_van, geldig_tot FROM raw.voorzieningen") == [
        ("L1", "Café Ëlan € 5", "Nachtopvang", "Súdwest-Fryslân", 12, D(2024, 1, 1), None)
    ]
    assert rijen(con, "SELECT codering, scheidingsteken FROM raw.leverbestanden WHERE bestand = 'voorzieningen'") == [
        ("cp1252", ";")
    ]


def test_aanhalingstekens_met_scheidingsteken_en_regelovergang(tmp_path, con):
    tekst = (
        "locatie_id,naam,soort,gemeente,capaciteit,geldig_van,geldig_tot\r\n"
        'L1,"Huis ""De Haven"", noord\r\ntweede regel",Nachtopvang,GM0484,12,2024-01-01,\r\n'
        "L2,Gewoon,Nachtopvang,484,3,2024-01-01,2024-12-31\r\n"
    )
    laad(con, schrijf_map(tmp_path, bestanden(voorzieningen=tekst)))
    assert rijen(con, "SELECT regel, locatie_id, naam, gemeente, geldig_tot FROM raw.voorzieningen ORDER BY regel") == [
        (2, "L1", 'Huis "De Haven", noord\r\ntweede regel', "GM0484", None),
        (4, "L2", "Gewoon", "484", D(2024, 12, 31)),
    ]


def test_datumvormen_met_en_zonder_tijd(tmp_path, con):
    tekst = (
        kop("woonvormen") + "\n"
        "K1,T1,Nachtopvang,,1-2-2024,\n"
        "K1,T1,Nachtopvang,,01-02-2024 13:45,2024-03-01T08:00:00\n"
        "K1,T1,Nachtopvang,,2024-02-01,15-3-2024 8:05\n"
    )
    laad(con, schrijf_map(tmp_path, bestanden(woonvormen=tekst)))
    assert rijen(con, "SELECT startdatum, einddatum FROM raw.woonvormen ORDER BY regel") == [
        (D(2024, 2, 1), None), (D(2024, 2, 1), D(2024, 3, 1)), (D(2024, 2, 1), D(2024, 3, 15)),
    ]


def test_decimaal_komma_en_punt_en_maand(tmp_path, con):
    inzet = (
        kop("inzet", ";") + "\n"
        "T1;K1;Briefadres;2024-07;12,5\n"
        "T1;K1;Briefadres;2024-7;3.25\n"
        "T1;K1;Briefadres;2024-12;7\n"
        "T1;K1;Briefadres;2024-01;,5\n"
    )
    kosten = kop("kosten", ";") + "\n2024;H1;Subsidie MO;Huisvesting;-1234,56\n"
    laad(con, schrijf_map(tmp_path, bestanden(inzet=inzet, kosten=kosten)))
    assert rijen(con, "SELECT maand, uren FROM raw.inzet ORDER BY regel") == [
        (D(2024, 7, 1), 12.5), (D(2024, 7, 1), 3.25), (D(2024, 12, 1), 7.0), (D(2024, 1, 1), 0.5),
    ]
    assert rijen(con, "SELECT jaar, periode, financiering, module, bedrag FROM raw.kosten") == [
        (2024, "H1", "Subsidie MO", "Huisvesting", -1234.56)
    ]


def test_alle_ja_nee_vormen_en_ontbrekende_optionele_kolommen(tmp_path, con):
    vormen = ["ja", "nee", "j", "n", "1", "0", "true", "false", "JA", "False", " Nee "]
    verwacht = [True, False, True, False, True, False, True, False, True, False, False]
    tekst = "traject_id;client_id;doelgroep;systeemcasus;startdatum\n" + "".join(
        f"T{i};K1;Inloop;{w};2024-01-01\n" for i, w in enumerate(vormen)
    )
    laad(con, schrijf_map(tmp_path, bestanden(trajecten=tekst)))
    assert [r[0] for r in rijen(con, "SELECT systeemcasus FROM raw.trajecten ORDER BY regel")] == verwacht
    assert rijen(con, "SELECT count(*) FROM raw.trajecten WHERE aantal_kinderen IS NULL AND einddatum IS NULL") == [(11,)]


def test_kopnamen_hoofdletters_en_spaties(tmp_path, con):
    tekst = " Client_ID ;BSN; GeboorteDatum;GESLACHT ;aanmaakdatum\nC1;;1-2-1980;Man;2020-01-01\n"
    laad(con, schrijf_map(tmp_path, bestanden(clienten=tekst)))
    assert rijen(con, "SELECT client_pseudoniem, geboortedatum, geslacht FROM raw.clienten") == [
        (pseudo("C1"), D(1980, 2, 1), "Man")
    ]


def test_onbekende_kolommen_in_extra_kolommen(tmp_path, con):
    tekst = kop("clienten") + ",Opmerking,\nC1,,1-2-1980,Man,2020-01-01,eerste keer,\nC2,,1-2-1981,Man,2020-01-01,,\n"
    laad(con, schrijf_map(tmp_path, bestanden(clienten=tekst)))
    extra = [json.loads(e) for (e,) in rijen(con, "SELECT extra_kolommen FROM raw.clienten ORDER BY regel")]
    assert extra == [{"Opmerking": "eerste keer", "kolom_7": ""}, {"Opmerking": "", "kolom_7": ""}]


def test_waarden_worden_getrimd_maar_niet_vertaald(tmp_path, con):
    tekst = kop("clienten") + "\n  C1 ,, 1-2-1980 ,\tman\u00a0,2020-01-01\n"
    laad(con, schrijf_map(tmp_path, bestanden(clienten=tekst)))
    assert rijen(con, "SELECT client_pseudoniem, geboortedatum, geslacht FROM raw.clienten") == [
        (pseudo("C1"), D(1980, 2, 1), "man")
    ]


@pytest.mark.parametrize("met_map", [True, False], ids=["met-map", "bestanden-in-wortel"])
def test_zip(tmp_path, con, met_map):
    map_ = schrijf_map(tmp_path / "bron", bestanden(clienten=CLIENTEN_UTF8))
    landing = tmp_path / "landing"
    landing.mkdir()
    r = laad(con, zip_van(map_, landing / f"{NAAM}.zip", met_map=met_map))
    assert (r.status, r.gelezen, r.geladen, r.quarantaine) == ("geladen", 3, 3, 0)
    assert rijen(con, "SELECT client_pseudoniem, geboortedatum FROM raw.clienten ORDER BY regel") == [
        (pseudo("C1"), D(1980, 2, 1)), (pseudo("C2"), D(1980, 12, 31)), (pseudo("C3"), D(1999, 12, 31)),
    ]
    assert rijen(con, "SELECT bron, bronvorm, aanbieder_code, leverdatum, peildatum FROM raw.leveringen") == [
        (f"{NAAM}.zip", "zip", "binnenvest", D(2026, 10, 15), D(2026, 9, 30))
    ]


def schrijf_werkmap(pad, bladen: dict[str, list[list]]):
    wb = Workbook()
    wb.remove(wb.active)
    for titel, regels in bladen.items():
        ws = wb.create_sheet(titel)
        for regel in regels:
            ws.append(regel)
    wb.save(pad)
    return pad


LEVERINGBLAD = [
    ["sleutel", "waarde"],
    ["aanbieder_code", "binnenvest"],
    ["aanbieder_naam", "Stichting De Binnenvest"],
    ["leverdatum", dt.datetime(2026, 10, 15)],
    ["peildatum", 46295],  # Excel serial of 30-09-2026
    ["spec_versie", 1],
]


def kopregel(bestand: str) -> list[str]:
    return kop(bestand).split(",")


def test_xlsx_met_echte_datums_serienummers_en_leveringblad(tmp_path, con):
    pad = schrijf_werkmap(tmp_path / f"{NAAM}.xlsx", {
        "levering": LEVERINGBLAD,
        "Clienten": [
            kopregel("clienten"),
            ["C1", 111222333, dt.datetime(1980, 2, 1), "Man", 45000],
            ["C2", None, 44927, "Vrouw", "15-01-2020"],
            [],
            ["C3", "", "1-2-1990", "Vrouw", dt.date(2020, 5, 6)],
        ],
        "aanmeldingen": [kopregel("aanmeldingen")],
        "trajecten": [
            ["traject_id", "client_id", "doelgroep", "systeemcasus", "aantal_kinderen", "startdatum"],
            ["T1", "C1", "Gezinsopvang", True, 2, dt.datetime(2024, 3, 1, 14, 30)],
        ],
        "woonvormen": [kopregel("woonvormen")],
        "zrm_metingen": [kopregel("zrm_metingen")],
        "inzet": [
            kopregel("inzet"),
            ["T1", "C1", "Gezinsopvang", dt.datetime(2024, 7, 1), 12.5],
            ["T1", "C1", "Gezinsopvang", 45474, 3],
            ["T1", "C1", "Gezinsopvang", "2024-08", "1,5"],
        ],
    })
    r = laad(con, pad)
    assert (r.status, r.gelezen, r.geladen, r.quarantaine) == ("geladen", 7, 7, 0)
    assert rijen(
        con,
        "SELECT bestand, regel, client_pseudoniem, bsn_pseudoniem, bsn_elfproef_ongeldig, geboortedatum, geslacht, "
        "aanmaakdatum FROM raw.clienten ORDER BY regel",
    ) == [
        ("Clienten", 2, pseudo("C1"), bsn_pseudoniem(SLEUTEL, "111222333"), False, D(1980, 2, 1), "Man", D(2023, 3, 15)),
        ("Clienten", 3, pseudo("C2"), None, False, D(2023, 1, 1), "Vrouw", D(2020, 1, 15)),
        ("Clienten", 5, pseudo("C3"), None, False, D(1990, 2, 1), "Vrouw", D(2020, 5, 6)),
    ]
    assert rijen(con, "SELECT systeemcasus, aantal_kinderen, startdatum FROM raw.trajecten") == [(True, 2, D(2024, 3, 1))]
    assert rijen(con, "SELECT maand, uren FROM raw.inzet ORDER BY regel") == [
        (D(2024, 7, 1), 12.5), (D(2024, 7, 1), 3.0), (D(2024, 8, 1), 1.5),
    ]
    assert rijen(con, "SELECT aanbieder_code, aanbieder_naam, leverdatum, peildatum, spec_versie, bronvorm FROM raw.leveringen") == [
        ("binnenvest", "Stichting De Binnenvest", D(2026, 10, 15), D(2026, 9, 30), "1", "xlsx")
    ]
    assert rijen(con, "SELECT codering, scheidingsteken FROM raw.leverbestanden WHERE bestand = 'clienten'") == [("xlsx", None)]


def test_xlsx_regel_met_waarden_buiten_de_kop(tmp_path, con):
    pad = schrijf_werkmap(tmp_path / f"{NAAM}.xlsx", {
        "levering": LEVERINGBLAD,
        **{b: [kopregel(b)] for b in ("aanmeldingen", "trajecten", "woonvormen", "zrm_metingen")},
        "clienten": [kopregel("clienten"), ["C1", None, "1-2-1980", "Man", "2020-01-01", None, "te veel"]],
    })
    laad(con, pad)
    assert quarantaine(con) == [("clienten", 2, None, "aantal velden klopt niet met de kopregel")]
