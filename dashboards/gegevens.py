"""Data access for the dashboard: only the published read-only DuckDB file.

Every query opens a short read-only connection, fetches and closes it. The publish step
replaces the file atomically (os.replace), so results are cached per file version
(inode, mtime, size): a new publication is read on the next rerun.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

ENV_GEPUBLICEERD = "OPVANGMONITOR_GEPUBLICEERD"


def gepubliceerd_bestand() -> Path:
    pad = os.environ.get(ENV_GEPUBLICEERD)
    if pad:
        return Path(pad)
    from opvangmonitor.paden import published_file, warehouse_file

    return published_file(warehouse_file())


@dataclass(frozen=True)
class Bron:
    """The published file as it was when the page started."""

    pad: str
    versie: tuple[int, int, int]  # inode, mtime_ns, size


def bron() -> Bron | None:
    """The published file, or None when there is none (or it is empty)."""
    pad = gepubliceerd_bestand()
    try:
        s = pad.stat()
    except FileNotFoundError:
        return None
    if s.st_size == 0:
        return None
    return Bron(str(pad), (s.st_ino, s.st_mtime_ns, s.st_size))


@st.cache_data(show_spinner=False, max_entries=512)
def _query(pad: str, versie: tuple[int, int, int], sql: str, params: tuple) -> pd.DataFrame:
    con = duckdb.connect(pad, read_only=True)
    try:
        return con.execute(sql, list(params)).df()
    finally:
        con.close()


def lees(b: Bron, sql: str, *params) -> pd.DataFrame:
    return _query(b.pad, b.versie, sql, tuple(params))


def tabellen(b: Bron) -> set[str]:
    df = lees(b, "SELECT table_schema || '.' || table_name AS t FROM information_schema.tables")
    return set(df["t"])


def heeft_indicatoren(b: Bron) -> bool:
    """True when the file holds a non-empty marts.indicatoren (and its companions)."""
    nodig = {"marts.indicatoren", "marts.dim_periode", "config.regios"}
    if not nodig <= tabellen(b):
        return False
    return int(lees(b, "SELECT count(*) AS n FROM marts.indicatoren")["n"].iloc[0]) > 0


def regios(b: Bron) -> pd.DataFrame:
    """Every configured region (regio, naam) with indicator rows, by name."""
    return lees(
        b,
        """
        SELECT r.regio, coalesce(r.naam, r.regio) AS naam
        FROM config.regios r
        WHERE EXISTS (SELECT 1 FROM marts.indicatoren i WHERE i.regio = r.regio)
        ORDER BY r.rowid
        """,
    )


def regios_met(b: Bron, indicatoren: tuple[str, ...]) -> pd.DataFrame:
    """Regions (regio, naam) with rows for any of `indicatoren`, by name."""
    return lees(
        b,
        """
        SELECT r.regio, coalesce(r.naam, r.regio) AS naam
        FROM config.regios r
        WHERE EXISTS (SELECT 1 FROM marts.indicatoren i WHERE i.regio = r.regio AND i.indicator IN ?)
        ORDER BY r.rowid
        """,
        list(indicatoren),
    )


def periodes(b: Bron, regio: str, periode_type: str) -> pd.DataFrame:
    """The region's periods of one type, oldest first (periode_start, periode_eind,
    periode_label, regio_peildatum)."""
    return lees(
        b,
        """
        SELECT periode_start, periode_eind, periode_label, regio_peildatum
        FROM marts.dim_periode
        WHERE regio = ? AND periode_type = ?
        ORDER BY periode_start
        """,
        regio,
        periode_type,
    )


def periode_types(b: Bron, regio: str, indicatoren: tuple[str, ...] | None = None) -> list[str]:
    """The period types with indicator rows for the region (of `indicatoren` when given)."""
    if not indicatoren:
        df = lees(b, "SELECT DISTINCT periode_type FROM marts.indicatoren WHERE regio = ?", regio)
        return list(df["periode_type"])
    df = lees(
        b,
        "SELECT DISTINCT periode_type FROM marts.indicatoren WHERE regio = ? AND indicator IN ?",
        regio,
        list(indicatoren),
    )
    return list(df["periode_type"])


def indicatorrijen(b: Bron, regio: str, indicatoren: tuple[str, ...], periode_type: str) -> pd.DataFrame:
    """All rows (totals and dimension rows) of `indicatoren` for a region and period type."""
    return lees(
        b,
        """
        SELECT indicator, variant, periode_start, periode_eind, dimensie, dimensie_waarde,
               teller, noemer, waarde, eenheid, norm, status
        FROM marts.indicatoren
        WHERE regio = ? AND periode_type = ? AND indicator IN ?
        ORDER BY indicator, periode_start, dimensie, dimensie_waarde
        """,
        regio,
        periode_type,
        list(indicatoren),
    )


def indicatorfamilies(b: Bron, regio: str) -> list[str]:
    """The region's indicator families as configured (regios.yml order)."""
    if "config.regio_indicatorfamilies" not in tabellen(b):
        return []
    df = lees(b, "SELECT familie FROM config.regio_indicatorfamilies WHERE regio = ? ORDER BY rowid", regio)
    return list(dict.fromkeys(df["familie"]))


