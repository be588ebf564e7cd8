"""Delivery styles: how one delivery writes its values (aanlevering.md §1–§2).

A `Stijl` is a plain description (container, encoding, delimiter, date/decimal/boolean
notation, gemeente notation, header variations, an unknown extra column, ...). `Opmaak`
applies a style to typed values, using its own random.Random so that the content of the
synthetic world never depends on the chosen style."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from opvangmonitor.contract import contract
from opvangmonitor.generator.gemeenten import NAMEN
from opvangmonitor.generator.tijd import excel_serieel


@dataclass(frozen=True)
class Stijl:
    omschrijving: str
    bronvorm: str = "map"  # map | zip | xlsx
    encoding: str = "utf-8"  # utf-8 | utf-8-sig (BOM) | cp1252
    scheiding: str = ","
    regeleinde: str = "\n"
    datum: str = "iso"  # iso (jjjj-mm-dd) | dd-mm-jjjj | d-m-jjjj
    tijd_velden: tuple[str, ...] = ()  # date fields written with a time (hh:mm)
    decimaal_komma: bool = False
    booleans: tuple[tuple[str, str], ...] = (("ja", "nee"),)  # one pair is chosen per file
    gemeente: str = "code"  # code (GM0484) | kort (GM0484/0484/484 mixed) | naam (case varies)
    kop_variatie: bool = False  # header names in other case / with surrounding spaces
    extra_kolom: tuple[str, str] | None = None  # (file, column name) of one unknown column
    meerregelig: bool = False  # free text keeps its line breaks (quoted by the CSV writer)
    excel_serieel: tuple[str, ...] = ()  # xlsx: date fields written as serial numbers


NETJES = Stijl("netjes: map, UTF-8, komma, ISO-datums, decimale punt, GM-codes")

# `gemengd`: per provider, the style of its earlier and of its latest delivery. Together
# they hold every variant of aanlevering.md §1–§2.
GEMENGD = {
    "binnenvest": (
        Stijl(
            "zip; Windows-1252, ';', dd-mm-jjjj (soms met tijd), decimale komma, ja/nee en j/n, "
            "gemeentenamen, koppen in andere hoofdletters/met spaties, onbekende extra kolom",
            bronvorm="zip", encoding="cp1252", scheiding=";", regeleinde="\r\n", datum="dd-mm-jjjj",
            tijd_velden=("aanmeldingsdatum", "meetdatum", "ontvangstdatum"), decimaal_komma=True,
            booleans=(("ja", "nee"), ("j", "n")), gemeente="naam", kop_variatie=True,
            extra_kolom=("aanmeldingen", "Medewerker"),
        ),
        Stijl(
            "map; UTF-8 met BOM, ',', ISO-datums, j/n en 1/0, gemeentecodes als 0484/484, "
            "velden met scheidingsteken en regeleinde",
            encoding="utf-8-sig", booleans=(("j", "n"), ("1", "0")), gemeente="kort", meerregelig=True,
        ),
    ),
    "eemzorg": (
        NETJES,
        Stijl(
            "zip; UTF-8, ';', d-m-jjjj, decimale komma, 1/0 en TRUE/FALSE, gemeentenamen, "
            "velden met scheidingsteken en regeleinde",
            bronvorm="zip", scheiding=";", datum="d-m-jjjj", decimaal_komma=True,
            booleans=(("1", "0"), ("TRUE", "FALSE")), gemeente="naam", meerregelig=True,
        ),
    ),
    "valleizorg": (
        Stijl(
            "xlsx; echte Excel-datums en Excel-serienummers, true/false, onbekende extra kolom",
            bronvorm="xlsx", booleans=(("true", "false"), ("ja", "nee")),
            extra_kolom=("trajecten", "casemanager"),
            excel_serieel=("geboortedatum", "aanmaakdatum", "datum_op", "meetdatum"),
        ),
        Stijl(
            "map; Windows-1252, ';', d-m-jjjj en dd-mm-jjjj hh:mm, decimale komma, Ja/Nee, "
            "gemeentenamen en -codes, koppen met spaties",
            encoding="cp1252", scheiding=";", regeleinde="\r\n", datum="d-m-jjjj",
            tijd_velden=("datum", "meetdatum"), decimaal_komma=True, booleans=(("Ja", "Nee"), ("J", "N")),
            gemeente="kort", kop_variatie=True,
        ),
    ),
}

MEDEWERKERS = ("JdV", "A. Bakker", "M. el Idrissi", "P. Jansen", "S. de Groot", "K. Yilmaz", "R. Visser", "")


class Opmaak:
    """A style applied to one delivery. Choices that vary (boolean pair per file, header
    variant per column, name case per value, times) come from the delivery's own rng."""

    def __init__(self, stijl: Stijl, rng: random.Random, bestanden: list[str]):
        self.stijl = stijl
        self.rng = rng
        c = contract()
        self.typen = {b: [(v.naam, v.type) for v in c.bestanden[b].velden] for b in bestanden}
        self.boolpaar = {b: rng.choice(stijl.booleans) for b in bestanden}
        self.extra_positie = 2  # the unknown column sits between known ones: matched by name

    # -- header -------------------------------------------------------------------
    def kop(self, bestand: str) -> list[str]:
        namen = [n for n, _ in self.typen[bestand]]
        if self.stijl.kop_variatie and self.rng.random() < 0.7:
            namen = [self._variant(n) for n in namen]
        if self._extra(bestand):
            namen.insert(self.extra_positie, self.stijl.extra_kolom[1])
        return namen

    def _variant(self, naam: str) -> str:
        keuze = self.rng.randrange(5)
        if keuze == 0:
            return naam.upper()
        if keuze == 1:
            return naam.capitalize()
        if keuze == 2:
            return f" {naam} "
        if keuze == 3:
            return "_".join(deel.capitalize() for deel in naam.split("_")) + " "
        return naam

    def _extra(self, bestand: str) -> bool:
        return self.stijl.extra_kolom is not None and self.stijl.extra_kolom[0] == bestand

    # -- values -------------------------------------------------------------------
    def rij(self, bestand: str, w: dict) -> list[str]:
        uit = [self._tekst(bestand, naam, typ, w.get(naam)) for naam, typ in self.typen[bestand]]
        if self._extra(bestand):
            uit.insert(self.extra_positie, self.rng.choice(MEDEWERKERS))
        return uit

    def cellen(self, bestand: str, w: dict) -> list:
        uit = [self._cel(bestand, naam, typ, w.get(naam)) for naam, typ in self.typen[bestand]]
        if self._extra(bestand):
            uit.insert(self.extra_positie, self.rng.choice(MEDEWERKERS) or None)
        return uit

    def _tekst(self, bestand: str, naam: str, typ: str, v) -> str:
        if v is None or v == "":
            return ""
        if typ == "datum":
            return self._datum(v) + (self._tijd() if naam in self.stijl.tijd_velden else "")
        if typ == "maand":
            return f"{v.year:04d}-{v.month:02d}"
        if typ == "decimaal":
            s = f"{v:.2f}"
            return s.replace(".", ",") if self.stijl.decimaal_komma else s
        if typ == "boolean":
            ja, nee = self.boolpaar[bestand]
            return ja if v else nee
        if typ == "gemeente":
            return self._gemeente(v)
        if typ == "geheel":
            return str(int(v))
        s = str(v)
        return s if self.stijl.meerregelig else " ".join(s.split("\n"))

    def _cel(self, bestand: str, naam: str, typ: str, v):
        if v is None or v == "":
            return None
        if typ == "datum":
            return excel_serieel(v) if naam in self.stijl.excel_serieel else v
        if typ == "geheel":
            return int(v)
        if typ == "decimaal":
            return float(v)
        return self._tekst(bestand, naam, typ, v)

    def _datum(self, d: date) -> str:
        if self.stijl.datum == "dd-mm-jjjj":
            return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"
        if self.stijl.datum == "d-m-jjjj":
            return f"{d.day}-{d.month}-{d.year:04d}"
        return d.isoformat()

    def _tijd(self) -> str:
        return f" {self.rng.randint(8, 17):02d}:{self.rng.choice((0, 5, 15, 20, 30, 45, 50)):02d}"

    def _gemeente(self, code: str) -> str:
        vorm = self.stijl.gemeente
        if vorm == "kort":
            return self.rng.choice((code, code[2:], code[2:].lstrip("0")))
        if vorm == "naam":
            naam = NAMEN[code]
            r = self.rng.random()
            if r < 0.1:
                return code  # names and codes side by side, as real exports do
            if r < 0.25:
                return naam.lower()
            if r < 0.35:
                return naam.upper()
            return naam
        return code
