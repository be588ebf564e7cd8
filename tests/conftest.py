"""Shared test set-up: a fixed pseudonymisation key, never the user's key file."""

from __future__ import annotations

import os

import pytest

os.environ["OPVANGMONITOR_SLEUTEL"] = "testsleutel-niet-voor-productie"


@pytest.fixture(autouse=True)
def _geen_echte_sleutel(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("OPVANGMONITOR_SLEUTELBESTAND", str(tmp_path_factory.getbasetemp() / "sleutel"))
