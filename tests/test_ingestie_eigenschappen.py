"""Property-based tests of ingestion (aanlevering.md §2, §6), generated from the contract.

Hypothesis writes whole deliveries: every required file and a random choice of the
optional ones, as a folder or a .zip of CSV files (UTF-8, UTF-8 with BOM or Windows-1252;
`,` or `;`; `\\n` or `\\r\\n`) or as one .xlsx workbook. Columns come in random order with
random case and spacing in the header, optional columns may be absent, an unknown column
may be present. Every value is written in one of the forms the contract allows (date
forms with or without time, Excel dates and serial numbers, decimal comma or point, every
ja/nee form, values padded with spaces, text with delimiters, quotes, newlines and
non-ASCII characters of Windows-1252), quoted when needed or at random, with blank lines
between rows.

1. Only valid rows: every row is loaded with exactly the generated typed values, nothing
   is quarantined, and rows read = loaded + quarantined per file.
2. Valid rows mixed with invalid rows, each with one known defect: every invalid row is
   in quarantine with its line number, field and reason, every valid row is loaded, and
   the reconciliation holds per file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from opvangmonitor.contract import Bestand, Veld, contract
from opvangmonitor.pseudoniem import bsn_pseudoniem, client_pseudoniem
from test_ingestie_hulp import LEVERING, NAAM, SLEUTEL, laad, rijen, schrijf_map, schrijf_werkmap, zip_van

INSTELLINGEN = settings(
    max_examples=4,  # per format variant and property: 40 deliveries in all
    deadline=None,
    derandomize=True,  # the same examples on every run, also in CI
    database=None,
    # No shrinking: every example loads a whole delivery, and shrinking a failure takes
    # Hypothesis five minutes. The assertion names the file and shows the differing rows;
    # add Phase.shrink locally for a minimal example.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

AANBIEDER = LEVERING["aanbieder_code"]
SPATIE = " \t\r\n\u00a0"  # what the contract's trimming removes around a value
EXCEL_NUL = dt.date(1899, 12, 30)  # serial 0 of Excel's 1900 date system (valid from 1 March 1900)
GEMEENTEN = ["GM0484", "0484", "484", "Leiden", "Súdwest-Fryslân", "'s-Hertogenbosch"]
EXTRA_KOLOM = "opmerking"
VAAK = ("inzet", "klachten_bezwaren")  # optional files in every example (the others in one of three)

# Text of Windows-1252, plus the characters that need quoting in a CSV file.
_TEKEN = st.characters(codec="cp1252", exclude_categories=("Cc", "Cs"))
_BIJZONDER = [",", ";", '"', "\n", "\t", " "]
TEKST_CSV = st.lists(st.one_of(_TEKEN, st.sampled_from(_BIJZONDER + ["\r\n"])), max_size=8).map("".join)
TEKST_XLSX = st.lists(st.one_of(_TEKEN, st.sampled_from(_BIJZONDER)), max_size=8).map("".join)  # a cell has no \r
RAND = ["", "", "", " ", "  ", "\t", "\u00a0", "\n"]

WAAR = ["ja", "j", "1", "true"]
ONWAAR = ["nee", "n", "0", "false"]

# Values that are not of their type (all non-empty after trimming).
ONLEESBAAR = {
    "datum": ["31-02-2024", "2024-13-01", "1-2-24", "gisteren", "01/02/2024", "45000", "2024-02-30 12:00", "1-2-2024 12"],
    "maand": ["2024-13", "24-07", "juli 2024", "2024-07-01", "2024/07", "2024-0"],
    "geheel": ["twee", "1,5", "2.5", "3e2", "99999999999", "1 000", "--1"],
    "decimaal": ["1.000,5", "abc", "12,5,0", "1e3", "€ 5", "1,2.3", "+-1"],
    "boolean": ["misschien", "yes", "2", "ja!", "-1", "nee nee"],
}
TYPEREDEN = {
    "datum": "ongeldige datum",
    "maand": "ongeldige datum",
    "geheel": "ongeldig getal",
    "decimaal": "ongeldig getal",
    "boolean": "ongeldige ja/nee-waarde",
}


@dataclass(frozen=True)
class Vorm:
    container: str  # map | zip | xlsx
    codering: str | None = None  # utf-8 | utf-8-sig | cp1252
    scheidingsteken: str | None = None
    regeleinde: str | None = None
    met_map: bool = True  # zip: the folder as top entry, else the files at the root

    @property
    def xlsx(self) -> bool:
        return self.container == "xlsx"


@dataclass(frozen=True)
class Bsn:
    geleverd: str  # as delivered (8 or 9 digits, maybe grouped with dots)
    negen: str  # the 9 digits
    geldig: bool  # passes the elfproef


@dataclass
class Rij:
    getypeerd: dict[str, object]  # field -> typed value (None = empty); the generated truth
    cellen: list  # delivered values in column order (texts for CSV, cell values for xlsx)
    fout: tuple[str | None, str] | None = None  # (veld, reden) of an invalid row
    dubbel_van: "Rij | None" = None  # the earlier row whose key an invalid row repeats
    regel: int = 0  # line (sheet row) the row starts on, set when written


@dataclass
class Bestandsinhoud:
    bestand: Bestand
    kolommen: list[str]  # contract fields (and maybe EXTRA_KOLOM) in delivered order
    kop: list[str]  # the header as delivered
    naam: str  # file or sheet name as delivered
    rijen: list[Rij] = field(default_factory=list)


@dataclass
class Levering:
    vorm: Vorm
    bestanden: list[Bestandsinhoud]
    data: dict[str, bytes | list[list]]  # file name -> bytes, or sheet title -> rows


# ---------------------------------------------------------------- typed values and how they are delivered


def _bereik_tekst(veld: Veld) -> str:
    def getal(x):
        return str(int(x)) if float(x).is_integer() else str(x).replace(".", ",")
    if veld.minimum is not None and veld.maximum is not None:
        return f"{getal(veld.minimum)}–{getal(veld.maximum)}"
    if veld.minimum is not None:
        return f"≥ {getal(veld.minimum)}"
    return f"≤ {getal(veld.maximum)}"


def _kern(draw, vorm: Vorm) -> str:
    """Text without surrounding spaces (what remains after trimming), never empty."""
    return draw(TEKST_XLSX if vorm.xlsx else TEKST_CSV).strip(SPATIE) or "x"


@st.composite
def bsn(draw) -> Bsn:
    gewichten = (9, 8, 7, 6, 5, 4, 3, 2)
    acht = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8).filter(
        lambda c: sum(a * g for a, g in zip(c, gewichten)) % 11 != 10 and any(c)
    ))
    controle = sum(a * g for a, g in zip(acht, gewichten)) % 11
    geldig = draw(st.booleans())
    if not geldig:
        controle = (controle + draw(st.integers(1, 9))) % 10
    negen = "".join(map(str, acht)) + str(controle)
    vormen = [negen, f"{negen[:4]}.{negen[4:6]}.{negen[6:]}"]
    if negen.startswith("0"):
        vormen.append(negen[1:])  # a spreadsheet dropped the leading zero
    return Bsn(draw(st.sampled_from(vormen)), negen, geldig)


def geldige_waarde(draw, veld: Veld, vorm: Vorm):
    """A valid typed value for the field (None = empty, for an optional field)."""
    if not veld.verplicht and draw(st.integers(0, 3)) == 0:
        return None
    if veld.pseudoniem == "bsn":
        return draw(bsn())
    if veld.type == "tekst":
        return _kern(draw, vorm)
    if veld.type == "code":
        w = draw(st.sampled_from(contract().codelijsten[veld.codelijst]))
        return draw(st.sampled_from([w, w.upper(), w.lower()]))
    if veld.type == "gemeente":
        return draw(st.sampled_from(GEMEENTEN)) if draw(st.booleans()) else _kern(draw, vorm)
    if veld.type in ("datum", "maand"):
        d = draw(st.dates(dt.date(1901, 1, 1), dt.date(2099, 12, 31)))
        return d.replace(day=1) if veld.type == "maand" else d
    laag = veld.minimum if veld.minimum is not None else -(10**6)
    hoog = veld.maximum if veld.maximum is not None else 10**6
    if veld.type == "geheel":
        return draw(st.integers(int(laag), int(hoog)))
    if veld.type == "decimaal":
        plaatsen = draw(st.integers(0, 6))
        klein = st.integers(max(int(laag), -9), 9)  # 0.000005 and the like: tiny amounts too
        eenheden = draw(st.one_of(klein, st.integers(int(laag) * 10**plaatsen, int(hoog) * 10**plaatsen)))
        return Decimal(eenheden).scaleb(-plaatsen)
    if veld.type == "boolean":
        return draw(st.booleans())
    raise AssertionError(veld.type)


def _rand(draw, tekst: str) -> str:
    return draw(st.sampled_from(RAND)) + tekst + draw(st.sampled_from(RAND))


def _leeg(draw, vorm: Vorm):
    return draw(st.sampled_from([None, " "] if vorm.xlsx else ["", "", " ", "\t"]))


def geleverd(draw, veld: Veld, waarde, vorm: Vorm):
    """The typed value as a provider's export could hold it (CSV text or xlsx cell)."""
    if waarde is None:
        return _leeg(draw, vorm)
    if isinstance(waarde, Bsn):
        if vorm.xlsx and waarde.geleverd.isdigit() and draw(st.booleans()):
            return int(waarde.geleverd)
        return _rand(draw, waarde.geleverd)
    teksten: list[str]
    cellen: list = []
    if veld.type in ("tekst", "code", "gemeente"):
        teksten = [waarde]
    elif veld.type == "datum":
        d = waarde
        tijd = draw(st.sampled_from(["", "", " 13:45", "T08:00:00", " 8:05", " 23:59:59.123"]))
        teksten = [f"{d:%d-%m-%Y}{tijd}", f"{d.day}-{d.month}-{d.year}{tijd}", f"{d.isoformat()}{tijd}"]
        serieel = (d - EXCEL_NUL).days
        cellen = [dt.datetime(d.year, d.month, d.day, draw(st.integers(0, 23)), draw(st.integers(0, 59))), d,
                  serieel, serieel + 0.25]
    elif veld.type == "maand":
        dag = waarde.replace(day=draw(st.integers(1, 28)))
        teksten = [f"{waarde:%Y-%m}", f"{waarde.year}-{waarde.month}"]
        cellen = [dt.datetime(dag.year, dag.month, dag.day), (dag - EXCEL_NUL).days]
    elif veld.type == "geheel":
        teksten = [str(waarde)] + ([f"+{waarde}", f"{waarde:03d}"] if waarde >= 0 else [])
        cellen = [waarde, float(waarde)]
    elif veld.type == "decimaal":
        punt = format(waarde, "f")
        kort = re.sub(r"^(-?)0\.", r"\1.", punt)  # 0.5 -> .5
        teksten = [punt, punt.replace(".", ","), kort.replace(".", ",")]
        cellen = [float(waarde)]
    elif veld.type == "boolean":
        vorm_ = draw(st.sampled_from(WAAR if waarde else ONWAAR))
        teksten = [vorm_, vorm_.upper(), vorm_.title()]
        cellen = [waarde, int(waarde)]
    else:
        raise AssertionError(veld.type)
    if vorm.xlsx and cellen and draw(st.booleans()):
        return draw(st.sampled_from(cellen))
    return _rand(draw, draw(st.sampled_from(teksten)))


