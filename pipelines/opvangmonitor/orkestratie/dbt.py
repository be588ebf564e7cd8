"""The dbt models as Dagster assets (dagster-dbt), keyed [schema, model] so that the
lineage reads raw → staging → intermediate → marts; dbt sources map to the ingestion and
configuration assets (["raw", table], ["config", table])."""


import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Mapping

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from opvangmonitor.paden import DBT_PROJECT_DIR, ENV_WAREHOUSE, warehouse_file
from opvangmonitor.schrijfslot import schrijfslot

DBT_PROJECT = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
BRONMAPPEN = ("models", "macros", "seeds", "tests", "dbt_project.yml", "profiles.yml")
# the dbt next to this interpreter, so that it works without .venv/bin on PATH
DBT_EXECUTABLE = str(Path(sys.executable).parent / "dbt")


def _nieuwste_bron(project_dir: Path) -> float:
    tijden = []
    for naam in BRONMAPPEN:
        pad = project_dir / naam
        if pad.is_file():
            tijden.append(pad.stat().st_mtime)
        elif pad.is_dir():
            tijden.extend(p.stat().st_mtime for p in pad.rglob("*") if p.is_file())
    return max(tijden, default=0.0)


def bereid_manifest_voor(forceer: bool = False) -> Path:
    """Run `dbt parse` when the manifest is missing or older than the dbt sources."""
    manifest = DBT_PROJECT.manifest_path
    if forceer or not manifest.exists() or manifest.stat().st_mtime < _nieuwste_bron(DBT_PROJECT_DIR):
        env = {**os.environ, ENV_WAREHOUSE: os.environ.get(ENV_WAREHOUSE, str(warehouse_file()))}
        uit = subprocess.run(
            [DBT_EXECUTABLE, "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)],
            env=env, capture_output=True, text=True,
        )
        if uit.returncode != 0:
            raise RuntimeError(f"dbt parse mislukt in {DBT_PROJECT_DIR}:\n{uit.stdout}{uit.stderr}")
    return manifest


class Vertaler(DagsterDbtTranslator):
    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] in ("model", "seed", "snapshot"):
            return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] in ("model", "seed", "snapshot"):
            return dbt_resource_props["schema"]
        return super().get_group_name(dbt_resource_props)


bereid_manifest_voor()


@dbt_assets(
    manifest=DBT_PROJECT.manifest_path,
    project=DBT_PROJECT,
    dagster_dbt_translator=Vertaler(),
    name="dbt_modellen",
)
def dbt_modellen(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """`dbt build` (seeds, models and data tests; the unit tests run in `make test`)."""
    warehouse = warehouse_file()
    with schrijfslot(warehouse, context.log.info):
        yield from dbt.cli(["build", "--exclude-resource-type", "unit_test"], context=context).stream()


def dbt_resource() -> DbtCliResource:
    return DbtCliResource(project_dir=DBT_PROJECT, profiles_dir=str(DBT_PROJECT_DIR), dbt_executable=DBT_EXECUTABLE)


def mart_sleutels() -> list[dg.AssetKey]:
    return [k for k in dbt_modellen.keys if k.path[0] == "marts"]
