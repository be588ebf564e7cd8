"""Publication: the read-only copy of the warehouse that the dashboards read.

After a successful load the marts, the region configuration and the delivery
bookkeeping are copied into a new DuckDB file next to the warehouse, which then
replaces the published file atomically (os.replace). A dashboard holding the old file
open keeps reading it; new queries see the new one; a crashed load leaves the
published file untouched. The working warehouse is never read by the dashboards.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from opvangmonitor.paden import published_file

# Whole schemas copied, and single tables from other schemas.
GEPUBLICEERDE_SCHEMAS = ("marts", "config")
GEPUBLICEERDE_TABELLEN = ("raw.leveringen", "raw.leverbestanden", "raw.quarantaine", "meta.gx_resultaten")


@dataclass
class PublicatieResultaat:
    pad: Path
    tabellen: dict[str, int]  # "schema.tabel" -> rows
    data_docs: Path | None = None  # the published copy of the Data Docs site, when given


def data_docs_map(gepubliceerd: Path) -> Path:
    """Where the Data Docs site published with `gepubliceerd` lives: a folder next to it,
    `<stem>.gepubliceerd.data_docs/` (index.html inside)."""
    gepubliceerd = Path(gepubliceerd)
    return gepubliceerd.with_name(gepubliceerd.stem + ".data_docs")


def publiceer_data_docs(site: Path, gepubliceerd: Path) -> Path:
    """Copy the Data Docs site folder `site` (holding index.html) next to the published
    file, replacing the previous copy: the new copy is written under a temporary name and
    renamed in; the old one is removed afterwards. Returns the published folder."""
    site = Path(site)
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"Data Docs: {site / 'index.html'} ontbreekt; niets te publiceren")
    doel = data_docs_map(gepubliceerd)
    for oud in doel.parent.glob(doel.name + ".nieuw-*"):
        shutil.rmtree(oud, ignore_errors=True)
    for oud in doel.parent.glob(doel.name + ".oud-*"):
        shutil.rmtree(oud, ignore_errors=True)
    tijdelijk = doel.with_name(doel.name + f".nieuw-{os.getpid()}")
    shutil.copytree(site, tijdelijk)
    oud = doel.with_name(doel.name + f".oud-{os.getpid()}")
    if doel.exists():
        os.replace(doel, oud)
    os.replace(tijdelijk, doel)
    shutil.rmtree(oud, ignore_errors=True)
    return doel


def _te_publiceren(con: duckdb.DuckDBPyConnection) -> list[str]:
    schemas = ", ".join(f"'{s}'" for s in GEPUBLICEERDE_SCHEMAS)
    rijen = con.execute(
        f"""
        SELECT table_schema || '.' || table_name
        FROM information_schema.tables
        WHERE table_catalog = current_database()
          AND (table_schema IN ({schemas}) OR table_schema || '.' || table_name IN ?)
        ORDER BY 1
        """,
        [list(GEPUBLICEERDE_TABELLEN)],
    ).fetchall()
    return [r[0] for r in rijen]


def publiceer(warehouse: Path, data_docs: Path | None = None) -> PublicatieResultaat:
    """Copy the publishable tables of `warehouse` into a fresh file and swap it in; with
    `data_docs` (the built Data Docs site folder), publish a copy of it next to the file
    afterwards (publiceer_data_docs)."""
    warehouse = Path(warehouse)
    doel = published_file(warehouse)
    # leftovers of a publication that was killed midway (callers hold the write lock,
    # so no other publication is running)
    for oud in doel.parent.glob(doel.name + ".nieuw-*"):
        oud.unlink()
    tijdelijk = doel.with_name(doel.name + f".nieuw-{os.getpid()}")
    tabellen: dict[str, int] = {}
    con = duckdb.connect(str(warehouse))
    try:
        con.execute(f"ATTACH '{tijdelijk}' AS pub")
        for naam in _te_publiceren(con):
            schema, tabel = naam.split(".")
            con.execute(f"CREATE SCHEMA IF NOT EXISTS pub.{schema}")
            con.execute(f"CREATE TABLE pub.{schema}.{tabel} AS SELECT * FROM {schema}.{tabel}")
            tabellen[naam] = con.execute(f"SELECT count(*) FROM pub.{schema}.{tabel}").fetchone()[0]
        con.execute("CREATE SCHEMA IF NOT EXISTS pub.meta")
        con.execute(
            "CREATE TABLE pub.meta.publicatie AS SELECT ?::TIMESTAMP AS gepubliceerd_op, ? AS warehouse",
            [datetime.now().replace(microsecond=0), str(warehouse)],
        )
        con.execute("CHECKPOINT pub")
        con.execute("DETACH pub")
    finally:
        con.close()
    with open(tijdelijk, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tijdelijk, doel)
    docs = publiceer_data_docs(data_docs, doel) if data_docs is not None else None
    return PublicatieResultaat(pad=doel, tabellen=tabellen, data_docs=docs)