def gemeentenamen(b: Bron) -> dict[str, str]:
    if "marts.dim_gemeente" not in tabellen(b):
        return {}
    df = lees(b, "SELECT gemeentecode, gemeentenaam FROM marts.dim_gemeente")
    return dict(zip(df["gemeentecode"], df["gemeentenaam"]))


def publicatie(b: Bron) -> pd.Timestamp | None:
    """When the file was published (meta.publicatie), or None."""
    if "meta.publicatie" not in tabellen(b):
        return None
    df = lees(b, "SELECT max(gepubliceerd_op) AS t FROM meta.publicatie")
    t = df["t"].iloc[0]
    return None if pd.isna(t) else t


# ------------------------------------------------------------------ data quality

DATAKWALITEIT_TABELLEN = frozenset({"marts.datakwaliteit_leveringen", "marts.datakwaliteit_tellers", "raw.quarantaine"})


def heeft_datakwaliteit(b: Bron) -> bool:
    """True when the file holds the data-quality marts with at least one delivery."""
    if not DATAKWALITEIT_TABELLEN <= tabellen(b):
        return False
    return int(lees(b, "SELECT count(*) AS n FROM marts.datakwaliteit_leveringen")["n"].iloc[0]) > 0


def leverbestanden(b: Bron) -> pd.DataFrame:
    """marts.datakwaliteit_leveringen: one row per delivery × contract file, newest
    delivery of each provider first."""
    return lees(
        b,
        """
        SELECT levering_id, aanbieder_code, coalesce(aanbieder_naam, aanbieder_code) AS aanbieder,
               leverdatum, peildatum, is_actueel, geladen_op, bestand, aanwezig,
               rijen_gelezen, rijen_geladen, rijen_quarantaine, reconciliatie_klopt
        FROM marts.datakwaliteit_leveringen
        ORDER BY aanbieder, leverdatum DESC, geladen_op DESC, levering_id, bestand
        """,
    )


def datakwaliteit_tellers(b: Bron) -> pd.DataFrame:
    """marts.datakwaliteit_tellers with the delivery's provider name and dates."""
    return lees(
        b,
        """
        SELECT t.levering_id, coalesce(l.aanbieder_naam, t.aanbieder_code) AS aanbieder, l.leverdatum,
               t.is_actueel, t.teller, t.omschrijving, t.bestand, t.veld, t.reden, t.aantal
        FROM marts.datakwaliteit_tellers t
        JOIN (SELECT DISTINCT levering_id, aanbieder_naam, leverdatum FROM marts.datakwaliteit_leveringen) l
          ON l.levering_id = t.levering_id
        ORDER BY aanbieder, l.leverdatum DESC, t.levering_id, t.teller, t.bestand, t.veld, t.reden
        """,
    )


def indicatortellers(b: Bron) -> pd.DataFrame:
    """marts.datakwaliteit_indicatoren (counters of the indicator families) with region
    names; empty when the published file predates that mart."""
    aanwezig = tabellen(b)
    if "marts.datakwaliteit_indicatoren" not in aanwezig:
        return pd.DataFrame(columns=["regio", "aanbieder_code", "teller", "omschrijving", "aantal"])
    naam = "coalesce(r.naam, t.regio)" if "config.regios" in aanwezig else "t.regio"
    koppeling = "LEFT JOIN config.regios r USING (regio)" if "config.regios" in aanwezig else ""
    return lees(
        b,
        f"""
        SELECT {naam} AS regio, t.aanbieder_code, t.teller, t.omschrijving, t.aantal
        FROM marts.datakwaliteit_indicatoren t
        {koppeling}
        ORDER BY regio, t.aanbieder_code, t.teller
        """,
    )


def quarantainevoorbeelden(b: Bron, per_reden: int = 3) -> pd.DataFrame:
    """The first `per_reden` lines (by line number) of raw.quarantaine for every
    quarantaine counter of marts.datakwaliteit_tellers (delivery, file, field, reason; a
    '…' in the counter's reason stands for the elided line number)."""
    return lees(
        b,
        """
        WITH t AS (
            SELECT levering_id, bestand, veld, reden
            FROM marts.datakwaliteit_tellers
            WHERE teller = 'quarantaine'
        ),
        v AS (
            SELECT t.levering_id, t.bestand, t.veld, t.reden, q.regel, q.reden AS reden_regel,
                   q.ruwe_waarden,
                   row_number() OVER (PARTITION BY t.levering_id, t.bestand, t.veld, t.reden ORDER BY q.regel) AS nr
            FROM t
            JOIN raw.quarantaine q
              ON q.levering_id = t.levering_id
             AND q.bestand = t.bestand
             AND coalesce(q.veld, '') = t.veld
             AND q.reden LIKE replace(replace(replace(t.reden, '%', '\\%'), '_', '\\_'), '…', '%') ESCAPE '\\'
        )
        SELECT levering_id, bestand, veld, reden, regel, reden_regel, ruwe_waarden
        FROM v
        WHERE nr <= ?
        ORDER BY levering_id, bestand, veld, reden, regel
        """,
        per_reden,
    )
