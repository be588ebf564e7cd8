"""Loading one file (CSV file or sheet) of a delivery into raw.<file> and raw.quarantaine.

Rows stream from the reader in blocks; identifying columns are pseudonymised in Python
(cached per distinct value), each block goes to DuckDB as an Arrow table into a temporary
table of text columns. Typing and every row rule then run as one vectorised SQL statement
generated from the contract (regels.py, typering.py), and two INSERT … SELECTs write the
loaded and the quarantined rows. Rows whose field count differs from the header go to
quarantine straight from the reader.
"""

from __future__ import annotations

import gc
import json
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from opvangmonitor.contract import Bestand
from opvangmonitor.ingestie.blok import TabelLezer
from opvangmonitor.ingestie.kop import KopIndeling
from opvangmonitor.ingestie.pseudonimisering import Pseudonimiseerder
from opvangmonitor.ingestie.regels import AANTAL_VELDEN, DUBBEL, case, rijregels, sleutel_expressies, t, v
from opvangmonitor.ingestie.typering import getypeerd, opgeschoond, tekst
from opvangmonitor.raw_schema import META_KOLOMMEN, RAW, raw_kolommen

STAGING = "_ingestie_rijen"
RESULTAAT = "_ingestie_resultaat"
BLOK_VIEW = "_ingestie_blok"
BSN_PSEUDONIEM, BSN_ONGELDIG = "_bsn_pseudoniem", "_bsn_ongeldig"


@dataclass
class Telling:
    gelezen: int = 0
    geladen: int = 0
    quarantaine: int = 0


@contextmanager
def zonder_gc():
    """Pause the cyclic garbage collector while reading: the many small, acyclic row lists
    would trigger it over and over (reading then takes three times as long)."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


def kolom(i: int) -> str:
    return f"k{i}"


def _bsn_kolom(bestand: Bestand, indeling: KopIndeling) -> int | None:
    """Header index of the contract's BSN field of this file, if delivered."""
    for veld in bestand.velden:
        if veld.pseudoniem == "bsn":
            return indeling.veld_kolom.get(veld.naam)
    return None


def _blok_tabel(rijen: list[list[str]], regels, indeling: KopIndeling, bsn_kolom: int | None, ps: Pseudonimiseerder) -> pa.Table:
    """The block as an Arrow table (regel, rij: list of texts[, BSN pseudonym columns]),
    identifying values replaced in place before anything reaches DuckDB."""
    data: dict[str, pa.Array] = {"regel": pa.array(regels, pa.int32())}
    extra: dict[str, pa.Array] = {}
    for i, soort in indeling.maskering.items():
        waarden = [r[i] for r in rijen]
        if soort == "client":
            nieuw = ps.clientkolom(waarden)
        else:
            nieuw, pseudoniemen, ongeldig = ps.bsnkolom(waarden)
            if i == bsn_kolom:
                extra = {BSN_PSEUDONIEM: pa.array(pseudoniemen, pa.string()), BSN_ONGELDIG: pa.array(ongeldig, pa.bool_())}
        for r, w in zip(rijen, nieuw):
            r[i] = w
    data["rij"] = pa.array(rijen, pa.list_(pa.string()))  # one conversion for all columns
    data.update(extra)
    return pa.table(data)


def _maak_staging(con: duckdb.DuckDBPyConnection, indeling: KopIndeling, bsn_kolom: int | None) -> None:
    kolommen = ["regel INTEGER"] + [f"{kolom(i)} VARCHAR" for i in range(indeling.breedte)]
    if bsn_kolom is not None:
        kolommen += [f"{BSN_PSEUDONIEM} VARCHAR", f"{BSN_ONGELDIG} BOOLEAN"]
    con.execute(f"CREATE OR REPLACE TEMP TABLE {STAGING} ({', '.join(kolommen)})")


def _json_object(sleutels_kolommen: list[tuple[str, str]]) -> str:
    if not sleutels_kolommen:
        return "CAST(NULL AS VARCHAR)"
    return "CAST(json_object(" + ", ".join(f"{tekst(s)}, {k}" for s, k in sleutels_kolommen) + ") AS VARCHAR)"


def resultaat_sql(bestand: Bestand, indeling: KopIndeling, bsn_kolom: int | None) -> str:
    """SQL creating the result table: per staged row the typed fields, reden and veld."""
    waarden = []
    for veld in bestand.velden:
        i = indeling.veld_kolom.get(veld.naam)
        waarden.append(f"{opgeschoond(kolom(i)) if i is not None else 'CAST(NULL AS VARCHAR)'} AS {v(veld.naam)}")
    if bsn_kolom is not None:
        waarden += [BSN_PSEUDONIEM, BSN_ONGELDIG]
    extra = _json_object([(indeling.sleutels[i], kolom(i)) for i in indeling.extra])
    typen = [f"{getypeerd(veld.type, v(veld.naam))} AS {t(veld.naam)}" for veld in bestand.velden]
    regels = rijregels(bestand)
    sql = f"""
        CREATE OR REPLACE TEMP TABLE {RESULTAAT} AS
        WITH b AS (SELECT regel, {', '.join(waarden)}, {extra} AS _extra FROM {STAGING}),
        t AS (SELECT *, {', '.join(typen)} FROM b),
        r AS (SELECT *, {case(regels, 'reden')} AS _reden, {case(regels, 'veld')} AS _veld FROM t)
    """
    if not bestand.sleutel:
        return sql + " SELECT * EXCLUDE (_reden, _veld), _reden AS reden, _veld AS veld FROM r"
    dubbel = tekst(DUBBEL.split("{regel}")[0]) + " || _eerste || " + tekst(DUBBEL.split("{regel}")[1])
    return sql + f""",
        d AS (
            SELECT *, row_number() OVER w AS _nr, min(regel) OVER w AS _eerste FROM r
            WINDOW w AS (PARTITION BY _reden IS NULL, {', '.join(sleutel_expressies(bestand))} ORDER BY regel)
        )
        SELECT * EXCLUDE (_reden, _veld, _nr, _eerste),
            CASE WHEN _reden IS NOT NULL THEN _reden WHEN _nr > 1 THEN {dubbel} END AS reden,
            CASE WHEN _reden IS NOT NULL THEN _veld WHEN _nr > 1 THEN {tekst(', '.join(bestand.sleutel))} END AS veld
        FROM d
    """


