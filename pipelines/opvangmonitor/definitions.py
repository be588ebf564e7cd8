"""The Dagster code location of Opvangmonitor (`dagster dev -m opvangmonitor.definitions`)."""

from __future__ import annotations

import dagster as dg

from opvangmonitor.orkestratie.configuratie import configuratie
from opvangmonitor.orkestratie.dbt import dbt_modellen, dbt_resource
from opvangmonitor.orkestratie.ingestie import ingestie
from opvangmonitor.orkestratie.planning import ALLES, NACHTELIJKS, nieuwe_leveringen
from opvangmonitor.orkestratie.publicatie import publicatie
from opvangmonitor.orkestratie.validatie import GX_CHECKS

defs = dg.Definitions(
    assets=[configuratie, ingestie, dbt_modellen, publicatie],
    asset_checks=GX_CHECKS,
    jobs=[ALLES],
    sensors=[nieuwe_leveringen],
    schedules=[NACHTELIJKS],
    resources={"dbt": dbt_resource()},
)
