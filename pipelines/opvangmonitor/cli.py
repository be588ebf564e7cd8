"""`opvangmonitor`: the command line (generate, run, dashboard, dagster, voorbereiden)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from opvangmonitor import paden


def _fout(melding: str, code: int = 2) -> int:
    print(f"opvangmonitor: fout: {melding}", file=sys.stderr)
    return code


def cmd_generate(args: argparse.Namespace) -> int:
    from opvangmonitor.generator import genereer

    begin = time.monotonic()
    # progress lines only for long work; the table below summarises every delivery
    voortgang = print if args.clients >= 20_000 else None
    try:
        r = genereer(Path(args.out), seed=args.seed, clients=args.clients, formaat=args.formaat, voortgang=voortgang,
                     regios=args.regios, jaren=args.jaren)
    except ValueError as e:
        return _fout(str(e))
    for lev in r.leveringen:
        rijen = sum(lev.rijen.values())
        print(f"  {lev.pad.name:<32} {lev.bronvorm:<5} peildatum {lev.peildatum}  {rijen:>9,} rijen".replace(",", "."))
    print(f"{len(r.leveringen)} leveringen en {r.regios} geschreven in {time.monotonic() - begin:.1f} s")
    return 0


def _zet_paden(landing: str | None, warehouse: str | None, regios: str | None) -> None:
    if landing:
        os.environ[paden.ENV_LANDING] = str(Path(landing).resolve())
    if warehouse:
        os.environ[paden.ENV_WAREHOUSE] = str(Path(warehouse).resolve())
    if regios:
        os.environ[paden.ENV_REGIOS] = str(Path(regios).resolve())


def cmd_run(args: argparse.Namespace) -> int:
    _zet_paden(args.landing, args.warehouse, args.regios)
    if not paden.landing_dir().is_dir():
        return _fout(f"landingsmap {paden.landing_dir()} bestaat niet")
    from opvangmonitor.regios import OngeldigeRegios, lees_regios

    try:
        lees_regios(paden.regios_file())
    except OngeldigeRegios as e:
        return _fout(str(e))
    from opvangmonitor.uitvoering import voer_alles_uit

    uitslag = voer_alles_uit(toon=print)
    for regel in uitslag.samenvattingen:
        print(regel)
    if not uitslag.geslaagd:
        for melding in uitslag.fouten:
            print(f"FOUT: {melding}", file=sys.stderr)
        print(f"Run mislukt na {uitslag.duur:.1f} s; de gepubliceerde gegevens zijn ongewijzigd.", file=sys.stderr)
        return 1
    print(
        f"Klaar in {uitslag.duur:.1f} s: {uitslag.indicatorrijen:,} indicatorrijen gepubliceerd in "
        f"{paden.published_file()}".replace(",", ".")
    )
    return 0


def cmd_dashboard(args: argparse.Namespace) -> int:
    _zet_paden(None, args.warehouse, None)
    env = dict(os.environ)
    env["OPVANGMONITOR_GEPUBLICEERD"] = str(paden.published_file())
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(paden.DASHBOARD_APP),
        "--server.port", str(args.port), "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--client.toolbarMode", "viewer",
    ]
    print(f"Dashboard op http://localhost:{args.port} (gegevens: {env['OPVANGMONITOR_GEPUBLICEERD']})")
    os.execve(sys.executable, cmd, env)
    return 0  # not reached


def cmd_dagster(args: argparse.Namespace) -> int:
    _zet_paden(args.landing, args.warehouse, args.regios)
    env = dict(os.environ)
    thuis = Path(env.get("DAGSTER_HOME", paden.DATA_DIR / "dagster")).resolve()
    thuis.mkdir(parents=True, exist_ok=True)
    env["DAGSTER_HOME"] = str(thuis)
    cmd = [sys.executable, "-m", "dagster", "dev", "-m", "opvangmonitor.definitions", "-p", str(args.port)]
    print(f"Dagster UI op http://localhost:{args.port} (DAGSTER_HOME={thuis})")
    os.chdir(paden.PROJECT_ROOT)
    os.execve(sys.executable, cmd, env)
    return 0  # not reached


def cmd_voorbereiden(args: argparse.Namespace) -> int:
    from opvangmonitor.orkestratie.dbt import bereid_manifest_voor

    pad = bereid_manifest_voor(forceer=True)
    print(f"dbt-manifest klaar: {pad}")
    return 0


def cmd_reproduceer(args: argparse.Namespace) -> int:
    from opvangmonitor.reproductie import ReproductieFout, lees_moment, reproduceer, samenvatting

    try:
        r = reproduceer(
            Path(args.warehouse), lees_moment(args.tot), Path(args.uit),
            melding=lambda m: print(m, file=sys.stderr),
        )
    except ReproductieFout as e:
        return _fout(str(e), code=1)
    print(samenvatting(r))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="opvangmonitor", description="Opvangmonitor: van aanlevering tot regionale monitor.")
    sub = p.add_subparsers(dest="opdracht", required=True)

    g = sub.add_parser("generate", help="synthetische aanleveringen maken")
    g.add_argument("--out", required=True, help="map waarin de leveringen en regios.yml komen")
    g.add_argument("--seed", type=int, default=42)
    g.add_argument("--clients", type=int, default=2000, help="aantal cliënten over alle aanbieders")
    g.add_argument("--formaat", choices=["gemengd", "netjes"], default="gemengd")
    g.add_argument("--regios", type=int, default=3,
                   help="aantal regio's met elk één aanbieder (meer dan 3: kopieën van de drie voorbeeldaanbieders)")
    g.add_argument("--jaren", type=int, default=None,
                   help="eerste aanmeldingen verspreid over zoveel jaren tot 30-9-2026 (standaard: vanaf 2023)")
    g.set_defaults(func=cmd_generate)

    r = sub.add_parser("run", help="de hele pijplijn één keer draaien (zonder Dagster UI)")
    r.add_argument("--landing", required=True, help="landingsmap met leveringen")
    r.add_argument("--warehouse", required=True, help="DuckDB-bestand van het warehouse")
    r.add_argument("--regios", required=True, help="regiobestand (regios.yml)")
    r.set_defaults(func=cmd_run)

    d = sub.add_parser("dashboard", help="het dashboard starten")
    d.add_argument("--warehouse", help="DuckDB-bestand van het warehouse (het dashboard leest de gepubliceerde kopie)")
    d.add_argument("--port", type=int, default=8501)
    d.set_defaults(func=cmd_dashboard)

    dg = sub.add_parser("dagster", help="de Dagster UI starten op dezelfde code location")
    dg.add_argument("--landing")
    dg.add_argument("--warehouse")
    dg.add_argument("--regios")
    dg.add_argument("--port", type=int, default=3000)
    dg.set_defaults(func=cmd_dagster)

    rp = sub.add_parser(
        "reproduceer",
        help="de indicatoren zoals ze op een eerder moment waren, op de leveringen die toen geladen waren",
    )
    rp.add_argument("--warehouse", required=True, help="DuckDB-bestand van het warehouse (wordt alleen gekopieerd)")
    rp.add_argument("--tot", required=True, help="moment 'JJJJ-MM-DD[ UU:MM[:SS]]' (lokale tijd; een datum alleen = 00:00)")
    rp.add_argument("--uit", required=True, help="uitvoerbestand: .csv, .xlsx of .duckdb")
    rp.set_defaults(func=cmd_reproduceer)

    v = sub.add_parser("voorbereiden", help="dbt-manifest bouwen (onderdeel van make install)")
    v.set_defaults(func=cmd_voorbereiden)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
