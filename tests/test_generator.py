"""The synthetic delivery generator: determinism, contract conformity, format variants,
snapshot semantics and realistic proportions."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
import yaml

from opvangmonitor.contract import contract
from opvangmonitor.generator import genereer
from opvangmonitor.generator.genereer import aanbieders, verdeling
from opvangmonitor.generator.bezetting import Bezetting
from opvangmonitor.generator.gemeenten import NAMEN
from opvangmonitor.generator.reis import Locatie
from opvangmonitor.pseudoniem import elfproef
from opvangmonitor.regios import lees_regios

CLIENTEN = 1000
PEIL_VROEG, PEIL_LAAT = date(2025, 12, 31), date(2026, 9, 30)


# -- reading a delivery back, in every form ---------------------------------------------
class Bestand:
    def __init__(self, kop, rijen, ruw: bytes | None = None, scheiding: str | None = None):
        self.kop, self.rijen, self.ruw, self.scheiding = kop, rijen, ruw, scheiding

    def dicts(self) -> list[dict]:
        namen = [k.strip().lower() if isinstance(k, str) else k for k in self.kop]
        return [dict(zip(namen, r)) for r in self.rijen]


def _csv(ruw: bytes) -> Bestand:
    if ruw.startswith(b"\xef\xbb\xbf"):
        tekst = ruw[3:].decode("utf-8")
    else:
        try:
            tekst = ruw.decode("utf-8")
        except UnicodeDecodeError:
            tekst = ruw.decode("cp1252")
    scheiding = ";" if ";" in tekst.split("\n", 1)[0] else ","
    rijen = list(csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding))
    return Bestand(rijen[0], rijen[1:], ruw, scheiding)


def lees_levering(pad: Path) -> tuple[dict, dict[str, Bestand]]:
    """(levering fields, file name without extension -> Bestand)"""
    if pad.is_dir():
        delen = {p.name: p.read_bytes() for p in pad.iterdir()}
    elif pad.suffix == ".zip":
        with zipfile.ZipFile(pad) as z:
            delen = {Path(n).name: z.read(n) for n in z.namelist()}
    else:
        wb = openpyxl.load_workbook(pad, read_only=True)
        bladen = {b: [list(r) for r in wb[b].iter_rows(values_only=True)] for b in wb.sheetnames}
        levering = {k: v for k, v in bladen.pop("levering")[1:]}
        return levering, {b: Bestand(r[0], r[1:]) for b, r in bladen.items()}
    levering = json.loads(delen.pop("levering.json"))
    return levering, {Path(n).stem: _csv(b) for n, b in delen.items()}


def alle_bestanden(map_: Path) -> dict[str, bytes]:
    return {str(p.relative_to(map_)): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


# -- fixtures -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def gemengd(tmp_path_factory):
    out = tmp_path_factory.mktemp("gemengd")
    return genereer(out, seed=7, clients=CLIENTEN), out


@pytest.fixture(scope="module")
def netjes(tmp_path_factory):
    out = tmp_path_factory.mktemp("netjes")
    r = genereer(out, seed=7, clients=CLIENTEN, formaat="netjes")
    return r, {l.pad.name: (l, *lees_levering(l.pad)) for l in r.leveringen}


@pytest.fixture(scope="module")
def gemengd_gelezen(gemengd):
    r, _ = gemengd
    return {l.pad.name: (l, *lees_levering(l.pad)) for l in r.leveringen}


def laatste(netjes, bestand: str) -> list[dict]:
    """Rows of `bestand` in the latest delivery of every provider, with key 'aanbieder'."""
    _, gelezen = netjes
    rijen = []
    for lev, _, bestanden in gelezen.values():
        if lev.peildatum == PEIL_LAAT and bestand in bestanden:
            rijen += [{**d, "aanbieder": lev.aanbieder} for d in bestanden[bestand].dicts()]
    return rijen


def _d(s: str) -> date | None:
    return date.fromisoformat(s) if s else None


def _leeftijd(geboren: date, op: date) -> int:
    return op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))


# -- determinism --------------------------------------------------------------------------
def test_zelfde_zaad_geeft_byte_identieke_uitvoer(gemengd, tmp_path):
    _, eerste = gemengd
    genereer(tmp_path, seed=7, clients=CLIENTEN)
    a, b = alle_bestanden(eerste), alle_bestanden(tmp_path)
    assert sorted(a) == sorted(b)
    verschillend = [n for n in a if a[n] != b[n]]
    assert verschillend == []
    assert any(n.endswith(".xlsx") for n in a) and any(n.endswith(".zip") for n in a)


def test_ander_zaad_geeft_andere_uitvoer(gemengd, tmp_path):
    _, eerste = gemengd
    genereer(tmp_path, seed=8, clients=CLIENTEN)
    a, b = alle_bestanden(eerste), alle_bestanden(tmp_path)
    assert sorted(a) == sorted(b)  # the same deliveries ...
    assert a["binnenvest_20261015/clienten.csv"] != b["binnenvest_20261015/clienten.csv"]  # ... other content
    assert a["regios.yml"] == b["regios.yml"]


def test_inhoud_hangt_niet_af_van_formaat(gemengd_gelezen, netjes):
    """Row counts per file are the same in both formats: the style only changes notation."""
    _, n_gelezen = netjes
    for naam_g, (lev_g, _, best_g) in gemengd_gelezen.items():
        lev_n = next(l for l, _, _ in n_gelezen.values() if (l.aanbieder, l.peildatum) == (lev_g.aanbieder, lev_g.peildatum))
        assert lev_g.rijen == lev_n.rijen, naam_g
        assert {b: len(f.rijen) for b, f in best_g.items()} == lev_g.rijen


# -- the result and the files -------------------------------------------------------------
def test_resultaat_noemt_elke_levering(gemengd):
    r, out = gemengd
    assert [(l.aanbieder, l.peildatum, l.leverdatum) for l in r.leveringen] == [
        (a, p, lev) for a in ("binnenvest", "eemzorg", "valleizorg")
        for lev, p in ((date(2026, 1, 15), PEIL_VROEG), (date(2026, 10, 15), PEIL_LAAT))
    ]
    for l in r.leveringen:
        assert l.pad.parent == out and l.pad.exists()
        assert l.pad.name == f"{l.aanbieder}_{l.leverdatum:%Y%m%d}" + {"map": "", "zip": ".zip", "xlsx": ".xlsx"}[l.bronvorm]
    assert r.regios == out / "regios.yml"
    assert sorted(p.name for p in out.iterdir()) == sorted([l.pad.name for l in r.leveringen] + ["regios.yml"])
    assert r.clienten["binnenvest"] == 500 and r.clienten["eemzorg"] == 300
    # ~100 families follow the twelve homes; Housing First gets three quarters of 200
    assert 150 + 80 <= r.clienten["valleizorg"] <= 150 + 120


def test_levering_json_en_bestanden_volgens_contract(gemengd_gelezen, netjes):
    c = contract()
    verplicht = {b for b, best in c.bestanden.items() if best.verplicht}
    for gelezen in (gemengd_gelezen, netjes[1]):
        met_rijen = set()
        for lev, levering, bestanden in gelezen.values():
            assert list(levering) == list(c.levering_velden)
            assert levering["aanbieder_code"] == lev.aanbieder
            assert levering["peildatum"] == lev.peildatum.isoformat()
            assert levering["leverdatum"] == lev.leverdatum.isoformat()
            assert levering["spec_versie"] == "1"
            assert verplicht <= set(bestanden) <= set(c.bestanden)
            met_rijen |= {b for b, f in bestanden.items() if f.rijen}
        assert met_rijen == set(c.bestanden)  # every contract file has real rows somewhere


def test_koppen_zijn_de_contractvelden(gemengd_gelezen, netjes):
    c = contract()
    extra = set()
    for lev, _, bestanden in gemengd_gelezen.values():
        for b, f in bestanden.items():
            kop = [k.strip().lower() for k in f.kop]
            extra |= {(b, k) for k in kop if k not in c.bestanden[b].veldnamen}
            assert [k for k in kop if k in c.bestanden[b].veldnamen] == c.bestanden[b].veldnamen, (lev.pad.name, b)
    assert extra == {("aanmeldingen", "medewerker"), ("trajecten", "casemanager")}
    for lev, _, bestanden in netjes[1].values():
        for b, f in bestanden.items():
            assert f.kop == c.bestanden[b].veldnamen, (lev.pad.name, b)


# -- every variant of aanlevering.md §1–§2 in `gemengd` -------------------------------------
def test_alle_vormvarianten_komen_voor_in_gemengd(gemengd_gelezen):
    c = contract()
    gezien = Counter()
    bronvormen = {lev.bronvorm for lev, _, _ in gemengd_gelezen.values()}
    assert bronvormen == {"map", "zip", "xlsx"}
    for lev, _, bestanden in gemengd_gelezen.values():
        for b, f in bestanden.items():
            if f.ruw is not None:
                gezien["bom"] += f.ruw.startswith(b"\xef\xbb\xbf")
                try:
                    f.ruw.decode("utf-8")
                except UnicodeDecodeError:
                    gezien["cp1252"] += 1
                gezien[f"scheiding {f.scheiding}"] += 1
                gezien["alleen kop"] += not f.rijen
                gezien["kop met spaties"] += any(k != k.strip() for k in f.kop)
                gezien["kop in hoofdletters"] += any(k.strip() != k.strip().lower() for k in f.kop)
            velden = {v.naam: v for v in c.bestanden[b].velden}
            for rij in f.dicts():
                for naam, waarde in rij.items():
                    veld = velden.get(naam)
                    if veld is None or waarde in (None, ""):
                        continue
                    if isinstance(waarde, datetime):
                        gezien["xlsx echte datum"] += 1
                        continue
                    if veld.type == "datum" and isinstance(waarde, int):
                        gezien["xlsx serienummer"] += 1
                        continue
                    w = str(waarde)
                    if f.ruw is not None and "\n" in w and f.scheiding in w:
                        gezien["scheidingsteken en regeleinde in veld"] += 1
                    if veld.type == "datum":
                        for vorm, patroon in (
                            ("jjjj-mm-dd", r"\d{4}-\d\d-\d\d"), ("dd-mm-jjjj", r"\d\d-\d\d-\d{4}"),
                            ("d-m-jjjj", r"\d-\d-\d{4}"), ("dd-mm-jjjj hh:mm", r"\d\d-\d\d-\d{4} \d\d:\d\d"),
                        ):
                            gezien[vorm] += bool(re.fullmatch(patroon, w))
                    elif veld.type == "decimaal":
                        gezien["decimale komma"] += "," in w
                        gezien["decimale punt"] += "." in w
                    elif veld.type == "boolean":
                        gezien[f"boolean {w.lower()}"] += 1
                    elif veld.type == "gemeente":
                        if w == "Alphen aan den Rijn":
                            gezien["gemeentenaam"] += 1
                        elif w.lower() in {n.lower() for n in NAMEN.values()} and w not in NAMEN.values():
                            gezien["gemeentenaam andere hoofdletters"] += 1
                        elif w == "0484":
                            gezien["code 0484"] += 1
                        elif w == "484":
                            gezien["code 484"] += 1
    verwacht = [
        "bom", "cp1252", "scheiding ;", "scheiding ,", "alleen kop", "kop met spaties", "kop in hoofdletters",
        "xlsx echte datum", "xlsx serienummer", "scheidingsteken en regeleinde in veld", "jjjj-mm-dd",
        "dd-mm-jjjj", "d-m-jjjj", "dd-mm-jjjj hh:mm", "decimale komma", "decimale punt", "gemeentenaam",
        "gemeentenaam andere hoofdletters", "code 0484", "code 484",
    ] + [f"boolean {b}" for b in ("ja", "nee", "j", "n", "1", "0", "true", "false")]
    assert [v for v in verwacht if not gezien[v]] == []


def test_cp1252_bestanden_bevatten_echte_windows_tekens(gemengd_gelezen):
    lev, _, bestanden = gemengd_gelezen["binnenvest_20260115.zip"]
    ruw = bestanden["aanmeldingen"].ruw
    assert "Financiën".encode("cp1252") in ruw and "Financiën".encode("utf-8") not in ruw


# -- values -------------------------------------------------------------------------------
def _gemeentecode(w: str) -> str | None:
    if w in NAMEN:
        return w
    if w.isdigit():
        return f"GM{int(w):04d}"
    return next((code for code, naam in NAMEN.items() if naam.lower() == w.lower()), None)


def test_codes_uit_de_codelijsten_en_gemeenten_herkenbaar(gemengd_gelezen):
    c = contract()
    gebruikt = defaultdict(set)
    for lev, _, bestanden in gemengd_gelezen.values():
        for b, f in bestanden.items():
            velden = {v.naam: v for v in c.bestanden[b].velden}
            for rij in f.dicts():
                for naam, w in rij.items():
                    veld = velden.get(naam)
                    if veld is None or w in (None, ""):
                        continue
                    if veld.type == "code":
                        assert w in c.codelijsten[veld.codelijst], (lev.pad.name, b, naam, w)
                        gebruikt[veld.codelijst].add(w)
                    elif veld.type == "gemeente":
                        assert _gemeentecode(w) in NAMEN, (lev.pad.name, b, naam, w)
    assert gebruikt["woonvorm"] >= {"Opvang lokaal", "Centrale opvang", "Nachtopvang", "Housing First woning",
                                    "Gezinsopvangwoning", "Doorstroomwoning", "Woonzorgconcept"}
    assert gebruikt["mijlpaal"] == set(c.codelijsten["mijlpaal"])
    assert set(c.codelijsten["stoplicht"]) == gebruikt["stoplicht"]


def test_netjes_is_geldig_volgens_contract_en_momentopname(netjes):
    """Every row of every delivery passes every rule of aanlevering.md §4/§6, and no date
    lies after the delivery's peildatum."""
    c = contract()
    for lev, _, bestanden in netjes[1].values():
        for b, f in bestanden.items():
            best = c.bestanden[b]
            sleutels = set()
            for i, rij in enumerate(f.dicts(), 2):
                waar = (lev.pad.name, b, i)
                for v in best.velden:
                    w = rij[v.naam]
                    if w == "":
                        assert not v.verplicht, (*waar, v.naam)
                        continue
                    if v.type == "datum":
                        assert _d(w) <= lev.peildatum, (*waar, v.naam, w)
                    elif v.type == "maand":
                        assert re.fullmatch(r"\d{4}-\d\d", w) and w <= f"{lev.peildatum:%Y-%m}", (*waar, w)
                    elif v.type in ("geheel", "decimaal"):
                        getal = int(w) if v.type == "geheel" else float(w)
                        assert v.minimum is None or getal >= v.minimum, (*waar, v.naam, w)
                        assert v.maximum is None or getal <= v.maximum, (*waar, v.naam, w)
                    elif v.type == "boolean":
                        assert w in ("ja", "nee"), (*waar, w)
                    elif v.type == "gemeente":
                        assert w in NAMEN, (*waar, w)
                for begin, eind in best.datumvolgorde:
                    if rij[begin] and rij[eind]:
                        assert _d(rij[eind]) >= _d(rij[begin]), (*waar, begin, eind)
                if best.sleutel:
                    sleutel = tuple(rij[k] for k in best.sleutel)
                    assert sleutel not in sleutels, (*waar, sleutel)
                    sleutels.add(sleutel)


