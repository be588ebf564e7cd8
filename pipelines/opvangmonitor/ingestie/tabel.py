"""Loading one file (CSV file or sheet) of a delivery into raw.<file> and raw.quarantaine.

Rows stream from the reader in blocks. Each block becomes an Arrow table with one text
column per header column; identifying columns are pseudonymised per distinct value before
the table exists, so no BSN or client_id as delivered reaches DuckDB. A file's blocks are
kept (as Arrow, bounded by the file's size) and then handed to DuckDB once: contract
columns are trimmed in Arrow (only columns where trimming changes something get a trimmed
copy), and one vectorised SQL statement generated from the contract (regels.py,
typering.py) types every value once and finds each row's first broken row rule into a
temporary result table. One query lists the rejected rows (row rules, then repeated keys);
an INSERT … SELECT writes the loaded rows, and the rejected rows go to quarantine with
their values as delivered taken from the Arrow table. Rows whose field count differs from
the header go to quarantine straight from the reader.
"""

from __future__ import annotations

import gc
import json
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from opvangmonitor.contract import Bestand
from opvangmonitor.ingestie.blok import TabelLezer
from opvangmonitor.ingestie.kop import KopIndeling
from opvangmonitor.ingestie.pseudonimisering import Pseudonimiseerder
from opvangmonitor.ingestie.regels import AANTAL_VELDEN, DUBBEL, rijregels, sleutel_expressies, t, v
from opvangmonitor.ingestie.typering import SPATIE, getypeerd, tekst
from opvangmonitor.raw_schema import META_KOLOMMEN, RAW, raw_kolommen

RESULTAAT = "_ingestie_resultaat"
BLOK_VIEW = "_ingestie_blok"
BSN_PSEUDONIEM, BSN_ONGELDIG = "_bsn_pseudoniem", "_bsn_ongeldig"
FOUT, EERSTE = "_fout", "_eerste"


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
    """Column of the delivered (pseudonymised) text of header column i."""
    return f"k{i}"


def getrimd(i: int) -> str:
    """Column of the trimmed text of header column i (only present when trimming changed it)."""
    return f"v{i}"


def _bsn_kolom(bestand: Bestand, indeling: KopIndeling) -> int | None:
    """Header index of the contract's BSN field of this file, if delivered."""
    for veld in bestand.velden:
        if veld.pseudoniem == "bsn":
            return indeling.veld_kolom.get(veld.naam)
    return None


def _blok_tabel(rijen: list[list[str]], regels: list[int], indeling: KopIndeling, bsn_kolom: int | None,
                ps: Pseudonimiseerder) -> pa.Table:
    """The block as an Arrow table, one text column per header column (regel, k0, k1, …[,
    BSN pseudonym columns]); identifying values are replaced before anything reaches DuckDB.
    (All values go to Arrow in one conversion, row after row; each column is then a strided
    take: cheaper than transposing the row lists in Python.)"""
    breedte = indeling.breedte
    alles = pa.array(list(chain.from_iterable(rijen)), pa.string())
    data: dict[str, pa.Array] = {"regel": pa.array(regels, pa.int32())}
    extra: dict[str, pa.Array] = {}
    for i in range(breedte):
        waarden = alles.take(np.arange(i, len(alles), breedte)) if breedte > 1 else alles
        soort = indeling.maskering.get(i)
        if soort == "client":
            waarden = ps.clientkolom(waarden)
        elif soort == "bsn":
            waarden, pseudoniemen, ongeldig = ps.bsnkolom(waarden)
            if i == bsn_kolom:
                extra = {BSN_PSEUDONIEM: pseudoniemen, BSN_ONGELDIG: ongeldig}
        data[kolom(i)] = waarden
    data.update(extra)
    return pa.table(data)


def _met_getrimd(tabel: pa.Table, indeling: KopIndeling) -> tuple[pa.Table, set[int]]:
    """Add the trimmed text of every contract column in which trimming changes a value
    (column v<i>); returns the table and those column indices. Trimming in Arrow is
    several times cheaper than testing every value in SQL, and most columns need none."""
    gewijzigd = set()
    for i in sorted(indeling.veld_kolom.values()):
        waarden = tabel.column(kolom(i))
        kaal = pc.utf8_trim(waarden, characters=SPATIE)
        if not kaal.equals(waarden):
            tabel = tabel.append_column(getrimd(i), kaal)
            gewijzigd.add(i)
    return tabel, gewijzigd