def ruwe_kolommen(bestand: Bestand) -> list[str]:
    uit = []
    for veld in bestand.velden:
        if veld.pseudoniem == "client":
            uit.append("client_pseudoniem")
        elif veld.pseudoniem == "bsn":
            uit += ["bsn_pseudoniem", "bsn_elfproef_ongeldig"]
        else:
            uit.append(veld.naam)
    return uit


def verwachte_raw(inhoud: Bestandsinhoud, rij: Rij) -> tuple:
    """The raw table's row for a loaded row: regel, typed fields, extra columns (as dict)."""
    uit: list = [rij.regel]
    for veld in inhoud.bestand.velden:
        w = rij.getypeerd.get(veld.naam)
        if veld.pseudoniem == "client":
            uit.append(None if w is None else client_pseudoniem(SLEUTEL, AANBIEDER, w))
        elif veld.pseudoniem == "bsn":
            uit += [bsn_pseudoniem(SLEUTEL, w.negen) if w and w.geldig else None, bool(w and not w.geldig)]
        elif veld.type == "decimaal" and w is not None:
            uit.append(float(w))
        else:
            uit.append(w)
    if EXTRA_KOLOM in inhoud.kolommen:
        i = inhoud.kolommen.index(EXTRA_KOLOM)
        cel = rij.cellen[i]
        uit.append({inhoud.kop[i].strip(): "" if cel is None else cel})
    else:
        uit.append(None)
    return tuple(uit)


