"""Hand-built published files for the dashboard tests: the tables the publish step copies
(marts, config, meta, raw) with the columns the dashboard reads, filled by each test with
rows whose figures it knows. One place for the table shapes instead of one copy per test
file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

# table -> column definitions, as in the published file (only the columns the dashboard reads)
TABELLEN: dict[str, str] = {
    "marts.indicatoren": (
        "regio VARCHAR, indicator VARCHAR, variant VARCHAR, periode_type VARCHAR, periode_start DATE, "
        "periode_eind DATE, dimensie VARCHAR, dimensie_waarde VARCHAR, teller DOUBLE, noemer DOUBLE, "
        "waarde DOUBLE, eenheid VARCHAR, norm DOUBLE, status VARCHAR"
    ),
    "marts.dim_periode": (
        "regio VARCHAR, periode_type VARCHAR, periode_start DATE, periode_eind DATE, periode_label VARCHAR, "
        "regio_peildatum DATE"
    ),
    "marts.dim_gemeente": "gemeentecode VARCHAR, gemeentenaam VARCHAR",
    "marts.indicatoren_openstaand": (
        "regio VARCHAR, indicator VARCHAR, variant VARCHAR, periode_type VARCHAR, periode_start DATE, "
        "periode_eind DATE, openstaand BIGINT"
    ),
    "marts.hf_stoplicht": (
        "regio VARCHAR, peildatum DATE, aanbieder_code VARCHAR, persoon_key VARCHAR, traject_start DATE, "
        "weken_lopend INTEGER, laatste_stoplicht VARCHAR, laatste_stoplicht_datum DATE, maximum_dagen INTEGER, "
        "langer_dan_104_weken BOOLEAN"
    ),
    "marts.mo1_personen": (
        "regio VARCHAR, periode_type VARCHAR, periode_start DATE, periode_eind DATE, onderdeel VARCHAR, "
        "locatie VARCHAR, persoon_key VARCHAR, gemeente_herkomst VARCHAR, startdatum DATE, "
        "maanden_verblijf DOUBLE, verblijfsduur VARCHAR, einddatum DATE, uitstroomperspectief VARCHAR"
    ),
    "marts.datakwaliteit_leveringen": (
        "levering_id VARCHAR, aanbieder_code VARCHAR, aanbieder_naam VARCHAR, leverdatum DATE, peildatum DATE, "
        "is_actueel BOOLEAN, geladen_op TIMESTAMP, bronvorm VARCHAR, bestand VARCHAR, aanwezig BOOLEAN, "
        "rijen_gelezen BIGINT, rijen_geladen BIGINT, rijen_quarantaine BIGINT, reconciliatie_klopt BOOLEAN"
    ),
    "marts.datakwaliteit_tellers": (
        "levering_id VARCHAR, aanbieder_code VARCHAR, is_actueel BOOLEAN, teller VARCHAR, omschrijving VARCHAR, "
        "bestand VARCHAR, veld VARCHAR, reden VARCHAR, aantal BIGINT"
    ),
    "config.regios": "regio VARCHAR, naam VARCHAR",
    "config.regio_indicatorfamilies": "regio VARCHAR, familie VARCHAR",
    "config.regio_gemeenten": "regio VARCHAR, gemeentecode VARCHAR",
    "config.regio_parameters": "regio VARCHAR, parameter VARCHAR, sleutel VARCHAR, waarde VARCHAR",
    "meta.publicatie": "gepubliceerd_op TIMESTAMP, warehouse VARCHAR",
    "raw.quarantaine": (
        "levering_id VARCHAR, bestand VARCHAR, regel INTEGER, veld VARCHAR, reden VARCHAR, ruwe_waarden VARCHAR"
    ),
}

# what every indicator page needs
INDICATORTABELLEN = ("marts.indicatoren", "marts.dim_periode", "marts.dim_gemeente", "config.regios")
# the gemeenten of Rijnstreek, the region most tests use
GEMEENTEN_RIJNSTREEK = [("GM0484", "Alphen aan den Rijn"), ("GM1884", "Kaag en Braassem"), ("GM0569", "Nieuwkoop")]
GEPUBLICEERD_OP = datetime(2026, 11, 23, 14, 5, 9)  # shown as "23 november 2026 om 14:05"


def vul(con: duckdb.DuckDBPyConnection, tabel: str, rijen: Iterable[Sequence]) -> None:
    """Insert whole rows (every column of `tabel`, in order)."""
    rijen = [list(r) for r in rijen]
    if rijen:
        plaatsen = ", ".join("?" * len(rijen[0]))
        con.executemany(f"INSERT INTO {tabel} VALUES ({plaatsen})", rijen)


@contextmanager
def gepubliceerd_bestand(
    pad: Path,
    tabellen: Sequence[str] = INDICATORTABELLEN,
    *,
    regios: Iterable[tuple[str, str]] = (),
    gemeenten: Iterable[tuple[str, str]] = (),
    gepubliceerd_op: datetime = GEPUBLICEERD_OP,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A new DuckDB file at `pad` with the empty `tabellen` (names in TABELLEN) plus
    meta.publicatie (one row: `gepubliceerd_op`), config.regios filled with `regios`
    ((code, naam)) and marts.dim_gemeente with `gemeenten` ((code, naam)) when those
    tables are asked for. Yields the connection for the test's own rows; closes it."""
    con = duckdb.connect(str(pad))
    try:
        alle = [*dict.fromkeys([*tabellen, "meta.publicatie"])]
        for schema in dict.fromkeys(t.split(".")[0] for t in alle):
            con.execute(f"CREATE SCHEMA {schema}")
        for tabel in alle:
            con.execute(f"CREATE TABLE {tabel} ({TABELLEN[tabel]})")
        vul(con, "meta.publicatie", [(gepubliceerd_op, "/x/wh.duckdb")])
        if "config.regios" in alle:
            vul(con, "config.regios", regios)
        if "marts.dim_gemeente" in alle:
            vul(con, "marts.dim_gemeente", gemeenten)
        yield con
    finally:
        con.close()


def gebruik(pad: Path, monkeypatch) -> Path:
    """Point the dashboard at the published file `pad`, suppression on (no exact-figures
    override from the environment); returns `pad`."""
    monkeypatch.setenv("OPVANGMONITOR_GEPUBLICEERD", str(pad))
    monkeypatch.delenv("OPVANGMONITOR_EXACTE_CIJFERS", raising=False)
    return pad
