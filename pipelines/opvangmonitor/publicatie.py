"""Publication: the read-only copy of the warehouse that the dashboards read.

After a successful load the marts, the region configuration and the delivery
bookkeeping are copied into a new DuckDB file next to the warehouse, which then
replaces the published file atomically (os.replace). A dashboard holding the old file
open keeps reading it; new queries see the new one; a crashed load leaves the
published file untouched. The working warehouse is never read by the dashboards.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from opvangmonitor.paden import published_file

# Whole schemas copied, and single tables from other schemas.
GEPUBLICEERDE_SCHEMAS = ("marts", "config")
GEPUBLICEERDE_TABELLEN = ("raw.leveringen", "raw.leverbestanden", "raw.quarantaine")


@dataclass
class PublicatieResultaat:
    pad: Path
    tabellen: dict[str, int]  # "schema.tabel" -> rows


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


def publiceer(warehouse: Path) -> PublicatieResultaat:
    """Copy the publishable tables of `warehouse` into a fresh file and swap it in."""
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
        con.execute("CREATE SCHEMA pub.meta")
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
    return PublicatieResultaat(pad=doel, tabellen=tabellen)