# ---------------------------------------------------------------- rows


def _sleutelveld(bestand: Bestand) -> str | None:
    """The key field that gets a row number as prefix, so that valid rows never share a key."""
    for naam in bestand.sleutel:
        if bestand.veld(naam).type == "tekst":
            return naam
    assert not bestand.sleutel, f"{bestand.naam}: sleutel zonder tekstveld"
    return None


def _op_volgorde(bestand: Bestand, waarden: dict) -> None:
    for start, eind in bestand.datumvolgorde:
        s, e = waarden.get(start), waarden.get(eind)
        if s is not None and e is not None and e < s:
            waarden[start], waarden[eind] = e, s


def _lever_rij(draw, inhoud: Bestandsinhoud, waarden: dict, vorm: Vorm) -> list:
    cellen = []
    for kolom in inhoud.kolommen:
        if kolom == EXTRA_KOLOM:
            cellen.append(_leeg(draw, vorm) if draw(st.booleans()) else draw(TEKST_XLSX if vorm.xlsx else TEKST_CSV))
        else:
            cellen.append(geleverd(draw, inhoud.bestand.veld(kolom), waarden.get(kolom), vorm))
    return cellen


def geldige_rij(draw, inhoud: Bestandsinhoud, vorm: Vorm, volgnummer: int) -> Rij:
    bestand = inhoud.bestand
    waarden = {k: geldige_waarde(draw, bestand.veld(k), vorm) for k in inhoud.kolommen if k != EXTRA_KOLOM}
    uniek = _sleutelveld(bestand)
    if uniek:
        waarden[uniek] = f"{volgnummer}-{waarden[uniek]}"
    _op_volgorde(bestand, waarden)
    return Rij(waarden, _lever_rij(draw, inhoud, waarden, vorm))