def _raw_expressies(bestand: Bestand, bsn_kolom: int | None) -> dict[str, str]:
    """Raw column -> expression over the result table."""
    uit = {}
    for veld in bestand.velden:
        if veld.pseudoniem == "client":
            uit["client_pseudoniem"] = v(veld.naam)
        elif veld.pseudoniem == "bsn":
            uit["bsn_pseudoniem"] = BSN_PSEUDONIEM if bsn_kolom is not None else "CAST(NULL AS VARCHAR)"
            uit["bsn_elfproef_ongeldig"] = BSN_ONGELDIG if bsn_kolom is not None else "false"
        else:
            uit[veld.naam] = t(veld.naam)
    uit["extra_kolommen"] = "_extra"
    return uit


def _schrijf_afwijkend(con, afwijkend, indeling: KopIndeling, levering_id: str, ps: Pseudonimiseerder) -> None:
    if not afwijkend:
        return
    ruw = []
    for _, waarden in afwijkend:
        sleutels = list(indeling.sleutels) + [f"kolom_{i + 1}" for i in range(indeling.breedte, len(waarden))]
        ruw.append(json.dumps(dict(zip(sleutels, ps.ruwe_rij(waarden, indeling.maskering))), ensure_ascii=False))
    tabel = pa.table({
        "regel": pa.array([r for r, _ in afwijkend], pa.int32()),
        "ruwe_waarden": pa.array(ruw, pa.string()),
    })
    con.register(BLOK_VIEW, tabel)
    try:
        con.execute(
            f"INSERT INTO {RAW}.quarantaine SELECT ?, ?, regel, NULL, ?, ruwe_waarden FROM {BLOK_VIEW}",
            [levering_id, indeling.bestand, AANTAL_VELDEN],
        )
    finally:
        con.unregister(BLOK_VIEW)


def laad_tabel(
    con: duckdb.DuckDBPyConnection,
    lezer: TabelLezer,
    indeling: KopIndeling,
    bestand: Bestand,
    levering_id: str,
    ps: Pseudonimiseerder,
) -> Telling:
    """Read every row of one file into raw.<file> / raw.quarantaine; returns the counts.
    Runs inside the caller's transaction."""
    telling = Telling()
    bsn_kolom = _bsn_kolom(bestand, indeling)
    _maak_staging(con, indeling, bsn_kolom)
    uitpakken = ", ".join(
        ["regel"] + [f"rij[{i + 1}]" for i in range(indeling.breedte)]
        + ([BSN_PSEUDONIEM, BSN_ONGELDIG] if bsn_kolom is not None else [])
    )
    with zonder_gc():
        for blok in lezer.blokken(indeling):
            telling.gelezen += len(blok)
            if blok.rijen:
                con.register(BLOK_VIEW, _blok_tabel(blok.rijen, blok.regels, indeling, bsn_kolom, ps))
                try:
                    con.execute(f"INSERT INTO {STAGING} SELECT {uitpakken} FROM {BLOK_VIEW}")
                finally:
                    con.unregister(BLOK_VIEW)
            _schrijf_afwijkend(con, blok.afwijkend, indeling, levering_id, ps)
            telling.quarantaine += len(blok.afwijkend)

    con.execute(resultaat_sql(bestand, indeling, bsn_kolom))
    expressies = _raw_expressies(bestand, bsn_kolom)
    doelkolommen = [k for k, _ in raw_kolommen(bestand)[len(META_KOLOMMEN):]]
    meta = [k for k, _ in META_KOLOMMEN]
    telling.geladen = con.execute(
        f"INSERT INTO {RAW}.{bestand.naam} ({', '.join(meta + doelkolommen)}) "
        f"SELECT ?, ?, regel, {', '.join(expressies[k] for k in doelkolommen)} "
        f"FROM {RESULTAAT} WHERE reden IS NULL",
        [levering_id, indeling.bestand],
    ).fetchone()[0]
    ruw = _json_object([(s, f"s.{kolom(i)}") for i, s in enumerate(indeling.sleutels)])
    telling.quarantaine += con.execute(
        f"INSERT INTO {RAW}.quarantaine "
        f"SELECT ?, ?, r.regel, r.veld, r.reden, {ruw} "
        f"FROM {RESULTAAT} r JOIN {STAGING} s ON s.regel = r.regel WHERE r.reden IS NOT NULL ORDER BY r.regel",
        [levering_id, indeling.bestand],
    ).fetchone()[0]
    con.execute(f"DROP TABLE {RESULTAAT}")
    con.execute(f"DROP TABLE {STAGING}")
    return telling
