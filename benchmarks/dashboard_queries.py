"""Dashboard query latency against the published file.

The queries are not listed by hand: `verzamel` runs every page script in
`dashboards/paginas/` with Streamlit's AppTest (default choices: the first region and
period type, as a visitor opening the page sees it) while `gegevens._query` records
every (sql, params) the page sends. `meet` then replays each recorded query `herhalingen`
times, each on a new short read-only connection as the dashboard opens them, without
the Streamlit cache. So the set follows the pages as they change; a new page is picked
up automatically."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import duckdb

DASHBOARDS = Path(__file__).resolve().parent.parent / "dashboards"


def verzamel(gepubliceerd: Path, timeout: float = 120) -> dict[str, list[tuple[str, tuple]]]:
    """page name -> the (sql, params) its run sent, in order (duplicates removed)."""
    os.environ["OPVANGMONITOR_GEPUBLICEERD"] = str(gepubliceerd)
    if str(DASHBOARDS) not in sys.path:
        sys.path.insert(0, str(DASHBOARDS))
    import gegevens
    from streamlit.testing.v1 import AppTest

    origineel = gegevens._query
    opgenomen: list[tuple[str, tuple]] = []

    def opnemer(pad, versie, sql, params):
        opgenomen.append((sql, tuple(tuple(p) if isinstance(p, list) else p for p in params)))
        con = duckdb.connect(pad, read_only=True)
        try:
            return con.execute(sql, list(params)).df()
        finally:
            con.close()

    per_pagina: dict[str, list[tuple[str, tuple]]] = {}
    gegevens._query = opnemer
    try:
        for pagina in sorted((DASHBOARDS / "paginas").glob("*.py")):
            opgenomen.clear()
            # through app.py, as a visitor opens the page (the page folder is not on sys.path)
            at = AppTest.from_file(str(DASHBOARDS / "app.py"), default_timeout=timeout)
            try:
                at.switch_page(f"paginas/{pagina.name}").run()
            except Exception as e:  # a page under construction must not stop the benchmark
                print(f"  pagina {pagina.stem}: {type(e).__name__}: {e}", file=sys.stderr)
            if at.exception:
                print(f"  pagina {pagina.stem}: uitzondering {at.exception[0].message[:200]}", file=sys.stderr)
            uniek = list(dict.fromkeys(opgenomen))
            if uniek:
                per_pagina[pagina.stem] = uniek
    finally:
        gegevens._query = origineel
    return per_pagina


def meet(gepubliceerd: Path, per_pagina: dict[str, list[tuple[str, tuple]]],
         herhalingen: int = 10) -> dict[str, dict]:
    """page -> {queries, mediaan_ms, p95_ms, max_ms, traagste}: latency of one query
    (connect, execute, fetch as pandas, close) over all its queries × herhalingen."""
    uit = {}
    for pagina, queries in per_pagina.items():
        tijden, per_query = [], []
        for sql, params in queries:
            eigen = []
            for _ in range(herhalingen):
                t = time.perf_counter()
                con = duckdb.connect(str(gepubliceerd), read_only=True)
                try:
                    con.execute(sql, [list(p) if isinstance(p, tuple) else p for p in params]).df()
                finally:
                    con.close()
                eigen.append((time.perf_counter() - t) * 1000)
            tijden += eigen
            per_query.append((statistics.median(eigen), " ".join(sql.split())[:80]))
        tijden.sort()
        uit[pagina] = {
            "queries": len(queries),
            "mediaan_ms": statistics.median(tijden),
            "p95_ms": tijden[min(len(tijden) - 1, int(round(0.95 * (len(tijden) - 1))))],
            "max_ms": tijden[-1],
            "traagste": max(per_query)[1],
        }
    return uit
