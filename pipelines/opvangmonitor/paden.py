"""Where things live: the project root and the default locations under data/.

Every default can be overridden by an environment variable so that the CLI, the Dagster
code location and the dashboard agree without passing paths around.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DASHBOARD_APP = PROJECT_ROOT / "dashboards" / "app.py"
CONTRACT_FILE = DATA_DIR / "contract" / "aanlevering.yml"

ENV_LANDING = "OPVANGMONITOR_LANDING"
ENV_WAREHOUSE = "OPVANGMONITOR_WAREHOUSE"
ENV_REGIOS = "OPVANGMONITOR_REGIOS"


def landing_dir() -> Path:
    return Path(os.environ.get(ENV_LANDING, DATA_DIR / "landing"))


def warehouse_file() -> Path:
    return Path(os.environ.get(ENV_WAREHOUSE, DATA_DIR / "warehouse" / "opvangmonitor.duckdb"))


def regios_file() -> Path:
    return Path(os.environ.get(ENV_REGIOS, DATA_DIR / "regios.yml"))


def published_file(warehouse: Path | None = None) -> Path:
    """The read-only copy the dashboards read, next to the working warehouse."""
    warehouse = Path(warehouse) if warehouse else warehouse_file()
    return warehouse.with_name(warehouse.stem + ".gepubliceerd.duckdb")


def lock_file(warehouse: Path | None = None) -> Path:
    warehouse = Path(warehouse) if warehouse else warehouse_file()
    return warehouse.with_name(warehouse.stem + ".schrijfslot")
