"""The catalogue of bad input: every kind of bad row and bad file the monitor handles,
with the reason (quarantine) or message (failed delivery) it gets (aanlevering.md §6).

The test ids are the catalogue:

    .venv/bin/pytest tests/test_slechte_invoer.py --collect-only -q

`rij:` a bad row: quarantined with file, line, field and reason; the other rows of the
file are loaded and rows read = loaded + quarantined. `geladen:` a doubtful value that is
not a reason for quarantine: the row is loaded. `bestand:` the delivery cannot be read: it
fails with a message naming the file and the problem, and the raw tables stay as they
were. The failed-delivery kinds of test_ingestie_levering.py (where each is also tested
for being recorded and not retried) are part of the catalogue as they are defined there.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import duckdb
import pytest

from opvangmonitor.contract import contract
from opvangmonitor.ingestie import LeveringFout
from opvangmonitor.ingestie.regels import AANTAL_VELDEN, DATUMVOLGORDE, DUBBEL, VERPLICHT
from opvangmonitor.ingestie.typering import TYPEFOUT
from test_ingestie_hulp import (
    LEVERING,
    NAAM,
    bestanden,
    kop,
    laad,
    pseudo,
    rijen,
    schrijf_map,
    schrijf_werkmap,
    tellingen,
)
from test_ingestie_levering import CLIENTEN, MISLUKT

CLIENT = "KLANT-4711"  # the delivered client_id of every bad row
BSN = "111222333"  # passes the elfproef

# A valid row per file; a bad row is one of these with a value changed. Files without a
# BSN in the contract get an extra column `bsn` (masked as identifying all the same).
GOED = {
    "clienten": {
        "client_id": CLIENT, "bsn": BSN, "geboortedatum": "1-2-1980", "geslacht": "Man", "aanmaakdatum": "2020-01-01",
    },
    "trajecten": {
        "traject_id": "T1", "client_id": CLIENT, "doelgroep": "Inloop", "systeemcasus": "ja", "startdatum": "01-01-2024",
        "bsn": BSN,
    },
    "zrm_metingen": {
        "meting_id": "M1", "client_id": CLIENT, "traject_id": "T1", "meetdatum": "2024-01-01",
        "soort_meting": "nulmeting", "financien": "3", "bsn": BSN,
    },
    "inzet": {"traject_id": "T1", "client_id": CLIENT, "product": "Briefadres", "maand": "2024-07", "uren": "12,5", "bsn": BSN},
}


def kolommen(bestand: str) -> list[str]:
    namen = contract().bestanden[bestand].veldnamen
    return namen if "bsn" in namen else namen + ["bsn"]


def regel(bestand: str, **anders: str) -> str:
    """A `;`-separated row of the file: the valid row with `anders` changed."""
    waarden = {**GOED[bestand], **anders}
    return ";".join(waarden.get(k, "") for k in kolommen(bestand))


def csv_bestand(bestand: str, *regels: str) -> str:
    return ";".join(kolommen(bestand)) + "\n" + "".join(r + "\n" for r in regels)


# The valid first row of every file (its own key).
EERSTE = {"clienten": {"client_id": "K0"}, "trajecten": {"traject_id": "T0"}, "zrm_metingen": {"meting_id": "M0"}, "inzet": {}}


def met_rijen(bestand: str, *regels: str) -> Callable[[Path], Path]:
    """A delivery whose `bestand` holds a valid row (line 2) and then `regels`."""
    eerste = regel(bestand, **EERSTE[bestand])
    return lambda tmp_path: schrijf_map(tmp_path, bestanden(**{bestand: csv_bestand(bestand, eerste, *regels)}))


def werkmap_te_veel_waarden(tmp_path: Path) -> Path:
    blad = {b: [kop(b).split(",")] for b in ("clienten", "aanmeldingen", "trajecten", "woonvormen", "zrm_metingen")}
    blad["trajecten"] += [
        ["T0", "K0", None, "Inloop", "ja", None, "2024-01-01"],
        ["T1", CLIENT, None, "Inloop", "ja", None, "2024-01-01", None, None, None, None, None, None, None, BSN, CLIENT],
    ]
    levering = [["sleutel", "waarde"], *([k, w] for k, w in LEVERING.items())]
    return schrijf_werkmap(tmp_path / f"{NAAM}.xlsx", {"levering": levering, **blad})


@dataclass(frozen=True)
class Soort:
    niveau: str  # rij | geladen | bestand
    naam: str
    maak: Callable[[Path], Path]  # writes the delivery under tmp_path, returns its path
    bestand: str | None  # file (or sheet) as delivered, named in quarantine or in the message
    melding: str  # rij: the reason; bestand: (part of) the message; geladen: what happens
    regel: int | None = None  # rij: the line in quarantine
    veld: str | None = None  # rij: the field in quarantine
    sql: str | None = None  # geladen: query on raw ...
    verwacht: list | None = None  # ... and its result

    @property
    def id(self) -> str:
        waar = {
            "rij": f" ({self.veld or 'geen veld'}, regel {self.regel})",
            "bestand": f" ({self.bestand or 'de levering als geheel'})",
        }.get(self.niveau, "")
        tekst = f"{self.niveau}:{self.naam} -> {self.melding}{waar}"
        tekst = tekst.replace("–", "-").replace("≥", ">=")
        return unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode("ascii")


AANTAL = "aantal velden klopt niet met de kopregel"

RIJEN = [
    Soort("rij", "verplicht-veld-ontbreekt", met_rijen("trajecten", regel("trajecten", doelgroep="")),
          "trajecten.csv", "verplicht veld ontbreekt", 3, "doelgroep"),
    Soort("rij", "verplicht-veld-alleen-spaties", met_rijen("clienten", regel("clienten", geslacht=" \t ")),
          "clienten.csv", "verplicht veld ontbreekt", 3, "geslacht"),
    Soort("rij", "onleesbare-datum", met_rijen("clienten", regel("clienten", geboortedatum="31-02-1980")),
          "clienten.csv", "ongeldige datum", 3, "geboortedatum"),
    Soort("rij", "onleesbare-maand", met_rijen("inzet", regel("inzet", maand="2024-13")),
          "inzet.csv", "ongeldige datum", 3, "maand"),
    Soort("rij", "onleesbaar-geheel-getal", met_rijen("trajecten", regel("trajecten", aantal_kinderen="twee")),
          "trajecten.csv", "ongeldig getal", 3, "aantal_kinderen"),
    Soort("rij", "onleesbaar-decimaal-getal", met_rijen("inzet", regel("inzet", uren="1.000,5")),
          "inzet.csv", "ongeldig getal", 3, "uren"),
    Soort("rij", "onleesbare-ja-nee-waarde", met_rijen("trajecten", regel("trajecten", systeemcasus="misschien")),
          "trajecten.csv", "ongeldige ja/nee-waarde", 3, "systeemcasus"),
    Soort("rij", "score-buiten-bereik", met_rijen("zrm_metingen", regel("zrm_metingen", financien="6")),
          "zrm_metingen.csv", "waarde buiten bereik (1–5)", 3, "financien"),
    Soort("rij", "negatieve-uren", met_rijen("inzet", regel("inzet", uren="-2,5")),
          "inzet.csv", "waarde buiten bereik (≥ 0)", 3, "uren"),
    Soort("rij", "einddatum-voor-startdatum",
          met_rijen("trajecten", regel("trajecten", startdatum="01-03-2024", einddatum="29-02-2024")),
          "trajecten.csv", "einddatum vóór startdatum (einddatum ligt vóór startdatum)", 3, "startdatum, einddatum"),
    Soort("rij", "dubbele-sleutel", met_rijen("trajecten", regel("trajecten", traject_id=" T0 ")),
          "trajecten.csv", "dubbele sleutel; eerste voorkomen op regel 2 behouden", 3, "traject_id"),
    Soort("rij", "te-weinig-velden", met_rijen("trajecten", f"T1;{BSN};{CLIENT};Inloop;ja"),
          "trajecten.csv", AANTAL, 3),
    Soort("rij", "te-veel-velden", met_rijen("trajecten", regel("trajecten") + f";{BSN};{CLIENT}"),
          "trajecten.csv", AANTAL, 3),
    Soort("rij", "te-veel-waarden-in-werkmap", werkmap_te_veel_waarden, "trajecten", AANTAL, 3),
]

GELADEN = [
    Soort("geladen", "code-buiten-codelijst", met_rijen("trajecten", regel("trajecten", doelgroep="Daklozenopvang")),
          None, "geladen zoals geleverd; staging maakt er Onbekend van",
          sql="SELECT regel, doelgroep FROM raw.trajecten ORDER BY regel",
          verwacht=[(2, "Inloop"), (3, "Daklozenopvang")]),
    Soort("geladen", "bsn-zonder-elfproef", met_rijen("clienten", regel("clienten", client_id="K9", bsn="123456789")),
          None, "geladen met bsn_elfproef_ongeldig, zonder bsn_pseudoniem",
          sql="SELECT regel, client_pseudoniem, bsn_pseudoniem IS NULL, bsn_elfproef_ongeldig FROM raw.clienten ORDER BY regel",
          verwacht=[(2, pseudo("K0"), False, False), (3, pseudo("K9"), True, True)]),
]


def _map(naam: str = NAAM, levering=LEVERING, **inhoud) -> Callable[[Path], Path]:
    return lambda tmp_path: schrijf_map(tmp_path, bestanden(**{"clienten": CLIENTEN, **inhoud}), naam=naam, levering=levering)


def _levering_json_bytes(data: bytes) -> Callable[[Path], Path]:
    def maak(tmp_path: Path) -> Path:
        map_ = schrijf_map(tmp_path, bestanden(clienten=CLIENTEN), levering=None)
        (map_ / "levering.json").write_bytes(data)
        return map_
    return maak


def _geen_zip(tmp_path: Path) -> Path:
    pad = tmp_path / f"{NAAM}.zip"
    pad.write_bytes(b"PK\x03\x04 dit is geen zip")
    return pad


def _werkmap(levering_blad: list[list], weglaten: str | None = None) -> Callable[[Path], Path]:
    def maak(tmp_path: Path) -> Path:
        bladen = {b: [kop(b).split(",")] for b in ("clienten", "aanmeldingen", "trajecten", "woonvormen", "zrm_metingen")}
        bladen.pop(weglaten, None)
        return schrijf_werkmap(tmp_path / f"{NAAM}.xlsx", {"levering": levering_blad, **bladen})
    return maak


LEVERINGBLAD = [["sleutel", "waarde"], *([k, w] for k, w in LEVERING.items())]

# Failed-delivery kinds not already in test_ingestie_levering.MISLUKT.
BESTANDEN = [
    Soort("bestand", "levering-json-ontbreekt", _map(levering=None), "levering.json", "ontbreekt"),
    Soort("bestand", "levering-json-geen-object", _map(levering="[1, 2]"), "levering.json",
          "verwacht een JSON-object met de velden van de levering"),
    Soort("bestand", "levering-json-geen-utf8",
          _levering_json_bytes(json.dumps({**LEVERING, "aanbieder_naam": "Café"}, ensure_ascii=False).encode("cp1252")),
          "levering.json", "geen geldige JSON: de tekst is geen UTF-8"),
    Soort("bestand", "peildatum-onleesbaar", _map(levering={**LEVERING, "peildatum": "gisteren"}), "levering.json",
          "ongeldige datum in veld peildatum: 'gisteren'"),
    Soort("bestand", "naam-met-onmogelijke-leverdatum",
          _map(naam="binnenvest_20261399", levering={**LEVERING, "leverdatum": "2026-13-99"}), None,
          "de naam 'binnenvest_20261399' bevat geen geldige leverdatum"),
    Soort("bestand", "bestand-twee-keer", _map(**{"CLIENTEN.csv": CLIENTEN}), "clienten.csv",
          "bestand komt twee keer voor (CLIENTEN.csv en clienten.csv)"),
    Soort("bestand", "tekens-na-sluitend-aanhalingsteken",
          _map(clienten=kop("clienten") + '\n"C1"x,,1-2-1980,Man,2020-01-01\n'), "clienten.csv",
          "tekens direct na een sluitend aanhalingsteken in de rij die begint op regel 2"),
    Soort("bestand", "geen-zip", _geen_zip, f"{NAAM}.zip", "geen geldig zip-bestand"),
    Soort("bestand", "werkmap-mist-verplicht-tabblad", _werkmap(LEVERINGBLAD, weglaten="zrm_metingen"), "zrm_metingen",
          "verplicht bestand ontbreekt"),
    Soort("bestand", "leveringblad-zonder-sleutel-en-waarde",
          _werkmap([["veld", "inhoud"], *LEVERINGBLAD[1:]]), f"{NAAM}.xlsx (tabblad levering)",
          "het tabblad levering moet de kolommen sleutel en waarde hebben"),
] + [Soort("bestand", naam, maak, bestand, melding) for naam, (maak, bestand, melding) in MISLUKT.items()]

CATALOGUS = RIJEN + GELADEN + BESTANDEN


@pytest.fixture
def con():
    c = duckdb.connect()
    yield c
    c.close()


def test_catalogus_heeft_elke_reden_van_de_rijregels():
    namen = [s.naam for s in CATALOGUS]
    assert len(namen) == len(set(namen))
    redenen = {s.melding for s in RIJEN}
    soorten = [AANTAL_VELDEN, VERPLICHT, *TYPEFOUT.values(), "waarde buiten bereik", DATUMVOLGORDE, DUBBEL.split("{")[0]]
    assert [s for s in soorten if not any(r.startswith(s) for r in redenen)] == []


@pytest.mark.parametrize("soort", CATALOGUS, ids=[s.id for s in CATALOGUS])
def test_slechte_invoer(tmp_path, con, soort: Soort):
    if soort.niveau == "bestand":
        anker = {**LEVERING, "aanbieder_code": "anker", "leverdatum": "2026-10-01"}
        laad(con, schrijf_map(tmp_path / "eerder", bestanden(clienten=CLIENTEN), naam="anker_20261001", levering=anker))
        voor = tellingen(con)
        pad = soort.maak(tmp_path)
        with pytest.raises(LeveringFout) as fout:
            laad(con, pad)
        assert (fout.value.bron, fout.value.bestand) == (pad.name, soort.bestand)
        assert soort.melding in fout.value.melding
        assert str(fout.value).startswith(f"Levering {pad.name}" + (f", bestand {soort.bestand}: " if soort.bestand else ": "))
        assert tellingen(con) == voor
        return

    resultaat = laad(con, soort.maak(tmp_path))
    assert resultaat.status == "geladen"
    assert resultaat.gelezen == resultaat.geladen + resultaat.quarantaine
    if soort.niveau == "geladen":
        assert rijen(con, "SELECT count(*) FROM raw.quarantaine") == [(0,)]
        assert rijen(con, soort.sql) == soort.verwacht
        return
    assert rijen(con, "SELECT bestand, regel, veld, reden FROM raw.quarantaine") == [
        (soort.bestand, soort.regel, soort.veld, soort.melding)
    ]
    gelezen = soort.regel - 1  # the bad row is the last row of its file, without blank lines
    assert rijen(
        con, "SELECT rijen_gelezen, rijen_geladen, rijen_quarantaine FROM raw.leverbestanden WHERE rijen_gelezen > 0"
    ) == [(gelezen, gelezen - 1, 1)]


@pytest.mark.parametrize("soort", RIJEN, ids=[s.naam for s in RIJEN])
def test_ruwe_waarden_zonder_client_id_of_bsn(tmp_path, con, soort: Soort):
    laad(con, soort.maak(tmp_path))
    (ruw,) = rijen(con, "SELECT ruwe_waarden FROM raw.quarantaine")
    waarden = json.loads(ruw[0])
    assert CLIENT not in ruw[0] and BSN not in ruw[0]
    # the row did hold both, hidden: the client_id as its pseudonym, the BSN as ***
    assert pseudo(CLIENT) in waarden.values() and "***" in waarden.values()
