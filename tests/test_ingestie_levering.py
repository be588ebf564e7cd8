"""A delivery as a whole: finding it, loading it once, its hash, unreadable deliveries
(all or nothing, recorded, not retried unchanged) and privacy of the stored data."""

from __future__ import annotations

import random
import zipfile

import duckdb
import pytest
from openpyxl import Workbook

from opvangmonitor.ingestie import BestandResultaat, LeveringFout, LeveringResultaat, ReconciliatieFout, scan_landing
from opvangmonitor.ingestie.bronnen import levering_hash
from opvangmonitor.ingestie.tabel import Telling
from test_ingestie_hulp import (
    LEVERING,
    NAAM,
    aanlevering,
    bestanden,
    kop,
    laad,
    pseudo,
    rijen,
    schrijf_map,
    tellingen,
    zip_van,
)

CLIENTEN = kop("clienten") + "\nC1,111222333,1-2-1980,Man,2020-01-01\nC2,,1-2-1981,Vrouw,2020-01-01\n"


@pytest.fixture
def con():
    c = duckdb.connect()
    yield c
    c.close()


def test_scan_landing_sorteert_en_waarschuwt(tmp_path):
    (tmp_path / "b_20261015").mkdir()
    (tmp_path / "a_20261015.zip").write_bytes(b"")
    (tmp_path / "a_20261015.XLSX").write_bytes(b"")
    (tmp_path / "regios.yml").write_text("x")
    (tmp_path / "notities.txt").write_text("x")
    (tmp_path / "~$a_20261015.xlsx").write_bytes(b"")
    (tmp_path / ".verborgen").mkdir()
    aanleveringen, waarschuwingen = scan_landing(tmp_path)
    assert [(a.naam, a.bronvorm, a.pad.name) for a in aanleveringen] == [
        ("a_20261015", "xlsx", "a_20261015.XLSX"),
        ("a_20261015", "zip", "a_20261015.zip"),
        ("b_20261015", "map", "b_20261015"),
    ]
    assert waarschuwingen == [
        ".verborgen genegeerd: verborgen map, geen levering",
        "notities.txt genegeerd: geen levering (verwacht een map, .zip of .xlsx)",
        "regios.yml genegeerd: geen levering",
        "~$a_20261015.xlsx genegeerd: tijdelijk bestand van Excel, geen levering",
    ]


def test_samenvatting():
    r = LeveringResultaat(
        "binnenvest_20261015.zip", "binnenvest_20261015_abcdefabcdef", "binnenvest", "geladen",
        [BestandResultaat("clienten", True, 12000, 11960, 40), BestandResultaat("trajecten", True, 345, 340, 5),
         BestandResultaat("kosten", False, 0, 0, 0)],
    )
    assert r.samenvatting() == "binnenvest_20261015.zip: geladen — 12.345 rijen gelezen, 12.300 geladen, 45 in quarantaine"


def test_voortgang_per_bestand(tmp_path, con):
    meldingen = []
    laad(con, schrijf_map(tmp_path, bestanden(clienten=CLIENTEN)), voortgang=meldingen.append)
    assert f"{NAAM}, clienten.csv: 2 rijen gelezen, 2 geladen, 0 in quarantaine" in meldingen
    assert f"{NAAM}, zrm_metingen.csv: 0 rijen gelezen, 0 geladen, 0 in quarantaine" in meldingen
    assert not any("kosten" in m for m in meldingen)


def test_zelfde_levering_twee_keer_is_al_geladen(tmp_path, con):
    map_ = schrijf_map(tmp_path, bestanden(clienten=CLIENTEN))
    eerste = laad(con, map_)
    voor = tellingen(con)
    tweede = laad(con, map_)
    assert (tweede.status, tweede.levering_id, tweede.aanbieder_code) == ("al geladen", eerste.levering_id, "binnenvest")
    assert tweede.bestanden == []
    assert tellingen(con) == voor
    assert voor["leveringen"] == 1 and voor["clienten"] == 2


