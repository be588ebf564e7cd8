"""Correctness at scale, on a benchmark size: regions computed alone (only their providers'
deliveries and a regios.yml of only those regions) must equal their rows of
marts.indicatoren in the national run's published file.

    .venv/bin/python benchmarks/regio_alleen.py LANDING GEPUBLICEERD WERKMAP REGIO [REGIO ...]

e.g. LANDING = /tmp/opvangmonitor-benchmark/nationaal_decennium/landing and GEPUBLICEERD =
…/warehouse/opvangmonitor.gepubliceerd.duckdb after `run.py`. Choose regions whose provider
did not get run.py's incremental delivery (`nieuwe_levering` in uitslag.json): that one is
in the national warehouse but not in the landing folder any more. Prints the row counts and
whether they are equal; exit status 1 when they differ."""
import shutil, subprocess, sys, time
from pathlib import Path
import duckdb, yaml
ROOT = Path(__file__).resolve().parents[1]
LANDING, gepubliceerd, basis, regios = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:]
shutil.rmtree(basis, ignore_errors=True)
landing = basis / "landing"; landing.mkdir(parents=True)
cfg = yaml.safe_load((LANDING / "regios.yml").read_text(encoding="utf-8"))
gekozen = {k: v for k, v in cfg["regios"].items() if k in regios}
assert len(gekozen) == len(regios), gekozen.keys()
aanbieders = {a for v in gekozen.values() for a in v["aanbieders"]}
for p in LANDING.iterdir():
    code = p.name.rsplit("_", 1)[0]
    if code in aanbieders and not p.name.endswith("_20261115"):
        (shutil.copytree if p.is_dir() else shutil.copy2)(p, landing / p.name)
(landing / "regios.yml").write_text(yaml.safe_dump({**cfg, "regios": gekozen}, allow_unicode=True, sort_keys=False), encoding="utf-8")
print("leveringen:", sorted(p.name for p in landing.iterdir()))
t = time.monotonic()
subprocess.run([str(ROOT / ".venv/bin/opvangmonitor"), "run", "--landing", str(landing), "--warehouse", str(basis / "wh" / "om.duckdb"),
                "--regios", str(landing / "regios.yml")], check=True, stdout=subprocess.DEVNULL)
print(f"run alleen: {time.monotonic() - t:.1f} s")
def rijen(pad):
    con = duckdb.connect(str(pad), read_only=True)
    try:
        return con.execute(f"SELECT * FROM marts.indicatoren WHERE regio IN ({', '.join('?' * len(regios))}) ORDER BY ALL", regios).fetchall()
    finally:
        con.close()
a, n = rijen(basis / "wh" / "om.gepubliceerd.duckdb"), rijen(gepubliceerd)
print(f"rijen alleen {len(a)}, nationaal {len(n)}, gelijk: {a == n}")
if a != n:
    sa, sn = set(a), set(n); print("alleen niet nationaal:", list(sa - sn)[:5]); print("nationaal niet alleen:", list(sn - sa)[:5])
    sys.exit(1)
