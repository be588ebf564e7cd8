"""Run a table's suite: read it over a short read-only connection, close, then validate
through its GX checkpoint (the result is kept in the validation results store).

A table with more rows than the threshold is not read whole: DuckDB checks every rule
over all rows and GX validates a sample plus the offending rows (grote_tabellen.py).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from opvangmonitor.validatie import grote_tabellen
from opvangmonitor.validatie.definities import TabelValidatie, validatie
from opvangmonitor.validatie.grote_tabellen import SqlUitkomst
from opvangmonitor.validatie.meldingen import melding
from opvangmonitor.validatie.project import GX_DIR_NAAM, gx_project_dir, open_context

RUN_NAAM = "opvangmonitor"  # run name of every validation result (Data Docs groups by it)
RUN_NAAM_STEEKPROEF = "opvangmonitor-steekproef"  # … of a large table's sample + offending rows


@dataclass
class ValidatieUitslag:
    tabel: str
    suite: str
    geslaagd: bool
    aantal_rijen: int  # rows of the table
    aantal_expectations: int
    mislukt: list[str] = field(default_factory=list)  # Dutch one-liner per failed expectation
    steekproef: int | None = None  # rows GX validated when the table exceeded the threshold
    uitgevoerd_op: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))
    data_docs_pagina: str | None = None  # this result's page, relative to the Data Docs site


@dataclass
class _Invoer:
    df: object  # pandas DataFrame GX validates
    aantal_rijen: int
    uitkomsten: dict[int, SqlUitkomst] | None  # None: df is the whole table


def _lees(warehouse: Path, tv: TabelValidatie, drempel: int) -> _Invoer | None:
    """What GX validates, or None when the table does not exist. The connection is
    read-only and closed before returning."""
    warehouse = Path(warehouse)
    if not warehouse.is_file():
        raise FileNotFoundError(f"Warehouse {warehouse} bestaat niet: niets te valideren.")
    schema, naam = tv.tabel.split(".")
    relatie = f'"{schema}"."{naam}"'
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        kolommen = {
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
                [schema, naam],
            ).fetchall()
        }
        if not kolommen:
            return None
        (aantal,) = con.execute(f"SELECT count(*) FROM {relatie}").fetchone()
        if aantal <= drempel:
            return _Invoer(con.execute(f"SELECT * FROM {relatie}").df(), aantal, None)
        uitkomsten = grote_tabellen.controleer(con, relatie, tv.verwachtingen, kolommen, aantal)
        df = grote_tabellen.lees_frame(con, relatie, tv.verwachtingen, uitkomsten, drempel)
        return _Invoer(df, aantal, uitkomsten)
    finally:
        con.close()


def valideer_tabel(warehouse: Path, tabel: str, drempel: int | None = None) -> ValidatieUitslag:
    """Validate `tabel` of `warehouse` against its suite (see VALIDATIES). Tables with
    more than `drempel` rows (default grote_tabellen.drempel()) take the large-table path."""
    tv = validatie(tabel)
    begin = datetime.now().replace(microsecond=0)
    invoer = _lees(warehouse, tv, drempel or grote_tabellen.drempel())  # the warehouse is closed from here on
    context = open_context()
    volgorde = {e.id: i for i, e in enumerate(context.suites.get(tv.suite).expectations)}
    aantal = len(volgorde)
    if invoer is None:
        return ValidatieUitslag(
            tabel=tabel,
            suite=tv.suite,
            geslaagd=False,
            aantal_rijen=0,
            aantal_expectations=aantal,
            mislukt=[f"tabel {tabel} ontbreekt in {warehouse}"],
            uitgevoerd_op=begin,
        )
    from great_expectations.core.run_identifier import RunIdentifier

    groot = invoer.uitkomsten is not None
    resultaat = context.checkpoints.get(tv.suite).run(
        batch_parameters={"dataframe": invoer.df},
        run_id=RunIdentifier(run_name=RUN_NAAM_STEEKPROEF if groot else RUN_NAAM),
    )
    ((sleutel, suite_resultaat),) = resultaat.run_results.items()
    # GX groups results by metric; report them in the suite's order.
    resultaten = sorted(suite_resultaat.results, key=lambda r: volgorde.get(r.expectation_config.id, aantal))
    mislukt = []
    for r in resultaten:
        sql = (invoer.uitkomsten or {}).get(volgorde.get(r.expectation_config.id))
        if sql is not None and sql.aantal_fout is None:
            fout = sql.mislukt  # a table-level rule: the frame's size says nothing
        else:
            # GX failing on the frame (rows of the table) while SQL passes cannot happen
            # unless the two disagree on a rule; then the stricter verdict holds.
            fout = (sql is not None and sql.mislukt) or not r.success
        if fout:
            mislukt.append(melding(r, sql if sql is not None and sql.mislukt else None))
    return ValidatieUitslag(
        tabel=tabel,
        suite=tv.suite,
        geslaagd=not mislukt,
        aantal_rijen=invoer.aantal_rijen,
        aantal_expectations=int(suite_resultaat.statistics["evaluated_expectations"]),
        mislukt=mislukt,
        steekproef=len(invoer.df) if groot else None,
        uitgevoerd_op=begin,
        data_docs_pagina="validations/" + "/".join(sleutel.to_tuple()) + ".html",
    )


GX_RESULTATEN = "meta.gx_resultaten"
GX_RESULTATEN_DDL = f"""
CREATE SCHEMA IF NOT EXISTS meta;
CREATE TABLE IF NOT EXISTS {GX_RESULTATEN} (
    run_id VARCHAR,                  -- the Dagster run (groups the suites of one run)
    suite VARCHAR NOT NULL,
    tabel VARCHAR NOT NULL,
    uitgevoerd_op TIMESTAMP NOT NULL,
    geslaagd BOOLEAN NOT NULL,
    aantal_rijen BIGINT NOT NULL,
    aantal_verwachtingen INTEGER NOT NULL,
    aantal_mislukt INTEGER NOT NULL,
    steekproef BIGINT,               -- rows GX validated when the table exceeded the threshold
    details VARCHAR NOT NULL,        -- JSON list of the Dutch one-liners of failed expectations
    data_docs_pagina VARCHAR         -- the result's page relative to the Data Docs site (index.html)
)
"""


def bewaar_uitslag(warehouse: Path, u: ValidatieUitslag, run_id: str | None = None) -> None:
    """Append the summary of one suite run to meta.gx_resultaten of `warehouse` (the
    caller holds the write lock). Published with the marts, shown on Datakwaliteit."""
    con = duckdb.connect(str(warehouse))
    try:
        con.execute(GX_RESULTATEN_DDL)
        con.execute(
            f"INSERT INTO {GX_RESULTATEN} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, u.suite, u.tabel, u.uitgevoerd_op, u.geslaagd, u.aantal_rijen, u.aantal_expectations,
             len(u.mislukt), u.steekproef, json.dumps(u.mislukt, ensure_ascii=False), u.data_docs_pagina],
        )
    finally:
        con.close()


# Validation results kept per suite: GX keeps every run, and building the Data Docs renders
# every kept result, so without a limit the site (and its published copy) grows with every
# load. The dashboard links to the latest result of each suite only.
BEWAAR_RESULTATEN = 3


def _uncommitted() -> Path:
    return gx_project_dir() / GX_DIR_NAAM / "uncommitted"


def data_docs_index() -> Path:
    return _uncommitted() / "data_docs" / "local_site" / "index.html"


def ruim_resultaten_op(bewaar: int = BEWAAR_RESULTATEN) -> int:
    """Delete all but the newest `bewaar` stored validation results of every suite
    (`uncommitted/validations/<suite>/<run_name>/<run_time>/`); the number deleted."""
    weg = 0
    validaties = _uncommitted() / "validations"
    if not validaties.is_dir():
        return 0
    for suite in (d for d in validaties.iterdir() if d.is_dir()):
        runs = sorted((t for naam in suite.iterdir() if naam.is_dir() for t in naam.iterdir() if t.is_dir()),
                      key=lambda t: t.name)  # fmt: skip
        for oud in runs[: max(0, len(runs) - bewaar)]:
            shutil.rmtree(oud, ignore_errors=True)
            weg += 1
    return weg


def bouw_data_docs() -> Path:
    """(Re)build the Data Docs site from the suites and the newest stored results
    (older ones are removed first: ruim_resultaten_op); its index.html."""
    ruim_resultaten_op()
    shutil.rmtree(data_docs_index().parent, ignore_errors=True)
    open_context().build_data_docs()
    index = data_docs_index()
    if not index.is_file():
        raise FileNotFoundError(f"Data Docs gebouwd, maar {index} ontbreekt")
    return index
