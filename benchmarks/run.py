"""The scale benchmark of issue 7, one command:

    .venv/bin/python benchmarks/run.py --grootte regionaal|nationaal_jaar|nationaal_decennium|alle [--markdown]
    (several sizes: --grootte regionaal,nationaal_jaar)

Per size: generate the deliveries (`opvangmonitor generate`, reused when the same
arguments were generated before in --werkmap; not part of the measured run), then

1. the whole run from raw files to published data, as production runs it (the Dagster
   job `alles` via `voer_alles_uit`, in a fresh process, on a new warehouse): wall time
   and peak RSS (process + dbt subprocess) per stage and in total (meet_run.py);
2. rows per contract file (read, over all deliveries);
3. the lower bound: the same raw files read by DuckDB's read_csv into tables with one SQL
   script (ondergrens.py);
4. dashboard query latency: every page's data queries against the published file,
   median and p95 (dashboard_queries.py);
5. an incremental run: one new delivery of one provider (a re-delivery of its latest
   folder delivery, one month later) on top of the loaded warehouse.

Prints one table; --markdown appends it to benchmarks/RESULTS.md with machine and date.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

HIER = Path(__file__).resolve().parent
ROOT = HIER.parent
sys.path.insert(0, str(HIER))

GROOTTES = {  # size -> generate arguments
    "regionaal": {"clients": 2_000, "regios": 3, "jaren": None},
    "nationaal_jaar": {"clients": 60_000, "regios": 43, "jaren": 1},
    "nationaal_decennium": {"clients": 1_000_000, "regios": 43, "jaren": 10},
}
SEED = 7
STAGES = ("configuratie", "ingestie", "dbt", "validatie", "publicatie")
GB = 1024**3


def machine() -> dict:
    cpu = next((r.split(":", 1)[1].strip() for r in Path("/proc/cpuinfo").read_text().splitlines()
                if r.startswith("model name")), platform.processor())
    mem = next(int(r.split()[1]) for r in Path("/proc/meminfo").read_text().splitlines() if r.startswith("MemTotal"))
    return {"cores": os.cpu_count(), "ram_gb": round(mem / 1024**2, 1), "cpu": cpu, "python": platform.python_version(),
            "load": os.getloadavg()}


def genereer(data: Path, args: dict, formaat: str) -> float:
    """Generate into `data` unless it holds the same arguments already; the time taken (0 when reused)."""
    merk = data.with_name(data.name + ".gegenereerd.json")  # next to the landing folder, not in it
    wens = {**args, "seed": SEED, "formaat": formaat}
    if merk.exists() and json.loads(merk.read_text()) == wens:
        return 0.0
    shutil.rmtree(data, ignore_errors=True)
    cmd = [str(ROOT / ".venv/bin/opvangmonitor"), "generate", "--out", str(data), "--seed", str(SEED),
           "--clients", str(args["clients"]), "--regios", str(args["regios"]), "--formaat", formaat]
    if args["jaren"]:
        cmd += ["--jaren", str(args["jaren"])]
    begin = time.monotonic()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    merk.write_text(json.dumps(wens))
    return time.monotonic() - begin


def pipeline(landing: Path, warehouse: Path, uit: Path) -> dict:
    env = {**os.environ, "OPVANGMONITOR_LANDING": str(landing), "OPVANGMONITOR_WAREHOUSE": str(warehouse),
           "OPVANGMONITOR_REGIOS": str(landing / "regios.yml")}
    env.pop("DAGSTER_HOME", None)
    subprocess.run([sys.executable, str(HIER / "meet_run.py"), str(uit)], env=env, check=False)
    r = json.loads(uit.read_text())
    if not r["geslaagd"]:  # recorded and shown in the table; the other measurements still count
        print(f"run mislukt: {r['fouten']}", file=sys.stderr)
    return r


def rijen_per_bestand(warehouse: Path) -> dict[str, int]:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return dict(con.execute("SELECT bestand, sum(rijen_gelezen)::BIGINT FROM raw.leverbestanden "
                                "GROUP BY ALL ORDER BY 2 DESC").fetchall())
    finally:
        con.close()


def nieuwe_levering(landing: Path) -> Path:
    """A new delivery of one provider: its latest folder delivery re-sent a month later
    (leverdatum + 1 month, peildatum 2026-10-31), so it becomes the provider's actuele one."""
    laatste = sorted(p for p in landing.iterdir() if p.is_dir() and "_" in p.name and not p.name.startswith("."))
    bron = max(laatste, key=lambda p: sum(f.stat().st_size for f in p.iterdir()))
    code = bron.name.rsplit("_", 1)[0]
    doel = landing / f"{code}_20261115"
    shutil.rmtree(doel, ignore_errors=True)
    shutil.copytree(bron, doel)
    meta = json.loads((doel / "levering.json").read_text(encoding="utf-8"))
    meta["leverdatum"], meta["peildatum"] = "2026-11-15", "2026-10-31"
    (doel / "levering.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return doel


def meet_grootte(naam: str, werkmap: Path, formaat: str, herhalingen: int) -> dict:
    from dashboard_queries import meet, verzamel

    args = GROOTTES[naam]
    map_ = werkmap / naam
    landing, warehouse = map_ / "landing", map_ / "warehouse" / "opvangmonitor.duckdb"
    print(f"[{naam}] genereren …", flush=True)
    gen = genereer(landing, args, formaat)
    for p in (warehouse.parent, map_ / "ondergrens"):
        shutil.rmtree(p, ignore_errors=True)
    warehouse.parent.mkdir(parents=True)
    for oud in landing.glob("*_20261115"):
        shutil.rmtree(oud)
    print(f"[{naam}] volledige run …", flush=True)
    volledig = pipeline(landing, warehouse, map_ / "run_volledig.json")
    rijen = rijen_per_bestand(warehouse)
    print(f"[{naam}] ondergrens (read_csv) …", flush=True)
    subprocess.run([sys.executable, str(HIER / "ondergrens.py"), str(landing), str(map_ / "ondergrens"),
                    str(map_ / "ondergrens.json")], check=True)
    ondergrens = json.loads((map_ / "ondergrens.json").read_text())
    shutil.rmtree(map_ / "ondergrens", ignore_errors=True)
    print(f"[{naam}] dashboardqueries …", flush=True)
    gepubliceerd = warehouse.with_name(warehouse.stem + ".gepubliceerd.duckdb")
    queries = verzamel(gepubliceerd)
    latentie = meet(gepubliceerd, queries, herhalingen)
    print(f"[{naam}] incrementele run …", flush=True)
    nieuw = nieuwe_levering(landing)
    try:
        incrementeel = pipeline(landing, warehouse, map_ / "run_incrementeel.json")
    finally:
        shutil.rmtree(nieuw, ignore_errors=True)
    uitslag = {"grootte": naam, "args": args, "generatie_sec": gen, "volledig": volledig, "rijen": rijen,
               "ondergrens": ondergrens, "dashboard": latentie, "incrementeel": incrementeel,
               "nieuwe_levering": nieuw.name, "gemeten_op": datetime.now().isoformat(timespec="seconds")}
    (map_ / "uitslag.json").write_text(json.dumps(uitslag, indent=1))
    return uitslag


def _gb(b: int) -> str:
    return f"{b / GB:.2f}"


def _stage(m: dict) -> str:
    mislukt = "" if m.get("geslaagd", True) else " (mislukt)"
    return f"{m['sec']:.1f} / {m.get('cpu', 0):.1f} / {_gb(m['piek_rss'])}{mislukt}"


def tabel(uitslagen: list[dict]) -> str:
    """One markdown table (stages and totals per size), then rows per file and dashboard latency."""
    namen = [u["grootte"] for u in uitslagen]
    regels = ["| meting | " + " | ".join(namen) + " |", "|---|" + "---|" * len(namen)]

    def rij(label, f):
        regels.append(f"| {label} | " + " | ".join(f(u) for u in uitslagen) + " |")

    rij("cliënten / regio's / jaren", lambda u: f"{u['args']['clients']:,} / {u['args']['regios']} / "
                                               f"{u['args']['jaren'] or '2023–2026'}")
    rij("rijen gelezen (alle leveringen)", lambda u: f"{sum(u['rijen'].values()):,}")
    for s in STAGES:
        rij(f"{s}: s / CPU-s / piek GiB", lambda u, s=s: _stage(u["volledig"]["stages"][s])
            if s in u["volledig"]["stages"] else "–")
    rij("**hele run**: s / CPU-s / piek GiB", lambda u: f"**{_stage(u['volledig'])}**")
    rij("ondergrens read_csv: s / CPU-s / piek GiB", lambda u: _stage(u["ondergrens"]))
    rij("hele run ÷ ondergrens (wand / CPU)",
        lambda u: f"{u['volledig']['sec'] / max(u['ondergrens']['sec'], 1e-9):.1f}× / "
                  f"{u['volledig'].get('cpu', 0) / max(u['ondergrens'].get('cpu', 0), 1e-9):.1f}×")
    rij("incrementeel (1 levering): s / CPU-s / piek GiB", lambda u: _stage(u["incrementeel"]))
    rij("  waarvan ingestie / dbt / validatie / publicatie s",
        lambda u: " / ".join(f"{u['incrementeel']['stages'].get(s, {}).get('sec', 0):.1f}"
                             for s in ("ingestie", "dbt", "validatie", "publicatie")))
    paginas = sorted({p for u in uitslagen for p in u["dashboard"]})
    for p in paginas:
        rij(f"dashboard {p}: mediaan / p95 ms",
            lambda u, p=p: (f"{u['dashboard'][p]['mediaan_ms']:.0f} / {u['dashboard'][p]['p95_ms']:.0f}"
                            f" ({u['dashboard'][p]['queries']} q)") if p in u["dashboard"] else "–")
    bestanden = sorted({b for u in uitslagen for b in u["rijen"]}, key=lambda b: -uitslagen[-1]["rijen"].get(b, 0))
    for b in bestanden:
        rij(f"rijen {b}", lambda u, b=b: f"{u['rijen'].get(b, 0):,}")
    return "\n".join(regels).replace(",", ".")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--grootte", default="regionaal",
                   help=f"{'|'.join(GROOTTES)}|alle, of meerdere met komma's (regionaal,nationaal_jaar)")
    p.add_argument("--werkmap", default="/tmp/opvangmonitor-benchmark",
                   help="map voor gegenereerde leveringen en warehouses (groot: ~5 GB voor het decennium)")
    p.add_argument("--formaat", choices=["gemengd", "netjes"], default="gemengd")
    p.add_argument("--herhalingen", type=int, default=10, help="herhalingen per dashboardquery")
    p.add_argument("--markdown", action="store_true", help="de tabel aan benchmarks/RESULTS.md toevoegen")
    p.add_argument("--opmerking", default="", help="regel bij de tabel in RESULTS.md (bijv. gedeelde machine)")
    a = p.parse_args(argv)
    namen = list(GROOTTES) if a.grootte == "alle" else a.grootte.split(",")
    onbekend = [n for n in namen if n not in GROOTTES]
    if onbekend:
        p.error(f"onbekende grootte {', '.join(onbekend)}; kies uit {', '.join(GROOTTES)} of alle")
    werkmap = Path(a.werkmap)
    werkmap.mkdir(parents=True, exist_ok=True)
    uitslagen = [meet_grootte(n, werkmap, a.formaat, a.herhalingen) for n in namen]
    m = machine()
    kop = (f"### {date.today()} — {', '.join(namen)}\n\nMachine: {m['cores']} cores, {m['ram_gb']} GB RAM, {m['cpu']}, "
           f"Python {m['python']}; load average bij het einde {m['load'][0]:.1f}. {a.opmerking}".rstrip())
    tekst = kop + "\n\n" + tabel(uitslagen) + "\n"
    print("\n" + tekst)
    if a.markdown:
        with (HIER / "RESULTS.md").open("a", encoding="utf-8") as f:
            f.write("\n" + tekst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
