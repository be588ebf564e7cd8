"""The delivery contract (data/contract/aanlevering.yml) as Python objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from opvangmonitor.paden import CONTRACT_FILE

# Contract field type -> DuckDB column type in the raw schema.
DUCKDB_TYPE = {
    "tekst": "VARCHAR",
    "code": "VARCHAR",
    "gemeente": "VARCHAR",
    "datum": "DATE",
    "maand": "DATE",
    "geheel": "INTEGER",
    "decimaal": "DOUBLE",
    "boolean": "BOOLEAN",
}


@dataclass(frozen=True)
class Veld:
    naam: str
    type: str
    verplicht: bool = False
    codelijst: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    pseudoniem: str | None = None  # "client" or "bsn"

    @property
    def duckdb_type(self) -> str:
        return DUCKDB_TYPE[self.type]


@dataclass(frozen=True)
class Bestand:
    naam: str
    verplicht: bool
    velden: tuple[Veld, ...]
    sleutel: tuple[str, ...] = ()
    datumvolgorde: tuple[tuple[str, str], ...] = ()

    @property
    def bestandsnaam(self) -> str:
        return f"{self.naam}.csv"

    def veld(self, naam: str) -> Veld:
        for v in self.velden:
            if v.naam == naam:
                return v
        raise KeyError(f"{self.naam}: geen veld {naam!r}")

    @property
    def veldnamen(self) -> list[str]:
        return [v.naam for v in self.velden]


@dataclass(frozen=True)
class Contract:
    spec_versie: str
    levering_velden: tuple[str, ...]
    levering_verplicht: tuple[str, ...]
    naam_patroon: str
    bestanden: dict[str, Bestand] = field(default_factory=dict)
    codelijsten: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _veld(naam: str, spec: dict) -> Veld:
    return Veld(
        naam=naam,
        type=spec["type"],
        verplicht=bool(spec.get("verplicht", False)),
        codelijst=spec.get("codelijst"),
        minimum=spec.get("min"),
        maximum=spec.get("max"),
        pseudoniem=spec.get("pseudoniem"),
    )


def lees_contract(pad: Path = CONTRACT_FILE) -> Contract:
    ruw = yaml.safe_load(Path(pad).read_text(encoding="utf-8"))
    bestanden = {
        naam: Bestand(
            naam=naam,
            verplicht=bool(spec.get("verplicht", False)),
            velden=tuple(_veld(v, s) for v, s in spec["velden"].items()),
            sleutel=tuple(spec.get("sleutel", ())),
            datumvolgorde=tuple(tuple(p) for p in spec.get("datumvolgorde", ())),
        )
        for naam, spec in ruw["bestanden"].items()
    }
    return Contract(
        spec_versie=str(ruw["spec_versie"]),
        levering_velden=tuple(ruw["levering"]["velden"]),
        levering_verplicht=tuple(ruw["levering"]["verplicht"]),
        naam_patroon=ruw["levering"]["naam_patroon"],
        bestanden=bestanden,
        codelijsten={k: tuple(v) for k, v in ruw["codelijsten"].items()},
    )


@lru_cache(maxsize=1)
def contract() -> Contract:
    """The project's contract, read once per process."""
    return lees_contract()


def schrijf_codelijsten(con, c: Contract | None = None) -> None:
    """Write the contract's code lists to config.codelijsten (lijst, waarde, volgorde) so
    that dbt's staging models normalise codes from the same source as ingestion."""
    c = c or contract()
    con.execute("CREATE SCHEMA IF NOT EXISTS config")
    con.execute(
        "CREATE OR REPLACE TABLE config.codelijsten "
        "(lijst VARCHAR NOT NULL, waarde VARCHAR NOT NULL, volgorde INTEGER NOT NULL)"
    )
    rijen = [[lijst, w, i] for lijst, waarden in c.codelijsten.items() for i, w in enumerate(waarden, 1)]
    con.executemany("INSERT INTO config.codelijsten VALUES (?, ?, ?)", rijen)