def test_latere_levering_corrigeert_de_eerdere(netjes):
    _, gelezen = netjes
    for aanbieder in ("binnenvest", "eemzorg", "valleizorg"):
        vroeg = {r["traject_id"]: r for r in gelezen[f"{aanbieder}_20260115"][2]["trajecten"].dicts()}
        laat = {r["traject_id"]: r for r in gelezen[f"{aanbieder}_20261015"][2]["trajecten"].dicts()}
        assert set(vroeg) < set(laat)
        te_laat_geregistreerd = [t for t, r in laat.items() if t not in vroeg and _d(r["startdatum"]) <= PEIL_VROEG]
        afgesloten = [t for t in vroeg if not vroeg[t]["einddatum"] and laat[t]["einddatum"]]
        assert afgesloten, aanbieder
        if aanbieder == "binnenvest":
            gecorrigeerd = [t for t in vroeg if vroeg[t]["einddatum"] and vroeg[t]["einddatum"] != laat[t]["einddatum"]]
            assert te_laat_geregistreerd and gecorrigeerd
        # a running trajectory has no end fields yet
        for r in vroeg.values():
            if not r["einddatum"]:
                assert not r["reden_einde"] and not r["uitstroom_woonvorm"] and not r["uitstroom_gemeente"]


# -- persons and proportions ------------------------------------------------------------------
def test_bsn_elfproef_en_personen_bij_twee_aanbieders(netjes):
    clienten = laatste(netjes, "clienten")
    bsns = [r["bsn"] for r in clienten if r["bsn"]]
    geldig = [b for b in bsns if elfproef(b)]
    assert all(re.fullmatch(r"\d{9}", b) for b in bsns)
    assert 0.9 <= len(geldig) / len(bsns) < 1.0  # a few fail the elfproef on purpose
    assert 0.15 <= 1 - len(bsns) / len(clienten) <= 0.35  # some without BSN
    per_bsn = defaultdict(set)
    for r in clienten:
        if r["bsn"]:
            per_bsn[r["bsn"]].add((r["aanbieder"], r["geboortedatum"]))
    gedeeld = {b: s for b, s in per_bsn.items() if len({a for a, _ in s}) > 1}
    assert len(gedeeld) >= 3
    assert all(len({g for _, g in s}) == 1 for s in gedeeld.values())  # same person, same birth date
    assert all(len(s) == 1 for b, s in per_bsn.items() if b not in gedeeld)  # no accidental doubles


