"""The lower bound: the same raw files read by DuckDB's own `read_csv` into tables with one
SQL script, in its own process:

    python benchmarks/ondergrens.py LANDING WERKMAP UIT.json

Preparation (not timed): .zip deliveries are extracted and the sheets of .xlsx workbooks
written as CSV into WERKMAP, because read_csv reads neither. Then one script of
`CREATE TABLE tN AS SELECT * FROM read_csv(file, header = true, encoding = …)` statements
(delimiter and types sniffed by DuckDB; cp1252 files read as latin-1) runs on a new
database in WERKMAP. Measured: wall time of the script and peak RSS of the process."""

from __future__ import annotations

import csv
import json
import shutil
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from geheugen import Bemonsteraar  # noqa: E402


def csv_bestanden(landing: Path, werkmap: Path) -> list[Path]:
    """Every contract CSV of every delivery, as a plain file (zip extracted, xlsx converted)."""
    uit: list[Path] = []
    for lev in sorted(landing.iterdir()):
        if lev.name.startswith(".") or lev.name == "regios.yml":
            continue
        if lev.is_dir():
            uit += sorted(lev.glob("*.csv"))
        elif lev.suffix == ".zip":
            doel = werkmap / lev.stem
            with zipfile.ZipFile(lev) as z:
                z.extractall(doel)
            uit += sorted(doel.rglob("*.csv"))
        elif lev.suffix == ".xlsx":
            from python_calamine import CalamineWorkbook

            doel = werkmap / lev.stem
            doel.mkdir(parents=True, exist_ok=True)
            wb = CalamineWorkbook.from_path(str(lev))
            for naam in wb.sheet_names:
                if naam == "levering":
                    continue
                pad = doel / f"{naam}.csv"
                with pad.open("w", encoding="utf-8", newline="") as f:
                    csv.writer(f).writerows(wb.get_sheet_by_name(naam).iter_rows())
                uit.append(pad)
            wb.close()
    return uit


def codering(pad: Path) -> str:
    try:
        with pad.open(encoding="utf-8") as f:
            while f.read(1 << 20):
                pass
        return "utf-8"
    except UnicodeDecodeError:
        return "latin-1"


def script(bestanden: list[Path], alles_tekst: bool = False) -> str:
    extra = ", all_varchar = true" if alles_tekst else ""
    delen = []
    for i, pad in enumerate(bestanden):
        naam = str(pad).replace("'", "''")
        delen.append(f"CREATE OR REPLACE TABLE t{i} AS SELECT * FROM read_csv('{naam}', header = true, "
                     f"encoding = '{codering(pad)}'{extra});")
    return "\n".join(delen)


def main(landing: Path, werkmap: Path, uit: Path) -> int:
    import duckdb

    shutil.rmtree(werkmap, ignore_errors=True)
    werkmap.mkdir(parents=True)
    bestanden = csv_bestanden(landing, werkmap)
    con = duckdb.connect(str(werkmap / "ondergrens.duckdb"))
    # types sniffed by DuckDB; should sniffing fail on some file, every column as text
    for alles_tekst in (False, True):
        sql = script(bestanden, alles_tekst)
        (werkmap / "ondergrens.sql").write_text(sql, encoding="utf-8")
        try:
            with Bemonsteraar() as monsters:
                begin = time.time()
                con.execute(sql)
                sec = time.time() - begin
            break
        except duckdb.Error as e:
            print(f"ondergrens: {e}; opnieuw met all_varchar", file=sys.stderr)
    rijen = sum(con.execute(f"SELECT count(*) FROM t{i}").fetchone()[0] for i in range(len(bestanden)))
    con.close()
    json.dump({"sec": sec, "piek_rss": monsters.piek(), "cpu": monsters.cpu(), "bestanden": len(bestanden), "rijen": rijen,
               "all_varchar": alles_tekst},
              uit.open("w"))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
