"""One measured pipeline run, in its own process (benchmarks/run.py starts it):

    python benchmarks/meet_run.py UIT.json

with OPVANGMONITOR_LANDING / _WAREHOUSE / _REGIOS set. Runs the Dagster job `alles` the
way `opvangmonitor run` does (`voer_alles_uit`, with a DAGSTER_HOME so that the run's
event log can be read back), samples the RSS of this process and its children (the dbt
subprocess) and writes per stage (configuratie, ingestie, dbt, validatie, publicatie)
wall time and peak RSS, plus the whole run, to UIT.json."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from geheugen import Bemonsteraar  # noqa: E402


def stage(step_key: str) -> str:
    """The benchmark stage a Dagster step belongs to."""
    if step_key.startswith("dbt"):
        return "dbt"
    if step_key.startswith(("gx_", "validatie")) or "gx_" in step_key:
        return "validatie"
    for naam in ("configuratie", "ingestie", "publicatie"):
        if step_key.startswith(naam):
            return naam
    return "overig"


def main(uit: Path) -> int:
    os.environ.setdefault("DAGSTER_HOME", tempfile.mkdtemp(prefix="bench_dagster_"))
    import dagster as dg

    from opvangmonitor.uitvoering import voer_alles_uit

    begin = time.time()
    with Bemonsteraar() as monsters:
        uitslag = voer_alles_uit(toon=lambda _t: None, log_niveau="WARNING")
    eind = time.time()
    stappen: dict[str, list[float]] = {}
    with dg.DagsterInstance.get() as instance:
        run_id = uitslag.resultaat.run_id
        for e in instance.all_logs(run_id):
            ev = e.dagster_event
            if ev is None or not ev.step_key:
                continue
            if ev.event_type_value == "STEP_START":
                stappen.setdefault(ev.step_key, [e.timestamp, e.timestamp])[0] = e.timestamp
            elif ev.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
                stappen.setdefault(ev.step_key, [e.timestamp, e.timestamp])[1] = e.timestamp
    # a stage's steps need not be adjacent (GX checks on raw tables run before dbt, those
    # on staging and marts after it): sum and max over the stage's own step windows
    per_stage: dict[str, dict] = {}
    for key, (van, tot) in stappen.items():
        s = per_stage.setdefault(stage(key), {"sec": 0.0, "cpu": 0.0, "piek_rss": 0, "stappen": 0})
        s["sec"] += tot - van
        s["cpu"] += monsters.cpu(van, tot)
        s["piek_rss"] = max(s["piek_rss"], monsters.piek(van, tot))
        s["stappen"] += 1
    json.dump({
        "geslaagd": uitslag.geslaagd, "fouten": uitslag.fouten, "samenvattingen": uitslag.samenvattingen,
        "sec": eind - begin, "piek_rss": monsters.piek(), "cpu": monsters.cpu(), "stages": per_stage,
        "indicatorrijen": uitslag.indicatorrijen,
    }, uit.open("w"), indent=1)
    return 0 if uitslag.geslaagd else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