def test_realistische_verhoudingen(netjes):
    clienten = {(r["aanbieder"], r["client_id"]): r for r in laatste(netjes, "clienten")}
    eerste_start = {}
    for t in laatste(netjes, "trajecten"):
        k = (t["aanbieder"], t["client_id"])
        eerste_start[k] = min(eerste_start.get(k, date.max), _d(t["startdatum"]))
    jong = [_leeftijd(_d(clienten[k]["geboortedatum"]), s) < 27 for k, s in eerste_start.items()]
    assert 0.17 <= sum(jong) / len(jong) <= 0.33
    mannen = sum(r["geslacht"] == "Man" for r in clienten.values()) / len(clienten)
    assert 0.52 <= mannen <= 0.68
    verblijf = [
        (_d(w["einddatum"]) - _d(w["startdatum"])).days / 30.44
        for w in laatste(netjes, "woonvormen")
        if w["woonvorm"] == "Opvang lokaal" and w["einddatum"]
        and date(2023, 1, 1) <= _d(w["startdatum"]) <= date(2024, 6, 30)
    ]
    assert len(verblijf) > 50
    assert 7 <= sum(verblijf) / len(verblijf) <= 11
    assert max(verblijf) > 2 * (sum(verblijf) / len(verblijf))  # a wide spread


