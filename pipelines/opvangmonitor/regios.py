"""The regions file (regios.yml): regions, their gemeenten, providers, indicator
families and norms. Read, checked, and written to the warehouse's `config` schema so
that dbt models join on it; nothing about a region is in code."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import yaml

CONFIG = "config"
BEKENDE_FAMILIES = {"A", "B", "C", "D", "E", "BZ", "HF", "GZ", "MO"}


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