def _json_object(sleutels_kolommen: list[tuple[str, str]]) -> str:
    if not sleutels_kolommen:
        return "CAST(NULL AS VARCHAR)"
    return "CAST(json_object(" + ", ".join(f"{tekst(s)}, {k}" for s, k in sleutels_kolommen) + ") AS VARCHAR)"


def resultaat_sql(bestand: Bestand, indeling: KopIndeling, bsn_kolom: int | None, bron: str,
                  getrimd_kolommen: set[int] = frozenset()) -> str:
    """SQL creating the result table over the file's Arrow table `bron`: per row `regel`,
    the typed fields, the BSN columns, `_extra` and `_fout` (1-based number of the first
    row rule of rijregels() it breaks, NULL when none)."""
    waarden = []
    for veld in bestand.velden:
        i = indeling.veld_kolom.get(veld.naam)
        if i is None:
            waarden.append(f"CAST(NULL AS VARCHAR) AS {v(veld.naam)}")
        else:
            waarden.append(f"nullif({getrimd(i) if i in getrimd_kolommen else kolom(i)}, '') AS {v(veld.naam)}")
    bsn = [BSN_PSEUDONIEM, BSN_ONGELDIG] if bsn_kolom is not None else []
    extra = _json_object([(indeling.sleutels[i], kolom(i)) for i in indeling.extra])
    typen = [f"{getypeerd(veld.type, v(veld.naam))} AS {t(veld.naam)}" for veld in bestand.velden]
    regels = rijregels(bestand)
    fout = (
        "CASE " + " ".join(f"WHEN {r.voorwaarde} THEN {n}" for n, r in enumerate(regels, 1)) + " END"
        if regels else "CAST(NULL AS INTEGER)"
    )
    uit = ["regel"] + [t(veld.naam) for veld in bestand.velden] + bsn + ["_extra"]
    return f"""
        CREATE OR REPLACE TEMP TABLE {RESULTAAT} AS
        SELECT {', '.join(uit)}, CAST({fout} AS INTEGER) AS {FOUT}
        FROM (
            SELECT *, {', '.join(typen)}
            FROM (SELECT regel, {', '.join(waarden + bsn)}, {extra} AS _extra FROM {bron})
        )
    """


def afgekeurd_sql(bestand: Bestand) -> str:
    """SQL listing the rejected rows of the result table in line order: (regel, _fout, NULL)
    for a row that breaks a row rule; (regel, NULL, line of the first occurrence) for a row
    that passed them but repeats the key of an earlier such row."""
    sql = f"SELECT regel, {FOUT}, CAST(NULL AS INTEGER) AS {EERSTE} FROM {RESULTAAT} WHERE {FOUT} IS NOT NULL"
    if bestand.sleutel:
        groep = ", ".join(f"{s} AS _s{n}" for n, s in enumerate(sleutel_expressies(bestand)))
        gelijk = " AND ".join(
            f"{s} IS NOT DISTINCT FROM d._s{n}" for n, s in enumerate(sleutel_expressies(bestand, "r."))
        )
        sql += f"""
            UNION ALL
            SELECT r.regel, NULL, d.{EERSTE}
            FROM {RESULTAAT} AS r JOIN (
                SELECT {groep}, min(regel) AS {EERSTE} FROM {RESULTAAT} WHERE {FOUT} IS NULL
                GROUP BY ALL HAVING count(*) > 1
            ) AS d ON {gelijk} AND r.regel > d.{EERSTE}
            WHERE r.{FOUT} IS NULL"""
    return sql + " ORDER BY regel"


def _raw_expressies(bestand: Bestand, bsn_kolom: int | None) -> dict[str, str]:
    """Raw column -> expression over the result table."""
    uit = {}
    for veld in bestand.velden:
        if veld.pseudoniem == "client":
            uit["client_pseudoniem"] = t(veld.naam)
        elif veld.pseudoniem == "bsn":
            uit["bsn_pseudoniem"] = BSN_PSEUDONIEM if bsn_kolom is not None else "CAST(NULL AS VARCHAR)"
            uit["bsn_elfproef_ongeldig"] = BSN_ONGELDIG if bsn_kolom is not None else "false"
        else:
            uit[veld.naam] = t(veld.naam)
    uit["extra_kolommen"] = "_extra"
    return uit