def soorten_fouten(inhoud: Bestandsinhoud, vorm: Vorm, eerdere: list[Rij]) -> list[tuple]:
    """Every defect that can be given to a new row of this file: (soort, detail)."""
    bestand, aanwezig = inhoud.bestand, set(inhoud.kolommen)
    soorten: list[tuple] = [("verplicht", v.naam) for v in bestand.velden if v.verplicht]
    soorten += [("type", v.naam) for v in bestand.velden if v.type in ONLEESBAAR and v.naam in aanwezig]
    soorten += [
        ("bereik", v.naam) for v in bestand.velden
        if (v.minimum is not None or v.maximum is not None) and v.naam in aanwezig
    ]
    soorten += [("volgorde", paar) for paar in bestand.datumvolgorde if set(paar) <= aanwezig]
    if bestand.sleutel and eerdere:
        soorten.append(("dubbel", None))
    soorten.append(("te veel", None))
    if not vorm.xlsx and len(inhoud.kolommen) >= 3:  # a workbook row cannot have fewer cells
        soorten.append(("te weinig", None))
    return soorten


def ongeldige_rij(draw, inhoud: Bestandsinhoud, vorm: Vorm, volgnummer: int, eerdere: list[Rij]) -> Rij:
    """A valid row given exactly one defect, with the field and reason it must get."""
    bestand = inhoud.bestand
    rij = geldige_rij(draw, inhoud, vorm, volgnummer)
    soort, detail = draw(st.sampled_from(soorten_fouten(inhoud, vorm, eerdere)))
    plek = {k: i for i, k in enumerate(inhoud.kolommen)}
    if soort == "verplicht":
        rij.cellen[plek[detail]] = _leeg(draw, vorm)
        if all(c in (None, "") for c in rij.cellen):
            rij.cellen[plek[detail]] = " "  # a row without any value is a blank line, not a row
        rij.fout = (detail, "verplicht veld ontbreekt")
    elif soort == "type":
        veld = bestand.veld(detail)
        slecht = draw(st.sampled_from(ONLEESBAAR[veld.type]))
        rij.cellen[plek[detail]] = _rand(draw, slecht)
        rij.fout = (detail, TYPEREDEN[veld.type])
    elif soort == "bereik":
        veld = bestand.veld(detail)
        te_laag = veld.minimum is not None and (veld.maximum is None or draw(st.booleans()))
        stap = draw(st.integers(1, 50))
        grens = veld.minimum if te_laag else veld.maximum
        waarde = int(grens) - stap if te_laag else int(grens) + stap
        if veld.type == "decimaal":
            waarde = Decimal(waarde) + (Decimal("0.5") if te_laag else 0)
        rij.cellen[plek[detail]] = geleverd(draw, veld, waarde, vorm)
        rij.fout = (detail, f"waarde buiten bereik ({_bereik_tekst(veld)})")
    elif soort == "volgorde":
        start, eind = detail
        eerder = rij.getypeerd[start] - dt.timedelta(days=draw(st.integers(1, 400)))
        rij.cellen[plek[eind]] = geleverd(draw, bestand.veld(eind), eerder, vorm)
        rij.fout = (f"{start}, {eind}", f"einddatum vóór startdatum ({eind} ligt vóór {start})")
    elif soort == "dubbel":
        doel = draw(st.sampled_from(eerdere))
        for k in bestand.sleutel:  # the same key, delivered in a form of its own
            rij.getypeerd[k] = doel.getypeerd[k]
            rij.cellen[plek[k]] = geleverd(draw, bestand.veld(k), doel.getypeerd[k], vorm)
        for start, eind in bestand.datumvolgorde:
            assert eind not in bestand.sleutel
            s, e = rij.getypeerd.get(start), rij.getypeerd.get(eind)
            if s is not None and e is not None and e < s and eind in plek:
                rij.cellen[plek[eind]] = _leeg(draw, vorm)
        rij.dubbel_van = doel
    elif soort == "te veel":
        rij.cellen += [_kern(draw, vorm) for _ in range(draw(st.integers(1, 2)))]
        rij.fout = (None, "aantal velden klopt niet met de kopregel")
    else:  # te weinig
        rij.cellen = rij.cellen[: draw(st.integers(2, len(rij.cellen) - 1))]
        rij.fout = (None, "aantal velden klopt niet met de kopregel")
    return rij


