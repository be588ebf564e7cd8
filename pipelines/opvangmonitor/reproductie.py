"""Reproduction: the indicators as they stood at an earlier moment (aanlevering.md §1).

The raw schema keeps every delivery ever loaded, each with its load time
(`raw.leveringen.geladen_op`). `reproduceer` copies the warehouse to a temporary file
(under the write lock, only while copying; the real warehouse is never written), runs
`dbt build` on the copy with the dbt var `tot_geladen_op` = the moment, so that
staging sees only the deliveries loaded at or before it and picks the actuele one per
provider among those, and writes `marts.indicatoren` of the copy to a CSV, Excel or
DuckDB file.

What is reproduced is the state of the warehouse at the moment: the figures as
published then, provided the last run before it succeeded. The configuration
(`config.*`, from the regions file) and the dbt code are today's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Callable

import duckdb

from opvangmonitor.paden import DBT_PROJECT_DIR, ENV_WAREHOUSE, published_file
from opvangmonitor.schrijfslot import schrijfslot

MOMENTVORMEN = ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")
INDICATOREN = "SELECT * FROM marts.indicatoren ORDER BY ALL"


class ReproductieFout(Exception):
    """The reproduction cannot be made; the message (Dutch) says why."""


@dataclass(frozen=True)
class GebruikteLevering:
    """The delivery a provider's figures were computed on (levering_id None: none yet)."""

    aanbieder_code: str
    levering_id: str | None
    leverdatum: date | None
    peildatum: date | None
    geladen_op: datetime | None


@dataclass
class Reproductie:
    uit: Path
    tot: datetime
    leveringen: list[GebruikteLevering]
    rijen: int


def lees_moment(tekst: str) -> datetime:
    """'JJJJ-MM-DD', 'JJJJ-MM-DD UU:MM' or 'JJJJ-MM-DD UU:MM:SS' (local time, like
    geladen_op); a date alone is 00:00 of that day."""
    for vorm in MOMENTVORMEN:
        try:
            return datetime.strptime(tekst.strip(), vorm)
        except ValueError:
            continue
    raise ReproductieFout(f"--tot '{tekst}' is geen moment; schrijf JJJJ-MM-DD of 'JJJJ-MM-DD UU:MM'")


def _schrijver(uit: Path):
    try:
        return SCHRIJVERS[uit.suffix.lower()]
    except KeyError:
        raise ReproductieFout(
            f"onbekende uitvoervorm '{uit.suffix or uit.name}' voor {uit}: kies .csv, .xlsx of .duckdb"
        ) from None


def _controleer_uitvoer(uit: Path, warehouse: Path) -> None:
    _schrijver(uit)
    if uit.resolve() in (warehouse.resolve(), published_file(warehouse).resolve()):
        raise ReproductieFout(f"{uit} is het warehouse of zijn gepubliceerde kopie; kies een ander uitvoerbestand")


def kopieer_warehouse(warehouse: Path, doel: Path, melding: Callable[[str], None] | None = None) -> None:
    """Copy the warehouse file (and its WAL, if any) while holding the write lock."""
    with schrijfslot(warehouse, melding):
        shutil.copyfile(warehouse, doel)
        wal = warehouse.with_name(warehouse.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, doel.with_name(doel.name + ".wal"))


def _controleer_leveringen(kopie: Path, warehouse: Path, tot: datetime) -> None:
    con = duckdb.connect(str(kopie), read_only=True)
    try:
        try:
            voor, eerste = con.execute(
                "SELECT count(*) FILTER (WHERE geladen_op <= ?), min(geladen_op) FROM raw.leveringen", [tot]
            ).fetchone()
        except duckdb.CatalogException:
            raise ReproductieFout(f"het warehouse {warehouse} heeft geen tabel raw.leveringen (nog nooit geladen?)") from None
    finally:
        con.close()
    if eerste is None:
        raise ReproductieFout(f"het warehouse {warehouse} heeft nog geen leveringen")
    if voor == 0:
        raise ReproductieFout(
            f"het warehouse {warehouse} heeft geen leveringen geladen op of vóór {tot:%Y-%m-%d %H:%M:%S}; "
            f"de eerste levering is geladen op {eerste:%Y-%m-%d %H:%M:%S}"
        )


def dbt_vars(tot: datetime) -> dict[str, str]:
    return {"tot_geladen_op": f"{tot:%Y-%m-%d %H:%M:%S}"}