def _voeg_in(con, sql: str, tabel: pa.Table, parameters: list) -> int:
    """Run `sql` (reading BLOK_VIEW) over an Arrow table; returns the count it reports."""
    con.register(BLOK_VIEW, tabel)
    try:
        return con.execute(sql, parameters).fetchone()[0]
    finally:
        con.unregister(BLOK_VIEW)


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
    _voeg_in(
        con, f"INSERT INTO {RAW}.quarantaine SELECT ?, ?, regel, NULL, ?, ruwe_waarden FROM {BLOK_VIEW}",
        tabel, [levering_id, indeling.bestand, AANTAL_VELDEN],
    )


def _schrijf_afgekeurd(con, afgekeurd: list[tuple], tabel: pa.Table, bestand: Bestand, indeling: KopIndeling,
                       levering_id: str) -> int:
    """Quarantine the rows of `afgekeurd` (see afgekeurd_sql) with their values as delivered,
    taken from the file's Arrow table; returns their number."""
    if not afgekeurd:
        return 0
    regels = rijregels(bestand)
    sleutel = ", ".join(bestand.sleutel)
    reden = [regels[f - 1].reden if f else DUBBEL.format(regel=e) for _, f, e in afgekeurd]
    veld = [regels[f - 1].veld if f else sleutel for _, f, e in afgekeurd]
    rijnummers = np.searchsorted(tabel.column("regel").to_numpy(), [r for r, _, _ in afgekeurd])
    ruw = tabel.select(["regel"] + [kolom(i) for i in range(indeling.breedte)]).take(rijnummers)
    ruw = ruw.append_column("veld", pa.array(veld, pa.string())).append_column("reden", pa.array(reden, pa.string()))
    json_ruw = _json_object([(s, kolom(i)) for i, s in enumerate(indeling.sleutels)])
    return _voeg_in(
        con, f"INSERT INTO {RAW}.quarantaine SELECT ?, ?, regel, veld, reden, {json_ruw} FROM {BLOK_VIEW} ORDER BY regel",
        ruw, [levering_id, indeling.bestand],
    )


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
    blokken = []
    with zonder_gc():
        for blok in lezer.blokken(indeling):
            telling.gelezen += len(blok)
            if blok.rijen:
                blokken.append(_blok_tabel(blok.rijen, blok.regels, indeling, bsn_kolom, ps))
            _schrijf_afwijkend(con, blok.afwijkend, indeling, levering_id, ps)
            telling.quarantaine += len(blok.afwijkend)
    if not blokken:
        return telling
    tabel, getrimd_kolommen = _met_getrimd(pa.concat_tables(blokken), indeling)
    del blokken
    con.register(BLOK_VIEW, tabel)
    try:
        con.execute(resultaat_sql(bestand, indeling, bsn_kolom, BLOK_VIEW, getrimd_kolommen))
    finally:
        con.unregister(BLOK_VIEW)
    afgekeurd = con.execute(afgekeurd_sql(bestand)).fetchall()
    dubbel = [r for r, f, _ in afgekeurd if f is None]
    expressies = _raw_expressies(bestand, bsn_kolom)
    doelkolommen = [k for k, _ in raw_kolommen(bestand)[len(META_KOLOMMEN):]]
    meta = [k for k, _ in META_KOLOMMEN]
    telling.geladen = con.execute(
        f"INSERT INTO {RAW}.{bestand.naam} ({', '.join(meta + doelkolommen)}) "
        f"SELECT ?, ?, regel, {', '.join(expressies[k] for k in doelkolommen)} FROM {RESULTAAT} "
        f"WHERE {FOUT} IS NULL" + (" AND regel NOT IN (SELECT unnest(CAST(? AS INTEGER[])))" if dubbel else ""),
        [levering_id, indeling.bestand] + ([dubbel] if dubbel else []),
    ).fetchone()[0]
    telling.quarantaine += _schrijf_afgekeurd(con, afgekeurd, tabel, bestand, indeling, levering_id)
    con.execute(f"DROP TABLE {RESULTAAT}")
    return telling