def test_map_en_zip_van_dezelfde_inhoud_hebben_dezelfde_hash(tmp_path, con):
    map_ = schrijf_map(tmp_path / "bron", bestanden(clienten=CLIENTEN))
    (tmp_path / "z1").mkdir()
    (tmp_path / "z2").mkdir()
    met_map = zip_van(map_, tmp_path / "z1" / f"{NAAM}.zip", met_map=True)
    zonder_map = zip_van(map_, tmp_path / "z2" / f"{NAAM}.zip", met_map=False)
    (tmp_path / "z3").mkdir()
    with zipfile.ZipFile(tmp_path / "z3" / f"{NAAM}.zip", "w") as zf:  # with operating-system clutter
        for p in sorted(map_.iterdir()):
            zf.write(p, f"{NAAM}/{p.name}")
        zf.writestr("__MACOSX/._clienten.csv", b"x")
        zf.writestr(f"{NAAM}/.DS_Store", b"x")
    h = levering_hash(aanlevering(map_))
    assert len(h) == 64
    assert levering_hash(aanlevering(met_map)) == h
    assert levering_hash(aanlevering(zonder_map)) == h
    assert levering_hash(aanlevering(tmp_path / "z3" / f"{NAAM}.zip")) == h
    eerste = laad(con, map_)
    assert eerste.levering_id == f"binnenvest_20261015_{h[:12]}"
    tweede = laad(con, met_map)
    assert (tweede.status, tweede.levering_id) == ("al geladen", eerste.levering_id)
    (map_ / "clienten.csv").write_text(CLIENTEN + "C3,,1-2-1982,Man,2020-01-01\n")
    assert levering_hash(aanlevering(map_)) != h


def _werkmap(pad, bladen):
    wb = Workbook()
    wb.remove(wb.active)
    for titel, regels in bladen.items():
        ws = wb.create_sheet(titel)
        for regel in regels:
            ws.append(regel)
    wb.save(pad)
    return pad


def _zip_zonder_levering_json(tmp_path):
    map_ = schrijf_map(tmp_path / "bron", bestanden(clienten=CLIENTEN), levering=None)
    (tmp_path / "landing").mkdir()
    return zip_van(map_, tmp_path / "landing" / f"{NAAM}.zip")


def _zonder(bestand):
    def maak(tmp_path):
        inhoud = bestanden(clienten=CLIENTEN)
        del inhoud[bestand]
        return schrijf_map(tmp_path, inhoud)
    return maak


def _met(**inhoud):
    return lambda tmp_path: schrijf_map(tmp_path, bestanden(**inhoud))


def _levering(waarde, naam=NAAM):
    return lambda tmp_path: schrijf_map(tmp_path, bestanden(clienten=CLIENTEN), naam=naam, levering=waarde)


ONZIN = random.Random(7).randbytes(3000)