def _bouw(kopie: Path, werkmap: Path, tot: datetime) -> None:
    from opvangmonitor.orkestratie.dbt import DBT_EXECUTABLE

    proces = subprocess.run(
        [
            DBT_EXECUTABLE, "build", "--exclude-resource-type", "unit_test",
            "--vars", json.dumps(dbt_vars(tot)),
            "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR),
            "--target-path", str(werkmap / "target"), "--log-path", str(werkmap / "logs"),
        ],
        env={**os.environ, ENV_WAREHOUSE: str(kopie), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
        capture_output=True,
        text=True,
    )
    if proces.returncode != 0:
        regels = [r for r in proces.stdout.splitlines() if "ERROR" in r or "FAIL" in r or "Error" in r]
        detail = "\n".join(regels[-20:]) or (proces.stdout + proces.stderr)[-3000:]
        raise ReproductieFout(f"dbt build op de kopie van het warehouse mislukt:\n{detail}")


def gebruikte_leveringen(con: duckdb.DuckDBPyConnection) -> list[GebruikteLevering]:
    """Per provider (configured, or with a delivery) the actuele delivery of the build."""
    rijen = con.execute(
        """
        SELECT coalesce(a.aanbieder_code, l.aanbieder_code) AS aanbieder_code,
               l.levering_id, l.leverdatum, l.peildatum, l.geladen_op
        FROM (SELECT DISTINCT aanbieder_code FROM config.regio_aanbieders) AS a
        FULL JOIN (SELECT * FROM staging.stg_leveringen WHERE is_actueel) AS l
            ON l.aanbieder_code = a.aanbieder_code
        ORDER BY 1
        """
    ).fetchall()
    return [GebruikteLevering(*r) for r in rijen]


def _schrijf_csv(con: duckdb.DuckDBPyConnection, doel: Path, leveringen) -> None:
    pad = str(doel).replace("'", "''")
    con.execute(f"COPY ({INDICATOREN}) TO '{pad}' (FORMAT csv, HEADER, DELIMITER ',')")


LEVERINGKOLOMMEN = ["aanbieder_code", "levering_id", "leverdatum", "peildatum", "geladen_op"]


def _leveringrij(lev: GebruikteLevering) -> list:
    return [lev.aanbieder_code, lev.levering_id, lev.leverdatum, lev.peildatum, lev.geladen_op]


def _schrijf_xlsx(con: duckdb.DuckDBPyConnection, doel: Path, leveringen) -> None:
    from openpyxl import Workbook

    boek = Workbook(write_only=True)
    blad = boek.create_sheet("indicatoren")
    cursor = con.execute(INDICATOREN)
    blad.append([k[0] for k in cursor.description])
    for rij in cursor.fetchall():
        blad.append(list(rij))
    blad = boek.create_sheet("leveringen")
    blad.append(LEVERINGKOLOMMEN)
    for lev in leveringen:
        blad.append(_leveringrij(lev))
    boek.save(doel)


def _schrijf_duckdb(con: duckdb.DuckDBPyConnection, doel: Path, leveringen) -> None:
    pad = str(doel).replace("'", "''")
    con.execute(f"ATTACH '{pad}' AS uitvoer")
    try:
        con.execute("CREATE SCHEMA uitvoer.marts")
        con.execute(f"CREATE TABLE uitvoer.marts.indicatoren AS {INDICATOREN}")
        con.execute("CREATE SCHEMA uitvoer.meta")
        con.execute(
            "CREATE TABLE uitvoer.meta.reproductie_leveringen (aanbieder_code VARCHAR, levering_id VARCHAR, "
            "leverdatum DATE, peildatum DATE, geladen_op TIMESTAMP)"
        )
        if leveringen:
            con.executemany(
                "INSERT INTO uitvoer.meta.reproductie_leveringen VALUES (?, ?, ?, ?, ?)",
                [_leveringrij(lev) for lev in leveringen],
            )
        con.execute("CHECKPOINT uitvoer")
    finally:
        con.execute("DETACH uitvoer")


SCHRIJVERS = {".csv": _schrijf_csv, ".xlsx": _schrijf_xlsx, ".duckdb": _schrijf_duckdb}


def schrijf_indicatoren(con: duckdb.DuckDBPyConnection, uit: Path, leveringen: list[GebruikteLevering]) -> int:
    """Write marts.indicatoren of `con` (sorted by every column) to `uit` by its extension,
    via a temporary file that then replaces `uit`; return the number of rows."""
    schrijver = _schrijver(uit)
    uit.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = uit.with_name(f".{uit.stem}.nieuw-{os.getpid()}{uit.suffix}")
    tijdelijk.unlink(missing_ok=True)
    try:
        schrijver(con, tijdelijk, leveringen)
        os.replace(tijdelijk, uit)
    finally:
        tijdelijk.unlink(missing_ok=True)
    return con.execute("SELECT count(*) FROM marts.indicatoren").fetchone()[0]


def reproduceer(
    warehouse: Path,
    tot: datetime,
    uit: Path,
    melding: Callable[[str], None] | None = None,
) -> Reproductie:
    """The indicators as computed on the deliveries loaded at or before `tot`, written to
    `uit` (.csv, .xlsx or .duckdb). The warehouse itself is only read (copied)."""
    warehouse, uit = Path(warehouse), Path(uit)
    if tot.tzinfo is not None:  # geladen_op is naive local time
        tot = tot.astimezone().replace(tzinfo=None)
    tot = tot.replace(microsecond=0)  # geladen_op has whole seconds
    _controleer_uitvoer(uit, warehouse)
    if not warehouse.is_file():
        raise ReproductieFout(f"warehouse {warehouse} bestaat niet")
    with tempfile.TemporaryDirectory(prefix="opvangmonitor-reproductie-") as tmp:
        werkmap = Path(tmp)
        kopie = werkmap / "warehouse.duckdb"
        kopieer_warehouse(warehouse, kopie, melding)
        _controleer_leveringen(kopie, warehouse, tot)
        _bouw(kopie, werkmap, tot)
        con = duckdb.connect(str(kopie))
        try:
            leveringen = gebruikte_leveringen(con)
            rijen = schrijf_indicatoren(con, uit, leveringen)
        finally:
            con.close()
    return Reproductie(uit=uit, tot=tot, leveringen=leveringen, rijen=rijen)


def _aantal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def samenvatting(r: Reproductie) -> str:
    """One Dutch line: the moment, the delivery used per provider, the rows written."""
    delen = [
        f"{lev.aanbieder_code} {lev.levering_id} (geladen {lev.geladen_op:%Y-%m-%d %H:%M:%S})"
        if lev.levering_id
        else f"{lev.aanbieder_code} geen levering"
        for lev in r.leveringen
    ]
    return (
        f"Indicatoren zoals op {r.tot:%Y-%m-%d %H:%M:%S}: {', '.join(delen)}; "
        f"{_aantal(r.rijen)} rijen geschreven naar {r.uit}"
    )