def test_twaalf_gezinsopvangwoningen_elk_een_gezin_tegelijk(netjes):
    voorzieningen = [v for v in laatste(netjes, "voorzieningen") if v["soort"] == "Gezinsopvangwoning"]
    assert sum(int(v["capaciteit"]) for v in voorzieningen) == 12
    nachtopvang = [v for v in laatste(netjes, "voorzieningen") if v["soort"] == "Nachtopvang"]
    assert all(18 <= int(v["capaciteit"]) <= 24 for v in nachtopvang)
    verblijven = defaultdict(list)
    for w in laatste(netjes, "woonvormen"):
        if w["woonvorm"] == "Gezinsopvangwoning":
            verblijven[w["locatie_id"]].append((_d(w["startdatum"]), _d(w["einddatum"]) or PEIL_LAAT))
    capaciteit = {v["locatie_id"]: int(v["capaciteit"]) for v in voorzieningen}
    for loc, perioden in verblijven.items():
        for dag in (date(2023, 6, 1), date(2024, 6, 1), date(2025, 6, 1), date(2026, 6, 1)):
            assert sum(s <= dag <= e for s, e in perioden) <= capaciteit[loc], (loc, dag)


# -- occupancy within capacity (BZ.1 never above 100 %) ------------------------------------
def _dagen(van: date, tot: date):
    return (van + timedelta(days=i) for i in range((tot - van).days + 1))


