"""The raw schema of the warehouse: one table per contract file plus bookkeeping.

Raw tables hold the rows that passed the contract's row rules (aanlevering.md §6),
typed per the contract, with the delivery, file and line they came from. Identifying
fields never appear as delivered: `client_id` becomes `client_pseudoniem`, `bsn` becomes
`bsn_pseudoniem` (NULL when absent or failing the elfproef) and `bsn_elfproef_ongeldig`.
Unknown extra columns are kept as a JSON object in `extra_kolommen`.
"""

from __future__ import annotations

import duckdb

from opvangmonitor.contract import Bestand, Contract, contract

RAW = "raw"

META_KOLOMMEN: list[tuple[str, str]] = [
    ("levering_id", "VARCHAR NOT NULL"),
    ("bestand", "VARCHAR NOT NULL"),  # file name as delivered (or sheet name in a workbook)
    ("regel", "INTEGER NOT NULL"),  # physical line number of the row's first line (header = 1)
]


def raw_kolommen(bestand: Bestand) -> list[tuple[str, str]]:
    """(column, DuckDB type) of a contract file's raw table, meta columns first."""
    kolommen = list(META_KOLOMMEN)
    for veld in bestand.velden:
        if veld.pseudoniem == "client":
            kolommen.append(("client_pseudoniem", "VARCHAR"))
        elif veld.pseudoniem == "bsn":
            kolommen.append(("bsn_pseudoniem", "VARCHAR"))
            kolommen.append(("bsn_elfproef_ongeldig", "BOOLEAN"))
        else:
            kolommen.append((veld.naam, veld.duckdb_type))
    kolommen.append(("extra_kolommen", "VARCHAR"))  # JSON object of unknown columns, or NULL
    return kolommen


BOEKHOUDING_DDL = f"""
CREATE SCHEMA IF NOT EXISTS {RAW};

-- One row per delivery that was loaded (a re-sent delivery with other content is a new row).
CREATE TABLE IF NOT EXISTS {RAW}.leveringen (
    levering_id     VARCHAR PRIMARY KEY,   -- <aanbieder_code>_<jjjjmmdd>_<first 12 hex of content hash>
    aanbieder_code  VARCHAR NOT NULL,
    aanbieder_naam  VARCHAR,
    leverdatum      DATE NOT NULL,
    peildatum       DATE NOT NULL,
    spec_versie     VARCHAR,
    bron            VARCHAR NOT NULL,      -- name of the folder, .zip or .xlsx in the landing folder
    bronvorm        VARCHAR NOT NULL,      -- map / zip / xlsx
    inhoud_hash     VARCHAR NOT NULL,      -- sha256 over the delivery's files (names and bytes)
    geladen_op      TIMESTAMP NOT NULL
);

-- Reconciliation per file of a delivery: gelezen = geladen + quarantaine.
CREATE TABLE IF NOT EXISTS {RAW}.leverbestanden (
    levering_id        VARCHAR NOT NULL,
    bestand            VARCHAR NOT NULL,   -- contract file name, e.g. clienten
    aanwezig           BOOLEAN NOT NULL,
    rijen_gelezen      BIGINT NOT NULL,
    rijen_geladen      BIGINT NOT NULL,
    rijen_quarantaine  BIGINT NOT NULL,
    codering           VARCHAR,            -- utf-8, utf-8-sig, cp1252, xlsx
    scheidingsteken    VARCHAR,
    PRIMARY KEY (levering_id, bestand)
);

-- Rows that broke the contract (aanlevering.md §6), never silently dropped.
CREATE TABLE IF NOT EXISTS {RAW}.quarantaine (
    levering_id   VARCHAR NOT NULL,
    bestand       VARCHAR NOT NULL,
    regel         INTEGER NOT NULL,
    veld          VARCHAR,                 -- the field the reason is about, if one
    reden         VARCHAR NOT NULL,        -- Dutch, e.g. "verplicht veld ontbreekt"
    ruwe_waarden  VARCHAR NOT NULL         -- JSON object of the row as delivered, identifiers pseudonymised
);

-- Deliveries that could not be read at all; skipped until re-sent with other content.
CREATE TABLE IF NOT EXISTS {RAW}.leveringen_mislukt (
    bron          VARCHAR NOT NULL,
    inhoud_hash   VARCHAR NOT NULL,
    bestand       VARCHAR,
    fout          VARCHAR NOT NULL,
    tijdstip      TIMESTAMP NOT NULL,
    PRIMARY KEY (bron, inhoud_hash)
);
"""


def maak_raw_schema(con: duckdb.DuckDBPyConnection, c: Contract | None = None) -> None:
    """Create the raw schema and every raw table if they do not exist yet."""
    c = c or contract()
    con.execute(BOEKHOUDING_DDL)
    for bestand in c.bestanden.values():
        kolommen = ",\n    ".join(f"{naam} {type_}" for naam, type_ in raw_kolommen(bestand))
        con.execute(f"CREATE TABLE IF NOT EXISTS {RAW}.{bestand.naam} (\n    {kolommen}\n)")