# ---------------------------------------------------------------- files


def _kopnaam(draw, naam: str) -> str:
    naam = draw(st.sampled_from([naam, naam.upper(), naam.title(), naam.capitalize()]))
    return draw(st.sampled_from(["", " ", "  "])) + naam + draw(st.sampled_from(["", " "]))


def _csv_veld(draw, waarde: str, sep: str) -> str:
    if any(c in waarde for c in (sep, '"', "\n", "\r")) or draw(st.integers(0, 4)) == 0:
        return '"' + waarde.replace('"', '""') + '"'
    return waarde


def _regelovergangen(tekst: str) -> int:
    return len(re.findall(r"\r\n|\r|\n", tekst))


def schrijf_csv(draw, inhoud: Bestandsinhoud, vorm: Vorm) -> bytes:
    """The file as bytes; sets every row's line number."""
    sep, eol = vorm.scheidingsteken, vorm.regeleinde
    delen = [sep.join(_csv_veld(draw, k, sep) for k in inhoud.kop)]
    regel = 2
    for rij in inhoud.rijen:
        for _ in range(draw(st.sampled_from([0, 0, 0, 0, 1, 2]))):  # blank lines
            delen.append("")
            regel += 1
        record = sep.join(_csv_veld(draw, w, sep) for w in rij.cellen) or '""'
        rij.regel = regel
        regel += 1 + _regelovergangen(record)
        delen.append(record)
    tekst = eol.join(delen) + (eol if draw(st.booleans()) else "")
    data = tekst.encode(vorm.codering)
    if vorm.codering == "cp1252" and not tekst.isascii():
        try:  # bytes of Windows-1252 that also read as UTF-8 are UTF-8: no longer this file
            data.decode("utf-8")
            assume(False)
        except UnicodeDecodeError:
            pass
    return data


