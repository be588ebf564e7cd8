"""Shared test set-up: a fixed pseudonymisation key, never the user's key file."""

from __future__ import annotations

import os

import pytest

os.environ["OPVANGMONITOR_SLEUTEL"] = "testsleutel-niet-voor-productie"


@pytest.fixture(autouse=True)
def _geen_echte_sleutel(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("OPVANGMONITOR_SLEUTELBESTAND", str(tmp_path_factory.getbasetemp() / "sleutel"))


@pytest.fixture(scope="session")
def demo_publicatie(tmp_path_factory):
    """One whole pipeline run on generated data (seed 7, 600 clients), shared read-only by
    every test that needs real published figures (dashboard pages, exports, browser).
    Yields a dict: basis, landing, warehouse, gepubliceerd (paths), regios (path).
    Tests must not write into these paths; copy them first when they need to."""
    from opvangmonitor import paden
    from opvangmonitor.generator import genereer
    from opvangmonitor.uitvoering import voer_alles_uit

    basis = tmp_path_factory.mktemp("demo_publicatie")
    landing = basis / "landing"
    gen = genereer(landing, seed=7, clients=600)
    warehouse = basis / "warehouse" / "om.duckdb"
    mp = pytest.MonkeyPatch()
    mp.setenv(paden.ENV_LANDING, str(landing))
    mp.setenv(paden.ENV_WAREHOUSE, str(warehouse))
    mp.setenv(paden.ENV_REGIOS, str(gen.regios))
    try:
        uitslag = voer_alles_uit(log_niveau="WARNING")
        assert uitslag.geslaagd, "pijplijn op gegenereerde gegevens mislukte"
        gepubliceerd = paden.published_file(warehouse)
    finally:
        mp.undo()
    yield {"basis": basis, "landing": landing, "warehouse": warehouse,
           "gepubliceerd": gepubliceerd, "regios": gen.regios}
