"""Validation of tables with more rows than the threshold, without reading them whole.

A table with at most `drempel()` rows (default 200,000; env OPVANGMONITOR_GX_DREMPEL) is
read whole and validated by GX as is. A larger table is checked like this:

Exhaustively, in DuckDB over every row (`controleer`):
- the row count (expect_table_row_count_to_be_between), against the real count;
- every per-row rule (not null, null, between, in set, regex, date order), each with its
  row condition: one scan counts, per rule, the rows that break it and the rows it
  applies to (count_if);
- uniqueness (one column or a compound key): the rows in duplicate groups, counted with
  GROUP BY … HAVING count(*) > 1 (the same count GX reports: every row of a group);
- column existence needs no rows: GX checks it on the frame below, which has the table's
  columns.

By sample (`lees_frame`): GX then validates a frame of at most `drempel` rows plus a few:
a deterministic reservoir sample (USING SAMPLE reservoir(n ROWS) REPEATABLE (42)) plus,
for every rule SQL found broken, the first MAX_VOORBEELDRIJEN rows (in table order) that
break it (for uniqueness: the rows of the first duplicate groups in key order). Every
rule that fails on the table therefore also fails on the frame, and the values in the
messages and in Data Docs are real offending values. The verdict and the counts in the
messages come from SQL; the counts in the stored GX result (Data Docs) are those of the
frame, which is why such results are stored under the run name '…-steekproef'.

A rule type without an SQL form would be judged on the frame only; every type the
suites use has one (`heeft_sql`, asserted by the tests).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from opvangmonitor.validatie.regels import RIJ_TYPES, Verwachting

ENV_DREMPEL = "OPVANGMONITOR_GX_DREMPEL"
DREMPEL = 200_000
ZAAD = 42
MAX_VOORBEELDRIJEN = 20
RIJEN_TYPE = "expect_table_row_count_to_be_between"
KOLOM_TYPE = "expect_column_to_exist"
UNIEK_TYPES = frozenset({"expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"})
_RIJ = "__rij"


def drempel() -> int:
    """Rows above which a table is validated the large-table way (also the sample size)."""
    waarde = os.environ.get(ENV_DREMPEL, "").strip()
    if not waarde:
        return DREMPEL
    try:
        n = int(waarde)
    except ValueError:
        raise ValueError(f"{ENV_DREMPEL}={waarde!r} is geen geheel getal") from None
    if n < 1:
        raise ValueError(f"{ENV_DREMPEL}={n} moet ≥ 1 zijn")
    return n


@dataclass(frozen=True)
class SqlUitkomst:
    """What DuckDB found for one expectation over the whole table."""

    mislukt: bool
    aantal_fout: int | None = None  # rows that break the rule
    totaal: int | None = None  # rows the rule applies to
    waargenomen: object = None  # table-level rules: the observed value


def heeft_sql(v: Verwachting) -> bool:
    return v.type in RIJ_TYPES or v.type in UNIEK_TYPES or v.type in (RIJEN_TYPE, KOLOM_TYPE)


def _q(naam: str, alias: str = "") -> str:
    return (f"{alias}." if alias else "") + '"' + naam.replace('"', '""') + '"'


def _kolommen(v: Verwachting) -> list[str]:
    k = v.kwargs
    namen = [k[s] for s in ("column", "column_A", "column_B") if s in k] + list(k.get("column_list", []))
    return namen + ([v.voorwaarde[0]] if v.voorwaarde else [])


def _bereik(v: Verwachting) -> tuple[str, list]:
    """The rows a rule applies to: its row condition, else every row."""
    if v.voorwaarde is None:
        return "true", []
    kolom, waarde = v.voorwaarde
    return f"{_q(kolom)} = ?", [waarde]


def _overtreding(v: Verwachting) -> tuple[str, list]:
    """SQL condition that is true for a row breaking per-row rule `v` (NULL counts as
    not breaking it, as in GX: a per-row rule other than (not) null ignores NULLs)."""
    k, t = v.kwargs, v.type
    if t == "expect_column_values_to_not_be_null":
        return f"{_q(k['column'])} IS NULL", []
    if t == "expect_column_values_to_be_null":
        return f"{_q(k['column'])} IS NOT NULL", []
    if t == "expect_column_values_to_be_between":
        c, delen, params = _q(k["column"]), [], []
        if k.get("min_value") is not None:
            delen.append(f"{c} {'<=' if k.get('strict_min') else '<'} ?")
            params.append(k["min_value"])
        if k.get("max_value") is not None:
            delen.append(f"{c} {'>=' if k.get('strict_max') else '>'} ?")
            params.append(k["max_value"])
        return "(" + " OR ".join(delen) + ")", params
    if t == "expect_column_values_to_be_in_set":
        waarden = list(k["value_set"])
        return f"{_q(k['column'])} NOT IN ({', '.join('?' * len(waarden))})", waarden
    if t == "expect_column_values_to_match_regex":
        return f"NOT regexp_matches(CAST({_q(k['column'])} AS VARCHAR), ?)", [k["regex"]]
    if t == "expect_column_pair_values_a_to_be_greater_than_b":
        if k.get("ignore_row_if", "both_values_are_missing") != "either_value_is_missing":
            raise ValueError(f"{v.omschrijving}: alleen ignore_row_if = either_value_is_missing kent een SQL-vorm")
        return f"{_q(k['column_A'])} {'<' if k.get('or_equal') else '<='} {_q(k['column_B'])}", []
    raise ValueError(f"{v.type} is geen regel per rij")


def _uniek_kolommen(v: Verwachting) -> list[str]:
    return [v.kwargs["column"]] if "column" in v.kwargs else list(v.kwargs["column_list"])


def _uniek_filter(v: Verwachting, alias: str = "") -> str:
    """Rows GX leaves out of a uniqueness check: NULLs of a single column; for a compound
    key per ignore_row_if (default: rows with every column empty)."""
    kolommen = [_q(c, alias) for c in _uniek_kolommen(v)]
    if v.type == "expect_column_values_to_be_unique":
        return f"{kolommen[0]} IS NOT NULL"
    modus = v.kwargs.get("ignore_row_if", "all_values_are_missing")
    if modus == "all_values_are_missing":
        return "NOT (" + " AND ".join(f"{c} IS NULL" for c in kolommen) + ")"
    if modus == "any_value_is_missing":
        return " AND ".join(f"{c} IS NOT NULL" for c in kolommen)
    return "true"


def _dubbele_groepen(v: Verwachting, relatie: str) -> str:
    kolommen = ", ".join(_q(c) for c in _uniek_kolommen(v))
    return f"SELECT {kolommen}, count(*) AS n FROM {relatie} WHERE {_uniek_filter(v)} GROUP BY {kolommen} HAVING count(*) > 1"


def controleer(
    con, relatie: str, verwachtingen: tuple[Verwachting, ...], kolommen: set[str], aantal_rijen: int
) -> dict[int, SqlUitkomst]:
    """Expectation index -> SqlUitkomst for every rule checked over the whole relation.
    Rules on a missing column are left to GX (which reports the column missing)."""
    uit: dict[int, SqlUitkomst] = {}
    selectie, params, rij_regels = [], [], []
    for i, v in enumerate(verwachtingen):
        if not set(_kolommen(v)) <= kolommen:
            continue
        if v.type == RIJEN_TYPE:
            lo, hi = v.kwargs.get("min_value"), v.kwargs.get("max_value")
            fout = (lo is not None and aantal_rijen < lo) or (hi is not None and aantal_rijen > hi)
            uit[i] = SqlUitkomst(mislukt=fout, waargenomen=aantal_rijen)
        elif v.type in RIJ_TYPES:
            bereik, p_bereik = _bereik(v)
            fout, p_fout = _overtreding(v)
            # coalesce: DuckDB's count_if over only NULLs is NULL, not 0
            selectie += [f"count_if(coalesce(({bereik}) AND ({fout}), false))", f"count_if(coalesce({bereik}, false))"]
            params += p_bereik + p_fout + p_bereik
            rij_regels.append(i)
        elif v.type in UNIEK_TYPES:
            (n,) = con.execute(f"SELECT coalesce(sum(n), 0) FROM ({_dubbele_groepen(v, relatie)})").fetchone()
            uit[i] = SqlUitkomst(mislukt=n > 0, aantal_fout=int(n), totaal=aantal_rijen)
    if rij_regels:
        rij = con.execute(f"SELECT {', '.join(selectie)} FROM {relatie}", params).fetchone()
        for j, i in enumerate(rij_regels):
            fout, totaal = int(rij[2 * j]), int(rij[2 * j + 1])
            uit[i] = SqlUitkomst(mislukt=fout > 0, aantal_fout=fout, totaal=totaal)
    return uit


def _voorbeeldrijen(v: Verwachting, relatie: str) -> tuple[str, list]:
    """rowids of the first rows breaking `v` (a query selecting column __rij)."""
    if v.type in UNIEK_TYPES:
        kolommen = _uniek_kolommen(v)
        gelijk = " AND ".join(f"{_q(c, 'r')} IS NOT DISTINCT FROM {_q(c, 'd')}" for c in kolommen)
        volgorde = ", ".join(_q(c, "r") for c in kolommen)
        return (
            f"SELECT r.rowid AS {_RIJ} FROM {relatie} AS r JOIN ({_dubbele_groepen(v, relatie)}) AS d ON {gelijk} "
            f"WHERE {_uniek_filter(v, 'r')} ORDER BY {volgorde}, r.rowid LIMIT {MAX_VOORBEELDRIJEN}",
            [],
        )
    bereik, p_bereik = _bereik(v)
    fout, p_fout = _overtreding(v)
    return (
        f"SELECT rowid AS {_RIJ} FROM {relatie} WHERE ({bereik}) AND ({fout}) ORDER BY rowid LIMIT {MAX_VOORBEELDRIJEN}",
        p_bereik + p_fout,
    )


def lees_frame(con, relatie: str, verwachtingen: tuple[Verwachting, ...], uitkomsten: dict[int, SqlUitkomst], grootte: int):
    """The rows GX validates for a large table, in table order: the deterministic sample
    of `grootte` rows plus the first offending rows of every rule that failed in SQL."""
    delen = [f"SELECT {_RIJ} FROM (SELECT rowid AS {_RIJ} FROM {relatie} USING SAMPLE reservoir({int(grootte)} ROWS) REPEATABLE ({ZAAD}))"]
    params: list = []
    for i, u in sorted(uitkomsten.items()):
        v = verwachtingen[i]
        if u.mislukt and u.aantal_fout and (v.type in RIJ_TYPES or v.type in UNIEK_TYPES):
            sql, p = _voorbeeldrijen(v, relatie)
            delen.append(f"SELECT {_RIJ} FROM ({sql})")
            params += p
    keuze = " UNION ".join(delen)
    return con.execute(f"SELECT * FROM {relatie} WHERE rowid IN ({keuze}) ORDER BY rowid", params).df()