def bezetting_en_capaciteit(levering: Path, peildatum: date) -> tuple[dict[str, Counter], dict[str, Counter]]:
    """Per locatie_id of a netjes delivery folder: woonvorm periods per day (both ends
    inclusive, an open end runs to the peildatum, as BZ.1 counts) and capaciteit per day
    (of the voorzieningen rows valid that day; no valid row: 0)."""
    bezet, capaciteit = defaultdict(Counter), defaultdict(Counter)
    with open(levering / "voorzieningen.csv", encoding="utf-8", newline="") as f:
        for v in csv.DictReader(f):
            for dag in _dagen(_d(v["geldig_van"]), _d(v["geldig_tot"]) or peildatum):
                capaciteit[v["locatie_id"]][dag] += int(v["capaciteit"])
    with open(levering / "woonvormen.csv", encoding="utf-8", newline="") as f:
        for w in csv.DictReader(f):
            if w["locatie_id"]:
                for dag in _dagen(_d(w["startdatum"]), _d(w["einddatum"]) or peildatum):
                    bezet[w["locatie_id"]][dag] += 1
    return bezet, capaciteit


@pytest.mark.parametrize("seed, clients", [(42, 2000), (42, 300), (7, 2000), (7, 300)])
def test_bezetting_nooit_boven_capaciteit(tmp_path, seed, clients):
    """On every day, the woonvorm periods at a locatie number at most its capaciteit that
    day: in the latest delivery of every provider, and in the earlier one (which still
    holds the double registrations)."""
    r = genereer(tmp_path, seed=seed, clients=clients, formaat="netjes")
    vol = set()
    for lev in r.leveringen:
        bezet, capaciteit = bezetting_en_capaciteit(lev.pad, lev.peildatum)
        assert set(bezet) == set(capaciteit), lev.pad.name  # stays at every locatie, and only there
        te_vol = [(loc, dag, n, capaciteit[loc][dag])
                  for loc, dagen in bezet.items() for dag, n in dagen.items() if n > capaciteit[loc][dag]]
        assert te_vol == [], (lev.pad.name, len(te_vol), te_vol[:5])
        if lev.peildatum == PEIL_LAAT:
            vol |= {lev.aanbieder for loc, dagen in bezet.items() for dag, n in dagen.items()
                    if n == capaciteit[loc][dag]}
    if clients == 2000:  # places do fill up: the limit binds at every provider
        assert vol == {"binnenvest", "eemzorg", "valleizorg"}


