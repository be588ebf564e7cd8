"""The Great Expectations results for the dashboard: the suite summaries published in
meta.gx_resultaten, and a browser link to the Data Docs published with the file.

The pipeline publishes the Data Docs site next to the published file
(`<stem>.gepubliceerd.data_docs/`, see opvangmonitor.publicatie). A browser cannot open
that folder from a page served over http, so the dashboard serves it itself: Streamlit's
static file serving (`[server] enableStaticServing = true` in dashboards/.streamlit/
config.toml) serves dashboards/static/ at `app/static/`, and the first view of a
publication mirrors its Data Docs there (hard links where possible, else copies), under
a folder named after the published file and its version.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pandas as pd
import streamlit as st

import gegevens

STATIC_MAP = Path(__file__).resolve().parent / "static"
DOCS_SUBMAP = "data_docs"


def heeft_resultaten(b: gegevens.Bron) -> bool:
    return "meta.gx_resultaten" in gegevens.tabellen(b)


def laatste_resultaten(b: gegevens.Bron) -> pd.DataFrame:
    """The latest run of every suite in meta.gx_resultaten (suite order; data_docs_pagina
    empty for results stored before it existed); empty when the published file has none."""
    if not heeft_resultaten(b):
        return pd.DataFrame(columns=["suite", "tabel", "uitgevoerd_op", "geslaagd", "aantal_rijen",
                                     "aantal_verwachtingen", "aantal_mislukt", "steekproef", "details",
                                     "data_docs_pagina"])  # fmt: skip
    df = gegevens.lees(
        b,
        """
        SELECT *
        FROM meta.gx_resultaten
        QUALIFY row_number() OVER (PARTITION BY suite ORDER BY uitgevoerd_op DESC) = 1
        ORDER BY suite
        """,
    )
    if "data_docs_pagina" not in df.columns:
        df["data_docs_pagina"] = None
    return df


def pagina_url(index_url: str, docs: Path, pagina: str | None) -> str | None:
    """The URL of one page of the Data Docs (relative to the site) next to `index_url`, when
    the published site has it."""
    if not isinstance(pagina, str) or not pagina or not (Path(docs) / pagina).is_file():
        return None
    return index_url.rsplit("/", 1)[0] + "/" + pagina


def gepubliceerde_docs(b: gegevens.Bron) -> Path | None:
    """The Data Docs folder published with the file, or None."""
    from opvangmonitor.publicatie import data_docs_map

    map_ = data_docs_map(Path(b.pad))
    return map_ if (map_ / "index.html").is_file() else None


def _koppel(bron: str, doel: str) -> None:
    try:
        os.link(bron, doel)  # the published copy is never changed in place, only replaced
    except OSError:
        shutil.copy2(bron, doel)


def statische_kopie(docs: Path, static_map: Path | None = None) -> str:
    """Mirror the published Data Docs folder `docs` under `static_map/data_docs/` (default
    dashboards/static/) and return
    its URL relative to the app (`app/static/data_docs/<naam>/index.html`). The folder name
    is a hash of `docs`' path plus the version of its index.html, so a new publication gets
    a new folder; older mirrors of the same published file are removed."""
    docs = Path(docs)
    pad_hash = hashlib.sha1(str(docs.resolve()).encode()).hexdigest()[:12]
    versie = (docs / "index.html").stat().st_mtime_ns
    naam = f"{pad_hash}-{versie}"
    wortel = Path(static_map or STATIC_MAP) / DOCS_SUBMAP
    doel = wortel / naam
    if not (doel / "index.html").is_file():
        wortel.mkdir(parents=True, exist_ok=True)
        tijdelijk = wortel / f".{naam}.{os.getpid()}"
        shutil.rmtree(tijdelijk, ignore_errors=True)
        shutil.copytree(docs, tijdelijk, copy_function=_koppel)
        try:
            os.replace(tijdelijk, doel)
        except OSError:  # another session mirrored it first
            shutil.rmtree(tijdelijk, ignore_errors=True)
    for oud in wortel.glob(f"{pad_hash}-*"):
        if oud.name != naam:
            shutil.rmtree(oud, ignore_errors=True)
    return f"app/static/{DOCS_SUBMAP}/{naam}/index.html"


def statisch_aan() -> bool:
    return bool(st.get_option("server.enableStaticServing"))
