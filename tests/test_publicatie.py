import multiprocessing
import time
from pathlib import Path

import duckdb

from opvangmonitor.paden import published_file
from opvangmonitor.publicatie import data_docs_map, publiceer
from opvangmonitor.schrijfslot import schrijfslot


def _warehouse(pad: Path, n: int) -> None:
    con = duckdb.connect(str(pad))
    con.execute("CREATE SCHEMA IF NOT EXISTS marts; CREATE SCHEMA IF NOT EXISTS raw; CREATE SCHEMA IF NOT EXISTS staging")
    con.execute(f"CREATE OR REPLACE TABLE marts.indicatoren AS SELECT range AS i FROM range({n})")
    con.execute("CREATE OR REPLACE TABLE raw.leveringen AS SELECT 1 AS x")
    con.execute("CREATE OR REPLACE TABLE raw.clienten AS SELECT 'geheim' AS client_pseudoniem")
    con.execute("CREATE OR REPLACE TABLE staging.stg_clienten AS SELECT 1 AS x")
    con.close()


def test_publiceer_kopieert_alleen_publiceerbare_tabellen_en_vervangt_atomair(tmp_path):
    wh = tmp_path / "w.duckdb"
    _warehouse(wh, 3)
    (tmp_path / "w.gepubliceerd.duckdb.nieuw-999999").write_bytes(b"half")  # a killed publication
    r = publiceer(wh)
    assert r.pad == published_file(wh)
    assert r.tabellen == {"marts.indicatoren": 3, "raw.leveringen": 1}
    lezer = duckdb.connect(str(r.pad), read_only=True)  # a dashboard holding the old file open
    _warehouse(wh, 5)
    publiceer(wh)  # must not fail while a reader has the old file open
    assert lezer.execute("SELECT count(*) FROM marts.indicatoren").fetchone() == (3,)
    lezer.close()
    con = duckdb.connect(str(r.pad), read_only=True)
    assert con.execute("SELECT count(*) FROM marts.indicatoren").fetchone() == (5,)
    assert con.execute("SELECT count(*) FROM meta.publicatie").fetchone() == (1,)
    tabellen = {t for (t,) in con.execute("SELECT table_schema||'.'||table_name FROM information_schema.tables").fetchall()}
    con.close()
    assert "raw.clienten" not in tabellen and "staging.stg_clienten" not in tabellen
    assert not list(tmp_path.glob("*.nieuw-*"))


def _houd_slot(wh: str, klaar) -> None:
    with schrijfslot(Path(wh)):
        klaar.set()
        time.sleep(1.0)


def test_schrijfslot_is_exclusief_tussen_processen_en_herintreedbaar(tmp_path):
    wh = tmp_path / "w.duckdb"
    klaar = multiprocessing.Event()
    p = multiprocessing.Process(target=_houd_slot, args=(str(wh), klaar))
    p.start()
    assert klaar.wait(10)
    meldingen = []
    begin = time.monotonic()
    with schrijfslot(wh, meldingen.append):
        gewacht = time.monotonic() - begin
        with schrijfslot(wh):  # re-entrant in the same process: no deadlock
            pass
    p.join()
    assert gewacht > 0.3
    assert meldingen and "Wacht op een andere load" in meldingen[0]


def test_gx_resultaten_en_data_docs_gepubliceerd(tmp_path):
    """meta.gx_resultaten is published with the marts, and the Data Docs site given to
    publiceer is copied next to the published file, replacing the previous copy."""
    wh = tmp_path / "w.duckdb"
    _warehouse(wh, 2)
    con = duckdb.connect(str(wh))
    con.execute("CREATE SCHEMA meta; CREATE TABLE meta.gx_resultaten AS SELECT 'raw_clienten' AS suite, true AS geslaagd")
    con.close()
    site = tmp_path / "local_site"
    (site / "validations").mkdir(parents=True)
    (site / "index.html").write_text("<html>eerste</html>", encoding="utf-8")
    (site / "validations" / "a.html").write_text("a", encoding="utf-8")
    r = publiceer(wh, data_docs=site)
    assert r.tabellen["meta.gx_resultaten"] == 1
    assert r.data_docs == data_docs_map(r.pad) == tmp_path / "w.gepubliceerd.data_docs"
    assert (r.data_docs / "index.html").read_text(encoding="utf-8") == "<html>eerste</html>"
    assert (r.data_docs / "validations" / "a.html").is_file()
    con = duckdb.connect(str(r.pad), read_only=True)
    assert con.execute("SELECT suite FROM meta.gx_resultaten").fetchall() == [("raw_clienten",)]
    assert con.execute("SELECT count(*) FROM meta.publicatie").fetchone() == (1,)
    con.close()
    # the next publication replaces the whole copy (a page gone from the site is gone)
    (site / "validations" / "a.html").unlink()
    (site / "index.html").write_text("<html>tweede</html>", encoding="utf-8")
    publiceer(wh, data_docs=site)
    assert (r.data_docs / "index.html").read_text(encoding="utf-8") == "<html>tweede</html>"
    assert not (r.data_docs / "validations" / "a.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if "data_docs" in p.name) == ["w.gepubliceerd.data_docs"]
    # without Data Docs the publication is unchanged in behaviour
    assert publiceer(wh).data_docs is None