def test_bezetting_boekt_alleen_vrije_plaatsen():
    """The ledger by hand: one place from 1 Jan 2024, two from 10 Jan; none before."""
    loc = Locatie("X", "Proef", "Opvang lokaal", "GM0484", 1, geldig_van=date(2024, 1, 1),
                  wijzigingen=((date(2024, 1, 10), 2),))
    b = Bezetting([loc])
    assert not b.vrij("X", date(2023, 12, 31), date(2024, 1, 2))  # not yet valid
    b.boek("X", date(2024, 1, 1), date(2024, 1, 5))
    assert not b.vrij("X", date(2024, 1, 5), date(2024, 1, 5))  # the end day is occupied
    assert b.vrij("X", date(2024, 1, 6), date(2024, 1, 6))
    with pytest.raises(AssertionError, match="X is vol"):
        b.boek("X", date(2024, 1, 4), date(2024, 1, 8))
    # 3 days from 3 Jan: the first day from which [s, s + 2] is free is 6 Jan
    assert b.eerste_start("X", date(2024, 1, 3), timedelta(days=2), date(2024, 1, 31)) == date(2024, 1, 6)
    assert b.eerste_start("X", date(2024, 1, 3), timedelta(days=2), date(2024, 1, 5)) is None
    b.boek("X", date(2024, 1, 6), date(2024, 1, 12))
    # 8 and 9 Jan are full (one place), from 10 Jan there is a second place
    assert b.eerste_start("X", date(2024, 1, 8), timedelta(days=3), date(2024, 1, 31)) == date(2024, 1, 10)
    assert b.vrij_tot("X", date(2024, 1, 10), date(2024, 1, 20)) == date(2024, 1, 20)
    assert b.vrij_tot("X", date(2024, 1, 8), date(2024, 1, 20)) is None
    b.boek("X", date(2024, 1, 14), None)  # open: up to the horizon
    assert b.vrij_tot("X", date(2024, 1, 10), date(2024, 1, 20)) == date(2024, 1, 20)  # 2 places from the 10th
    b.boek("X", date(2024, 1, 16), date(2024, 1, 16))
    assert b.vrij_tot("X", date(2024, 1, 10), date(2024, 1, 20)) == date(2024, 1, 15)
    assert b.vrij("X", date(2024, 1, 17), date(2030, 1, 1))  # beyond the horizon is not tracked