def schrijf_blad(draw, inhoud: Bestandsinhoud) -> list[list]:
    regels: list[list] = [list(inhoud.kop)]
    for rij in inhoud.rijen:
        regels += [[] for _ in range(draw(st.sampled_from([0, 0, 0, 1])))]
        regels.append(rij.cellen)
        rij.regel = len(regels)
    return regels


def verwachte_codering(vorm: Vorm, data: bytes | list) -> str:
    if vorm.xlsx:
        return "xlsx"
    if vorm.codering == "cp1252" and data.isascii():
        return "utf-8"
    return vorm.codering


VARIANTEN = ("map-utf8-komma", "map-utf8-bom", "map-cp1252-puntkomma", "zip", "xlsx")


@st.composite
def vormen(draw, variant: str) -> Vorm:
    """The delivery format of a variant; what the variant leaves open is drawn."""
    if variant == "xlsx":
        return Vorm("xlsx")
    codering = {"map-utf8-komma": "utf-8", "map-utf8-bom": "utf-8-sig", "map-cp1252-puntkomma": "cp1252"}.get(variant)
    sep = {"map-utf8-komma": ",", "map-cp1252-puntkomma": ";"}.get(variant)
    return Vorm(
        "zip" if variant == "zip" else "map",
        codering or draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"])),
        sep or draw(st.sampled_from([",", ";"])),
        draw(st.sampled_from(["\n", "\r\n"])),
        draw(st.booleans()),
    )


@st.composite
def leveringen(draw, variant: str, met_fouten: bool) -> Levering:
    vorm = draw(vormen(variant))
    bestanden, data = [], {}
    for bestand in contract().bestanden.values():
        if not bestand.verplicht and bestand.naam not in VAAK and draw(st.integers(0, 2)) > 0:
            continue
        kolommen = [v.naam for v in bestand.velden if v.verplicht or draw(st.integers(0, 3)) > 0]
        if draw(st.integers(0, 3)) == 0:
            kolommen.append(EXTRA_KOLOM)
        kolommen = draw(st.permutations(kolommen))
        naam = draw(st.sampled_from([bestand.naam, bestand.naam.upper(), bestand.naam.title()])) if vorm.xlsx \
            else bestand.bestandsnaam
        inhoud = Bestandsinhoud(bestand, kolommen, [_kopnaam(draw, k) for k in kolommen], naam)
        goed, fout = draw(st.integers(0, 4)), (draw(st.integers(0, 3)) if met_fouten else 0)
        volgnummer = 0
        while goed or fout:
            volgnummer += 1
            if fout and (not goed or draw(st.booleans())):
                eerdere = [r for r in inhoud.rijen if r.fout is None and r.dubbel_van is None]
                inhoud.rijen.append(ongeldige_rij(draw, inhoud, vorm, volgnummer, eerdere))
                fout -= 1
            else:
                inhoud.rijen.append(geldige_rij(draw, inhoud, vorm, volgnummer))
                goed -= 1
        data[naam] = schrijf_blad(draw, inhoud) if vorm.xlsx else schrijf_csv(draw, inhoud, vorm)
        for rij in inhoud.rijen:
            if rij.dubbel_van is not None:
                reden = f"dubbele sleutel; eerste voorkomen op regel {rij.dubbel_van.regel} behouden"
                rij.fout = (", ".join(bestand.sleutel), reden)
        bestanden.append(inhoud)
    return Levering(vorm, bestanden, data)