MISLUKT = {
    "zip-zonder-levering-json": (_zip_zonder_levering_json, "levering.json", "ontbreekt: de zip bevat geen levering.json"),
    "verplicht-bestand-ontbreekt": (_zonder("woonvormen.csv"), "woonvormen.csv", "verplicht bestand ontbreekt"),
    "kop-mist-verplichte-kolom": (
        _met(clienten="client_id,bsn,geboortedatum,aanmaakdatum\nC1,,1-2-1980,2020-01-01\n"),
        "clienten.csv", "kopregel mist verplichte kolom geslacht",
    ),
    "geen-kopregel": (
        _met(clienten="C1,111222333,1-2-1980,Man,2020-01-01\n"),
        "clienten.csv", "kopregel mist verplichte kolommen client_id, geboortedatum, geslacht, aanmaakdatum",
    ),
    "kolom-dubbel": (
        _met(clienten=kop("clienten") + ",Client_ID\n"), "clienten.csv", "kolom 'client_id' komt meer dan eens voor",
    ),
    "geen-csv": (_met(clienten=ONZIN), "clienten.csv", "geen CSV-bestand"),
    "leeg-bestand": (_met(zrm_metingen=""), "zrm_metingen.csv", "bestand is leeg: geen kopregel gevonden"),
    "aanhalingsteken-niet-gesloten": (
        _met(clienten=kop("clienten") + '\nC1,,1-2-1980,Man,2020-01-01\nC2,"open,1-2-1980,Man,2020-01-01\n'),
        "clienten.csv", "aanhalingsteken wordt niet gesloten (einde van het bestand binnen een veld) in de rij die begint op regel 3",
    ),
    "laat-onleesbaar-bestand": (_met(clienten=CLIENTEN, kosten=ONZIN), "kosten.csv", "geen CSV-bestand"),
    "geen-xlsx": (
        lambda tmp_path: (tmp_path / f"{NAAM}.xlsx").write_bytes(b"client_id;bsn\n") and tmp_path / f"{NAAM}.xlsx",
        f"{NAAM}.xlsx", "geen geldige Excel-werkmap",
    ),
    "xlsx-zonder-leveringblad": (
        lambda tmp_path: _werkmap(tmp_path / f"{NAAM}.xlsx", {"clienten": [kop("clienten").split(",")]}),
        f"{NAAM}.xlsx", "werkmap mist het tabblad 'levering'",
    ),
    "naam-volgt-patroon-niet": (_levering(LEVERING, naam="Binnenvest oktober"), None, "volgt niet het patroon"),
    "aanbieder-code-wijkt-af": (
        _levering({**LEVERING, "aanbieder_code": "anker"}), "levering.json",
        "aanbieder_code 'anker' komt niet overeen met de naam van de levering",
    ),
    "leverdatum-wijkt-af": (
        _levering({**LEVERING, "leverdatum": "16-10-2026"}), "levering.json",
        "leverdatum 16-10-2026 komt niet overeen met de naam van de levering",
    ),
    "peildatum-ontbreekt": (
        _levering({k: v for k, v in LEVERING.items() if k != "peildatum"}), "levering.json",
        "verplicht veld ontbreekt: peildatum",
    ),
    "levering-json-ongeldig": (_levering('{"aanbieder_code": "binnenvest",'), "levering.json", "geen geldige JSON"),
}


@pytest.mark.parametrize("geval", list(MISLUKT), ids=list(MISLUKT))
def test_onleesbare_levering(tmp_path, con, geval):
    maak, bestand, melding = MISLUKT[geval]
    anker = {**LEVERING, "aanbieder_code": "anker", "leverdatum": "2026-10-01"}
    laad(con, schrijf_map(tmp_path / "eerder", bestanden(clienten=CLIENTEN), naam="anker_20261001", levering=anker))
    voor = tellingen(con)
    pad = maak(tmp_path)
    bron = pad.name

    with pytest.raises(LeveringFout) as fout:
        laad(con, pad)
    assert (fout.value.bron, fout.value.bestand) == (bron, bestand)
    assert melding in fout.value.melding
    assert str(fout.value).startswith(f"Levering {bron}")
    if bestand:
        assert f"bestand {bestand}" in str(fout.value)
    assert "111222333" not in str(fout.value)  # a data row taken for a header is not quoted
    assert tellingen(con) == voor  # nothing written, also not by files read before the failure
    assert rijen(con, "SELECT bron, bestand, fout FROM raw.leveringen_mislukt") == [(bron, bestand, str(fout.value))]

    tweede = laad(con, pad)
    assert tweede.status == "eerder mislukt"
    assert str(fout.value) in tweede.melding
    assert tellingen(con) == voor
    assert rijen(con, "SELECT count(*) FROM raw.leveringen_mislukt") == [(1,)]


def test_gewijzigde_levering_na_mislukking_wordt_opnieuw_geprobeerd(tmp_path, con):
    map_ = schrijf_map(tmp_path, _zonder_woonvormen())
    with pytest.raises(LeveringFout):
        laad(con, map_)
    (map_ / "woonvormen.csv").write_text(kop("woonvormen") + "\n")
    assert laad(con, map_).status == "geladen"


def _zonder_woonvormen():
    inhoud = bestanden(clienten=CLIENTEN)
    del inhoud["woonvormen.csv"]
    return inhoud


