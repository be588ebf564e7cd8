"""Builders for hand-made deliveries used by the test_ingestie_* files (no tests here)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import duckdb
from openpyxl import Workbook

from opvangmonitor.contract import contract
from opvangmonitor.ingestie import LeveringResultaat, laad_levering
from opvangmonitor.ingestie.landing import Aanlevering, herken
from opvangmonitor.pseudoniem import client_pseudoniem

SLEUTEL = b"testsleutel"
NAAM = "binnenvest_20261015"
LEVERING = {
    "aanbieder_code": "binnenvest",
    "aanbieder_naam": "Stichting De Binnenvest",
    "leverdatum": "2026-10-15",
    "peildatum": "2026-09-30",
    "spec_versie": "1",
}
VERPLICHT = ("clienten", "aanmeldingen", "trajecten", "woonvormen", "zrm_metingen")


def kop(bestand: str, sep: str = ",") -> str:
    """The contract's header line of a file."""
    return sep.join(contract().bestanden[bestand].veldnamen)


def pseudo(client_id: str) -> str:
    return client_pseudoniem(SLEUTEL, "binnenvest", client_id)


def bestanden(**inhoud: str | bytes) -> dict[str, str | bytes]:
    """Every required file with only its header, overridden/extended by `inhoud`
    (keys are contract file names; values the whole file text or bytes)."""
    uit: dict[str, str | bytes] = {f"{b}.csv": kop(b) + "\n" for b in VERPLICHT}
    uit.update({f"{k}.csv" if "." not in k else k: v for k, v in inhoud.items()})
    return uit


def schrijf_map(ouder: Path, inhoud: dict[str, str | bytes], naam: str = NAAM, levering: dict | str | None = LEVERING) -> Path:
    """A delivery folder `ouder/naam` with levering.json (unless None) and the files."""
    map_ = ouder / naam
    map_.mkdir(parents=True)
    if levering is not None:
        (map_ / "levering.json").write_text(levering if isinstance(levering, str) else json.dumps(levering), encoding="utf-8")
    for bestandsnaam, data in inhoud.items():
        pad = map_ / bestandsnaam
        if isinstance(data, bytes):
            pad.write_bytes(data)
        else:
            pad.write_text(data, encoding="utf-8", newline="")
    return map_


def zip_van(map_: Path, doel: Path, met_map: bool = True) -> Path:
    """`map_` zipped to `doel`, with the folder as top entry or the files at the root."""
    with zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(map_.rglob("*")):
            if p.is_file():
                naam = p.relative_to(map_.parent if met_map else map_).as_posix()
                zf.write(p, naam)
    return doel


def schrijf_werkmap(pad: Path, bladen: dict[str, list[list]]) -> Path:
    """An .xlsx workbook with one sheet per entry (title -> rows of cell values; an empty
    row leaves a blank sheet row). A text starting with '=' stays text, not a formula."""
    wb = Workbook()
    wb.remove(wb.active)
    for titel, regels in bladen.items():
        ws = wb.create_sheet(titel)
        for r, regel in enumerate(regels, 1):
            for k, waarde in enumerate(regel, 1):
                if waarde is None:
                    continue
                cel = ws.cell(row=r, column=k, value=waarde)
                if isinstance(waarde, str) and waarde.startswith("="):
                    cel.data_type = "s"
    wb.save(pad)
    return pad


def aanlevering(pad: Path) -> Aanlevering:
    gevonden = herken(pad)
    assert isinstance(gevonden, Aanlevering), gevonden
    return gevonden


def laad(con: duckdb.DuckDBPyConnection, pad: Path, voortgang=None) -> LeveringResultaat:
    return laad_levering(con, aanlevering(pad), SLEUTEL, voortgang=voortgang)


def rijen(con: duckdb.DuckDBPyConnection, sql: str, *params) -> list[tuple]:
    return con.execute(sql, list(params)).fetchall()


def quarantaine(con: duckdb.DuckDBPyConnection, bestand: str | None = None) -> list[tuple]:
    """(bestand, regel, veld, reden) of quarantined rows, in file and line order."""
    waar = "WHERE bestand = ?" if bestand else ""
    return rijen(
        con, f"SELECT bestand, regel, veld, reden FROM raw.quarantaine {waar} ORDER BY bestand, regel",
        *([bestand] if bestand else []),
    )


def ruwe_waarden(con: duckdb.DuckDBPyConnection, bestand: str, regel: int) -> dict:
    (tekst,) = con.execute(
        "SELECT ruwe_waarden FROM raw.quarantaine WHERE bestand = ? AND regel = ?", [bestand, regel]
    ).fetchone()
    return json.loads(tekst)


def tellingen(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every raw table except the failure log."""
    tabellen = [
        t for (t,) in rijen(
            con, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'raw' AND table_name <> 'leveringen_mislukt'"
        )
    ]
    return {t: con.execute(f"SELECT count(*) FROM raw.{t}").fetchone()[0] for t in sorted(tabellen)}