def schrijf_levering(levering: Levering, map_: Path) -> Path:
    vorm = levering.vorm
    if vorm.xlsx:
        blad = [["sleutel", "waarde"]] + [[k, w] for k, w in LEVERING.items()]
        return schrijf_werkmap(map_ / f"{NAAM}.xlsx", {"levering": blad, **levering.data})
    if vorm.container == "map":
        return schrijf_map(map_, levering.data)
    bron = schrijf_map(map_ / "bron", levering.data)
    (map_ / "landing").mkdir()
    return zip_van(bron, map_ / "landing" / f"{NAAM}.zip", met_map=vorm.met_map)


# ---------------------------------------------------------------- the properties


def laad_en_controleer(levering: Levering) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pad = schrijf_levering(levering, Path(tmp))
        con = duckdb.connect()
        try:
            resultaat = laad(con, pad)
            assert resultaat.status == "geladen"
            controleer(con, levering)
        finally:
            con.close()


def controleer(con: duckdb.DuckDBPyConnection, levering: Levering) -> None:
    """Per contract file: the quarantine (line, field, reason), the reconciliation and the
    loaded rows with their typed values; absent files are recorded as absent."""
    geleverd_ = {b.bestand.naam: b for b in levering.bestanden}
    for naam, bestand in contract().bestanden.items():
        inhoud = geleverd_.get(naam)
        boek = rijen(
            con,
            "SELECT aanwezig, rijen_gelezen, rijen_geladen, rijen_quarantaine, codering, scheidingsteken "
            "FROM raw.leverbestanden WHERE bestand = ?", naam,
        )
        tabel = rijen(con, f"SELECT regel, {', '.join(ruwe_kolommen(bestand))}, extra_kolommen FROM raw.{naam} ORDER BY regel")
        if inhoud is None:
            assert (boek, tabel) == ([(False, 0, 0, 0, None, None)], []), naam
            continue
        goed = [r for r in inhoud.rijen if r.fout is None]
        fout = [r for r in inhoud.rijen if r.fout is not None]
        assert rijen(
            con, "SELECT regel, veld, reden FROM raw.quarantaine WHERE bestand = ? ORDER BY regel", inhoud.naam
        ) == [(r.regel, *r.fout) for r in fout], inhoud.naam
        codering = verwachte_codering(levering.vorm, levering.data[inhoud.naam])
        assert boek == [(True, len(inhoud.rijen), len(goed), len(fout), codering, levering.vorm.scheidingsteken)], naam
        geladen = [r[:-1] + ((json.loads(r[-1]) if r[-1] is not None else None),) for r in tabel]
        assert geladen == [verwachte_raw(inhoud, r) for r in goed], naam
    aantal = sum(len(b.rijen) - sum(r.fout is None for r in b.rijen) for b in levering.bestanden)
    assert rijen(con, "SELECT count(*) FROM raw.quarantaine") == [(aantal,)]


@pytest.mark.parametrize("variant", VARIANTEN)
@INSTELLINGEN
@given(data=st.data())
def test_elke_geldige_rij_wordt_geladen_met_zijn_waarden(variant, data):
    laad_en_controleer(data.draw(leveringen(variant, met_fouten=False)))


@pytest.mark.parametrize("variant", VARIANTEN)
@INSTELLINGEN
@given(data=st.data())
def test_elke_ongeldige_rij_in_quarantaine_met_reden_en_regel(variant, data):
    laad_en_controleer(data.draw(leveringen(variant, met_fouten=True)))