def test_reconciliatiefout_rolt_terug(tmp_path, con, monkeypatch):
    from opvangmonitor.ingestie import laden

    echte = laden.laad_tabel

    def kapot(*args, **kwargs):
        t = echte(*args, **kwargs)
        return Telling(t.gelezen + 1, t.geladen, t.quarantaine)

    monkeypatch.setattr(laden, "laad_tabel", kapot)
    with pytest.raises(ReconciliatieFout, match="clienten.csv: 3 rijen gelezen maar 2 geladen"):
        laad(con, schrijf_map(tmp_path, bestanden(clienten=CLIENTEN)))
    assert all(n == 0 for n in tellingen(con).values())
    assert rijen(con, "SELECT count(*) FROM raw.leveringen_mislukt") == [(0,)]


def test_genegeerde_bestanden_en_spec_versie_in_melding(tmp_path, con):
    r = laad(con, schrijf_map(
        tmp_path, bestanden(clienten=CLIENTEN, **{"leesmij.txt": "x"}), levering={**LEVERING, "spec_versie": "2"}
    ))
    assert r.status == "geladen"
    assert r.melding == "genegeerd: leesmij.txt; spec_versie 2 gelezen als versie 1"


def test_geen_bsn_en_geen_ruwe_client_id_in_het_duckdb_bestand(tmp_path):
    ids = [f"KLANT-{i:04d}" for i in range(1, 6)]
    bsns = ["111222333", "123456782", "123456789", "1234.56.782"]
    clienten = (
        " Client_ID ,BSN,geboortedatum,geslacht,aanmaakdatum\n"
        f"{ids[0]},{bsns[0]},1-2-1980,Man,2020-01-01\n"
        f"{ids[1]},{bsns[1]},xx,Man,2020-01-01\n"  # quarantined: bad date
        f"{ids[2]},{bsns[2]},1-2-1980,Man\n"  # quarantined: too few fields
        f"{ids[3]},{bsns[3]},1-2-1980,Man,2020-01-01,{bsns[0]},{ids[0]}\n"  # too many fields
        f"{ids[0]},{bsns[0]},1-2-1980,Man,2020-01-01\n"  # duplicate key
    )
    aanmeldingen = kop("aanmeldingen") + ",bsn\n" + f"A1,{ids[4]},1-1-2024,Leiden,,,,,,{bsns[1]}\n"
    kosten = kop("kosten") + ",client_id\n2024,H1,Subsidie,Huisvesting,100," + ids[4] + "\n"
    woonvormen = kop("woonvormen") + "\n" + f"{ids[1]},T1,Nachtopvang,,2024-01-01,\n" + f",T1,Nachtopvang,,2024-01-01,\n"
    db = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(db))
    laad(con, schrijf_map(tmp_path, bestanden(clienten=clienten, aanmeldingen=aanmeldingen, kosten=kosten, woonvormen=woonvormen)))
    con.close()

    con = duckdb.connect(str(db), read_only=True)
    # the data is there, pseudonymised
    assert rijen(con, "SELECT client_pseudoniem FROM raw.clienten") == [(pseudo(ids[0]),)]
    # identifying columns that the contract does not have in that file are replaced too
    assert rijen(con, "SELECT extra_kolommen FROM raw.kosten") == [('{"client_id":"' + pseudo(ids[4]) + '"}',)]
    assert rijen(con, "SELECT client_pseudoniem, extra_kolommen FROM raw.aanmeldingen") == [(pseudo(ids[4]), '{"bsn":"***"}')]
    assert rijen(con, "SELECT count(*) FROM raw.quarantaine") == [(5,)]
    kolommen = rijen(
        con,
        "SELECT schema_name, table_name, column_name FROM duckdb_columns() "
        "WHERE data_type = 'VARCHAR' AND database_name = 'warehouse'",
    )
    assert len(kolommen) > 50
    gevonden = []
    for schema, tabel, kolom in kolommen:
        for geheim in ids + bsns:
            n = con.execute(
                f'SELECT count(*) FROM "{schema}"."{tabel}" WHERE contains("{kolom}", ?)', [geheim]
            ).fetchone()[0]
            if n:
                gevonden.append((schema, tabel, kolom, geheim))
    assert gevonden == []
    con.close()