def test_regios_yml_past_bij_de_leveringen(gemengd):
    r, _ = gemengd
    regios = {g.code: g for g in lees_regios(r.regios)}
    assert {code: g.aanbieders for code, g in regios.items()} == {
        "rijnstreek": ("binnenvest",), "valleiregio": ("valleizorg",), "amersfoort": ("eemzorg",)}
    assert regios["rijnstreek"].gemeenten == ("GM0484", "GM1884", "GM0569")
    assert {"GM0228", "GM0289"} <= set(regios["valleiregio"].gemeenten)
    assert regios["valleiregio"].normen["GZ.5"] == 95
    assert regios["amersfoort"].parameters["nachtopvang_contract"]["winter_plekken"] == "20"
    assert set(regios["valleiregio"].parameters["max_verblijf_dagen"]) == {"Gezinsopvangwoning", "Housing First woning"}
    assert all(g in NAMEN for regio in regios.values() for g in regio.gemeenten)


# -- writing into an existing folder --------------------------------------------------------
def test_overschrijft_alleen_eigen_leveringen(tmp_path):
    (tmp_path / "notities.txt").write_text("van de analist")
    (tmp_path / "binnenvest_20261015.zip").write_bytes(b"oude levering in een andere vorm")
    (tmp_path / "eemzorg_20260115").mkdir()
    (tmp_path / "eemzorg_20260115" / "oud.csv").write_text("x")
    meldingen = []
    r = genereer(tmp_path, seed=1, clients=100, formaat="netjes", voortgang=meldingen.append)
    assert (tmp_path / "notities.txt").read_text() == "van de analist"
    assert not (tmp_path / "binnenvest_20261015.zip").exists()
    assert not (tmp_path / "eemzorg_20260115" / "oud.csv").exists()
    assert all(l.bronvorm == "map" and l.pad.is_dir() for l in r.leveringen)
    assert any("binnenvest_20261015" in m for m in meldingen)


