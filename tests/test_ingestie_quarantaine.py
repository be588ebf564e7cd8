"""Row rules of aanlevering.md §6: every reason with its field and line, one reason per
row in the documented order, the raw values pseudonymised, and the reconciliation."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from test_ingestie_hulp import bestanden, kop, laad, pseudo, quarantaine, rijen, ruwe_waarden, schrijf_map

D = dt.date

TRAJECTEN = (
    "traject_id;client_id;doelgroep;systeemcasus;aantal_kinderen;startdatum;einddatum;opmerking\n"  # 1
    'T1;K1;Inloop;ja;2;01-01-2024;;"regel\n'  # 2
    'met overgang"\n'  # 3
    "T2;K1;;ja;;01-01-2024;;\n"  # 4
    "T3;K1;Inloop;ja;;31-02-2024;;\n"  # 5
    "T4;K1;Inloop;ja;twee;01-01-2024;;\n"  # 6
    "T5;K1;Inloop;misschien;;01-01-2024;;\n"  # 7
    "T6;K1;Inloop;ja;-1;01-01-2024;;\n"  # 8
    "T7;K1;Inloop;ja;;01-03-2024;29-02-2024;\n"  # 9
    "T1;K2;Inloop;nee;;01-01-2024;;\n"  # 10
    "T8;K1;Inloop;ja;;01-01-2024\n"  # 11
    "T9;;;ja;;xx;;\n"  # 12
    "T10;K1;Inloop;ja;;2024-13-01;;\n"  # 13
    "T11;K1;Inloop;ja;;01-01-2024;01-01-2024;\n"  # 14
    "\n"  # 15
    "T12;K1;Inloop;ja;1,5;01-01-2024;;\n"  # 16
    "T3;K1;Inloop;ja;;01-01-2024;;\n"  # 17
)


@pytest.fixture
def con():
    c = duckdb.connect()
    yield c
    c.close()


@pytest.fixture
def trajecten(tmp_path, con):
    return laad(con, schrijf_map(tmp_path, bestanden(trajecten=TRAJECTEN)))


def test_elke_reden_met_veld_en_regel(trajecten, con):
    assert quarantaine(con, "trajecten.csv") == [
        ("trajecten.csv", 4, "doelgroep", "verplicht veld ontbreekt"),
        ("trajecten.csv", 5, "startdatum", "ongeldige datum"),
        ("trajecten.csv", 6, "aantal_kinderen", "ongeldig getal"),
        ("trajecten.csv", 7, "systeemcasus", "ongeldige ja/nee-waarde"),
        ("trajecten.csv", 8, "aantal_kinderen", "waarde buiten bereik (≥ 0)"),
        ("trajecten.csv", 9, "startdatum, einddatum", "einddatum vóór startdatum (einddatum ligt vóór startdatum)"),
        ("trajecten.csv", 10, "traject_id", "dubbele sleutel; eerste voorkomen op regel 2 behouden"),
        ("trajecten.csv", 11, None, "aantal velden klopt niet met de kopregel"),
        # client_id comes before doelgroep in the contract, 'required' before 'date'
        ("trajecten.csv", 12, "client_id", "verplicht veld ontbreekt"),
        ("trajecten.csv", 13, "startdatum", "ongeldige datum"),
        ("trajecten.csv", 16, "aantal_kinderen", "ongeldig getal"),
    ]


def test_geladen_rijen_en_regelnummers_na_meerregelig_veld(trajecten, con):
    # T3 on line 17 is kept: its first occurrence (line 5) was itself quarantined.
    assert rijen(con, "SELECT regel, traject_id, aantal_kinderen, einddatum, extra_kolommen FROM raw.trajecten ORDER BY regel") == [
        (2, "T1", 2, None, '{"opmerking":"regel\\nmet overgang"}'),
        (14, "T11", None, D(2024, 1, 1), '{"opmerking":""}'),
        (17, "T3", None, None, '{"opmerking":""}'),
    ]


def test_reconciliatie(trajecten, con):
    assert rijen(
        con, "SELECT aanwezig, rijen_gelezen, rijen_geladen, rijen_quarantaine FROM raw.leverbestanden WHERE bestand = 'trajecten'"
    ) == [(True, 14, 3, 11)]
    per_bestand = {b.bestand: (b.aanwezig, b.gelezen, b.geladen, b.quarantaine) for b in trajecten.bestanden}
    assert per_bestand["trajecten"] == (True, 14, 3, 11)
    assert per_bestand["clienten"] == (True, 0, 0, 0)
    assert per_bestand["kosten"] == (False, 0, 0, 0)
    assert (trajecten.gelezen, trajecten.geladen, trajecten.quarantaine) == (14, 3, 11)


def test_ruwe_waarden_zoals_geleverd_met_pseudoniem(trajecten, con):
    assert ruwe_waarden(con, "trajecten.csv", 6) == {
        "traject_id": "T4", "client_id": pseudo("K1"), "doelgroep": "Inloop", "systeemcasus": "ja",
        "aantal_kinderen": "twee", "startdatum": "01-01-2024", "einddatum": "", "opmerking": "",
    }
    # a row with too few fields: the values it has, under the header's names; as its
    # positions cannot be trusted, free text (which might be a client_id) is pseudonymised
    assert ruwe_waarden(con, "trajecten.csv", 11) == {
        "traject_id": pseudo("T8"), "client_id": pseudo("K1"), "doelgroep": "Inloop", "systeemcasus": "ja",
        "aantal_kinderen": "", "startdatum": "01-01-2024",
    }


def test_bsn_nooit_in_quarantaine(tmp_path, con):
    clienten = (
        " Client_ID ,bsn,geboortedatum,geslacht,aanmaakdatum\n"
        "C1,111222333,1-2-1980,,2020-01-01\n"  # missing geslacht
        "C2,123456782,1-2-1980,Man,2020-01-01,123456789\n"  # too many fields
    )
    laad(con, schrijf_map(tmp_path, bestanden(clienten=clienten)))
    assert quarantaine(con, "clienten.csv") == [
        ("clienten.csv", 2, "geslacht", "verplicht veld ontbreekt"),
        ("clienten.csv", 3, None, "aantal velden klopt niet met de kopregel"),
    ]
    assert ruwe_waarden(con, "clienten.csv", 2) == {
        "Client_ID": pseudo("C1"), "bsn": "***", "geboortedatum": "1-2-1980", "geslacht": "", "aanmaakdatum": "2020-01-01",
    }
    assert ruwe_waarden(con, "clienten.csv", 3) == {
        "Client_ID": pseudo("C2"), "bsn": "***", "geboortedatum": "1-2-1980", "geslacht": "Man",
        "aanmaakdatum": "2020-01-01", "kolom_6": "***",
    }


def test_bereik_van_scores_en_uren(tmp_path, con):
    zrm = (
        "meting_id,client_id,traject_id,meetdatum,soort_meting,financien,huisvesting,verslaving\n"
        "M1,K1,T1,2024-01-01,nulmeting,1,5,\n"
        "M2,K1,T1,2024-01-01,nulmeting,6,3,\n"
        "M3,K1,T1,2024-01-01,nulmeting,3,0,\n"
        "M4,K1,T1,2024-01-01,nulmeting,3,3,2.5\n"
    )
    inzet = kop("inzet", ";") + "\nT1;K1;Briefadres;2024-07;-2,5\nT1;K1;Briefadres;2024-07;1.000,5\nT1;K1;Briefadres;24-07;1\n"
    tevredenheid = "client_id,meetdatum,score\nK1,2024-01-01,11\nK1,2024-01-01,10\n"
    laad(con, schrijf_map(tmp_path, bestanden(zrm_metingen=zrm, inzet=inzet, tevredenheid=tevredenheid)))
    assert quarantaine(con) == [
        ("inzet.csv", 2, "uren", "waarde buiten bereik (≥ 0)"),
        ("inzet.csv", 3, "uren", "ongeldig getal"),
        ("inzet.csv", 4, "maand", "ongeldige datum"),
        ("tevredenheid.csv", 2, "score", "waarde buiten bereik (1–10)"),
        ("zrm_metingen.csv", 3, "financien", "waarde buiten bereik (1–5)"),
        ("zrm_metingen.csv", 4, "huisvesting", "waarde buiten bereik (1–5)"),
        ("zrm_metingen.csv", 5, "verslaving", "ongeldig getal"),
    ]
    assert rijen(con, "SELECT meting_id, financien, huisvesting, verslaving, adl FROM raw.zrm_metingen") == [
        ("M1", 1, 5, None, None)
    ]


def test_datumvolgorde_noemt_beide_velden(tmp_path, con):
    klachten = (
        kop("klachten_bezwaren") + "\n"
        "B1,klacht,K1,10-05-2024,Bejegening,Gegrond,09-05-2024\n"
        "B2,klacht,K1,10-05-2024,Bejegening,,\n"
    )
    laad(con, schrijf_map(tmp_path, bestanden(klachten_bezwaren=klachten)))
    assert quarantaine(con) == [
        ("klachten_bezwaren.csv", 2, "ontvangstdatum, afhandeldatum",
         "einddatum vóór startdatum (afhandeldatum ligt vóór ontvangstdatum)"),
    ]


def test_sleutel_vergelijkt_getypeerde_datums_en_codes_zonder_hoofdletters(tmp_path, con):
    voorzieningen = (
        kop("voorzieningen") + "\n"
        "L1,Huis,Nachtopvang,GM0484,10,01-07-2024,\n"
        "L1,Huis,Nachtopvang,GM0484,12,2024-07-01,\n"
        "L1,Huis,Nachtopvang,GM0484,12,2024-08-01,\n"
    )
    producten = (
        kop("producten") + "\n"
        "P1,T1,K1,Briefadres,2024-01-01,\n"
        "P2,T1,K1, briefadres ,1-1-2024,\n"
        "P3,T1,K1,Housing First,2024-01-01,\n"
    )
    laad(con, schrijf_map(tmp_path, bestanden(voorzieningen=voorzieningen, producten=producten)))
    assert quarantaine(con) == [
        ("producten.csv", 3, "traject_id, product, startdatum", "dubbele sleutel; eerste voorkomen op regel 2 behouden"),
        ("voorzieningen.csv", 3, "locatie_id, geldig_van", "dubbele sleutel; eerste voorkomen op regel 2 behouden"),
    ]
    assert rijen(con, "SELECT regel, capaciteit, geldig_van FROM raw.voorzieningen ORDER BY regel") == [
        (2, 10, D(2024, 7, 1)), (4, 12, D(2024, 8, 1)),
    ]
