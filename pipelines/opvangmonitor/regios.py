"""The regions file (regios.yml): regions, their gemeenten, providers, indicator
families and norms. Read, checked, and written to the warehouse's `config` schema so
that dbt models join on it; nothing about a region is in code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import yaml

from opvangmonitor.contract import contract

CONFIG = "config"
BEKENDE_FAMILIES = {"A", "B", "C", "D", "E", "BZ", "HF", "GZ", "MO"}
# Keys of the parameter blocks whose values are checked (_controleer_parameters).
TERMIJN_SLEUTELS = ("klacht_dagen", "bezwaar_dagen")
NACHTOPVANG_SLEUTELS = ("winter_maanden", "winter_plekken", "overig_plekken")
GEMEENTECODE = re.compile(r"GM[0-9]{4}")


class OngeldigeRegios(ValueError):
    pass


@dataclass(frozen=True)
class Regio:
    code: str
    naam: str
    gemeenten: tuple[str, ...]
    aanbieders: tuple[str, ...]
    indicatoren: tuple[str, ...]
    normen: dict[str, float] = field(default_factory=dict)
    # Every other mapping in the region's block (termijnen, max_verblijf_dagen,
    # nachtopvang_contract, ...) as parameter -> {sleutel: waarde}.
    parameters: dict[str, dict[str, str]] = field(default_factory=dict)


def _fout(pad: Path, waar: str, wat: str) -> OngeldigeRegios:
    return OngeldigeRegios(f"{pad}: {waar}: {wat}")


def _tekst(waarde) -> str:
    if isinstance(waarde, (list, tuple)):
        return ",".join(str(w) for w in waarde)
    return str(waarde)


def _geheel(waarde, minimum: int) -> bool:
    """A whole number (YAML int, not a boolean) of at least `minimum`."""
    return isinstance(waarde, int) and not isinstance(waarde, bool) and waarde >= minimum


def _mapping(pad: Path, waar: str, blok) -> dict:
    if not isinstance(blok, dict) or not blok:
        raise _fout(pad, waar, f"verwacht een niet-lege mapping, kreeg {blok!r}")
    return blok


def _onbekende_sleutels(pad: Path, waar: str, blok: dict, toegestaan: tuple[str, ...]) -> None:
    onbekend = [str(k) for k in blok if str(k) not in toegestaan]
    if onbekend:
        raise _fout(pad, f"{waar}.{onbekend[0]}", f"onbekende sleutel; toegestaan: {', '.join(toegestaan)}")


def _controleer_parameters(pad: Path, code: str, blok: dict, gemeenten: list[str]) -> None:
    """The values of the parameter blocks the indicators read; a wrong value would
    otherwise be ignored or break a dbt model far from its cause."""
    plek = f"regios.{code}"
    if "termijnen" in blok:
        termijnen = _mapping(pad, f"{plek}.termijnen", blok["termijnen"])
        _onbekende_sleutels(pad, f"{plek}.termijnen", termijnen, TERMIJN_SLEUTELS)
        for sleutel, waarde in termijnen.items():
            if not _geheel(waarde, 1):
                raise _fout(pad, f"{plek}.termijnen.{sleutel}", f"verwacht een geheel aantal dagen groter dan 0, kreeg {waarde!r}")
    if "max_verblijf_dagen" in blok:
        maxima = _mapping(pad, f"{plek}.max_verblijf_dagen", blok["max_verblijf_dagen"])
        woonvormen = contract().codelijsten["woonvorm"]
        bekend = {w.lower() for w in woonvormen}
        for sleutel, waarde in maxima.items():
            if str(sleutel).strip().lower() not in bekend:
                raise _fout(
                    pad,
                    f"{plek}.max_verblijf_dagen.{sleutel}",
                    f"geen woonvorm uit de codelijst woonvorm van het aanlevercontract ({', '.join(woonvormen)})",
                )
            if not _geheel(waarde, 1):
                raise _fout(pad, f"{plek}.max_verblijf_dagen.{sleutel}", f"verwacht een geheel aantal dagen groter dan 0, kreeg {waarde!r}")
    if "nachtopvang_contract" in blok:
        waar = f"{plek}.nachtopvang_contract"
        contract_blok = _mapping(pad, waar, blok["nachtopvang_contract"])
        _onbekende_sleutels(pad, waar, contract_blok, NACHTOPVANG_SLEUTELS)
        for sleutel in NACHTOPVANG_SLEUTELS:
            if sleutel not in contract_blok:
                raise _fout(pad, f"{waar}.{sleutel}", "ontbreekt")
        maanden = contract_blok["winter_maanden"]
        if (
            not isinstance(maanden, list)
            or not maanden
            or not all(_geheel(m, 1) and m <= 12 for m in maanden)
            or len(set(maanden)) != len(maanden)
        ):
            raise _fout(pad, f"{waar}.winter_maanden", f"verwacht een lijst van verschillende maandnummers 1 t/m 12, kreeg {maanden!r}")
        for sleutel in ("winter_plekken", "overig_plekken"):
            if not _geheel(contract_blok[sleutel], 0):
                raise _fout(pad, f"{waar}.{sleutel}", f"verwacht een geheel aantal plekken van 0 of meer, kreeg {contract_blok[sleutel]!r}")
    if "inwoners" in blok:
        inwoners = _mapping(pad, f"{plek}.inwoners", blok["inwoners"])
        for gemeente, aantal in inwoners.items():
            if not GEMEENTECODE.fullmatch(str(gemeente)):
                raise _fout(pad, f"{plek}.inwoners.{gemeente}", "verwacht een CBS-gemeentecode als GM0228")
            if str(gemeente) not in gemeenten:
                raise _fout(pad, f"{plek}.inwoners.{gemeente}", f"gemeente staat niet in regios.{code}.gemeenten")
            if not _geheel(aantal, 1):
                raise _fout(pad, f"{plek}.inwoners.{gemeente}", f"verwacht een geheel aantal inwoners groter dan 0, kreeg {aantal!r}")


def lees_regios(pad: Path) -> list[Regio]:
    pad = Path(pad)
    if not pad.exists():
        raise OngeldigeRegios(f"{pad}: regiobestand niet gevonden")
    try:
        ruw = yaml.safe_load(pad.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise OngeldigeRegios(f"{pad}: geen geldige YAML: {e}") from e
    if not isinstance(ruw, dict) or not isinstance(ruw.get("regios"), dict) or not ruw["regios"]:
        raise _fout(pad, "regios", "verwacht een mapping 'regios:' met minstens één regio")
    regios = []
    for code, blok in ruw["regios"].items():
        if not isinstance(blok, dict):
            raise _fout(pad, f"regios.{code}", "verwacht een mapping")
        for sleutel in ("gemeenten", "aanbieders", "indicatoren"):
            if not isinstance(blok.get(sleutel), list) or not blok[sleutel]:
                raise _fout(pad, f"regios.{code}.{sleutel}", "verwacht een niet-lege lijst")
        onbekend = set(blok["indicatoren"]) - BEKENDE_FAMILIES
        if onbekend:
            raise _fout(
                pad,
                f"regios.{code}.indicatoren",
                f"onbekende familie(s) {sorted(onbekend)}; toegestaan: {sorted(BEKENDE_FAMILIES)}",
            )
        normen = {}
        for indicator, norm in (blok.get("normen") or {}).items():
            try:
                normen[str(indicator)] = float(norm)
            except (TypeError, ValueError):
                raise _fout(pad, f"regios.{code}.normen.{indicator}", f"geen getal: {norm!r}")
        _controleer_parameters(pad, str(code), blok, [str(g) for g in blok["gemeenten"]])
        parameters = {
            naam: {str(k): _tekst(v) for k, v in waarde.items()}
            for naam, waarde in blok.items()
            if isinstance(waarde, dict) and naam != "normen"
        }
        regios.append(
            Regio(
                code=str(code),
                naam=str(blok.get("naam", code)),
                gemeenten=tuple(str(g) for g in blok["gemeenten"]),
                aanbieders=tuple(str(a) for a in blok["aanbieders"]),
                indicatoren=tuple(str(f) for f in blok["indicatoren"]),
                normen=normen,
                parameters=parameters,
            )
        )
    return regios


CONFIG_DDL = f"""
CREATE SCHEMA IF NOT EXISTS {CONFIG};
CREATE OR REPLACE TABLE {CONFIG}.regios (regio VARCHAR PRIMARY KEY, naam VARCHAR NOT NULL);
CREATE OR REPLACE TABLE {CONFIG}.regio_gemeenten (regio VARCHAR NOT NULL, gemeentecode VARCHAR NOT NULL);
CREATE OR REPLACE TABLE {CONFIG}.regio_aanbieders (regio VARCHAR NOT NULL, aanbieder_code VARCHAR NOT NULL);
CREATE OR REPLACE TABLE {CONFIG}.regio_indicatorfamilies (regio VARCHAR NOT NULL, familie VARCHAR NOT NULL);
CREATE OR REPLACE TABLE {CONFIG}.regio_normen (regio VARCHAR NOT NULL, indicator VARCHAR NOT NULL, norm DOUBLE NOT NULL);
CREATE OR REPLACE TABLE {CONFIG}.regio_parameters (
    regio VARCHAR NOT NULL, parameter VARCHAR NOT NULL, sleutel VARCHAR NOT NULL, waarde VARCHAR
);
"""


def schrijf_configuratie(con: duckdb.DuckDBPyConnection, regios: list[Regio]) -> None:
    """Replace the config schema's tables with the given regions (in the caller's transaction)."""
    con.execute(CONFIG_DDL)
    for r in regios:
        con.execute(f"INSERT INTO {CONFIG}.regios VALUES (?, ?)", [r.code, r.naam])
        con.executemany(
            f"INSERT INTO {CONFIG}.regio_gemeenten VALUES (?, ?)", [[r.code, g] for g in r.gemeenten]
        )
        con.executemany(
            f"INSERT INTO {CONFIG}.regio_aanbieders VALUES (?, ?)", [[r.code, a] for a in r.aanbieders]
        )
        con.executemany(
            f"INSERT INTO {CONFIG}.regio_indicatorfamilies VALUES (?, ?)",
            [[r.code, f] for f in r.indicatoren],
        )
        if r.normen:
            con.executemany(
                f"INSERT INTO {CONFIG}.regio_normen VALUES (?, ?, ?)",
                [[r.code, i, n] for i, n in r.normen.items()],
            )
        rijen = [[r.code, p, k, v] for p, m in r.parameters.items() for k, v in m.items()]
        if rijen:
            con.executemany(f"INSERT INTO {CONFIG}.regio_parameters VALUES (?, ?, ?, ?)", rijen)