def test_onbekend_formaat_geeft_nederlandse_fout(tmp_path):
    with pytest.raises(ValueError, match="Onbekend formaat 'rommelig'"):
        genereer(tmp_path, formaat="rommelig")
    assert not any(tmp_path.iterdir())


# -- national scale (issue 7) ---------------------------------------------------------------
def test_inwoners_per_gemeente_in_regios_yml(gemengd):
    r, _ = gemengd
    ruw = yaml.safe_load(r.regios.read_text(encoding="utf-8"))["regios"]
    for code, blok in ruw.items():
        assert set(blok["inwoners"]) == set(blok["gemeenten"]), code
    assert ruw["rijnstreek"]["inwoners"]["GM0484"] == 113_000
    assert ruw["amersfoort"]["inwoners"]["GM0307"] == 161_000


def test_verdeling_over_kopieen():
    # binnenvest's 50 % split over its two copies, eemzorg's 30 % over one, valleizorg's 20 % over one
    assert verdeling(10_000, regios=4) == {"binnenvest": 2500, "eemzorg": 3000, "valleizorg": 2000,
                                           "binnenvest-02": 2500}
    assert [a.code for a, _ in aanbieders(7)] == ["binnenvest", "eemzorg", "valleizorg", "binnenvest-02",
                                                  "eemzorg-02", "valleizorg-02", "binnenvest-03"]
    with pytest.raises(ValueError, match="minstens 1"):
        aanbieders(0)


def test_nationaal_kopieen_in_eigen_regio_over_tien_jaar(tmp_path):
    r = genereer(tmp_path, seed=3, clients=800, formaat="netjes", regios=5, jaren=10)
    regios = {g.code: g for g in lees_regios(r.regios)}
    assert {code: g.aanbieders for code, g in regios.items()} == {
        "rijnstreek": ("binnenvest",), "valleiregio": ("valleizorg",), "amersfoort": ("eemzorg",),
        "rijnstreek-02": ("binnenvest-02",), "amersfoort-02": ("eemzorg-02",)}
    assert regios["rijnstreek-02"].gemeenten == regios["rijnstreek"].gemeenten
    assert regios["rijnstreek-02"].naam == "Rijnstreek (Subsidie Opvang Rijnstreek 2023-2026) 02"
    # the copy's night shelter contract follows its own capacity (eemzorg-02 has as many clients)
    assert regios["amersfoort-02"].parameters["nachtopvang_contract"]["winter_plekken"] == "20"
    assert sorted(l.pad.name for l in r.leveringen if l.aanbieder == "binnenvest-02") == [
        "binnenvest-02_20260115", "binnenvest-02_20261015"]
    meta, bestanden = lees_levering(tmp_path / "binnenvest-02_20261015")
    assert meta["aanbieder_code"] == "binnenvest-02"
    jaren = Counter(int(rij["aanmeldingsdatum"][:4]) for rij in bestanden["aanmeldingen"].dicts())
    # first aanmeldingen spread from October 2016 on; without `jaren` none before mid-2021
    assert min(jaren) == 2016 and all(jaren[j] > 10 for j in range(2017, 2027))
    # a copy is other data than the provider it copies
    _, origineel = lees_levering(tmp_path / "binnenvest_20261015")
    assert bestanden["clienten"].rijen != origineel["clienten"].rijen
