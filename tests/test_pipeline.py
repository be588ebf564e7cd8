"""The whole flow in one process: generated deliveries → Dagster job (configuratie,
ingestie, dbt build, GX checks, publicatie) → the published file the dashboard reads."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import duckdb
import pytest

from opvangmonitor import cli, paden
from opvangmonitor.generator import genereer
from opvangmonitor.uitvoering import voer_alles_uit

pytestmark = pytest.mark.traag


def _sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _lees(pad: Path, sql: str):
    con = duckdb.connect(str(pad), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def omgeving(tmp_path_factory):
    basis = tmp_path_factory.mktemp("e2e")
    landing = basis / "landing"
    gen = genereer(landing, seed=7, clients=600)
    mp = pytest.MonkeyPatch()
    mp.setenv(paden.ENV_LANDING, str(landing))
    mp.setenv(paden.ENV_WAREHOUSE, str(basis / "warehouse" / "om.duckdb"))
    mp.setenv(paden.ENV_REGIOS, str(gen.regios))
    uitslag = voer_alles_uit(log_niveau="WARNING")
    yield {"basis": basis, "landing": landing, "gen": gen, "uitslag": uitslag}
    mp.undo()


def test_eerste_run_slaagt_met_samenvatting_per_levering(omgeving):
    u = omgeving["uitslag"]
    assert u.geslaagd, u.fouten
    assert len(u.samenvattingen) == len(omgeving["gen"].leveringen) >= 6
    assert all(": geladen" in s and "gelezen" in s and "quarantaine" in s for s in u.samenvattingen)
    assert u.indicatorrijen > 0


def test_alle_controles_liepen(omgeving):
    checks = [e for e in omgeving["uitslag"].resultaat.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    namen = {e.event_specific_data.check_name for e in checks}
    gx = {f"gx_{laag}_{t}" for laag, t in [(l, b) for l in ("raw",) for b in ("clienten", "trajecten", "woonvormen", "zrm_metingen")]}
    gx |= {f"gx_staging_stg_{b}" for b in ("clienten", "trajecten", "woonvormen", "zrm_metingen")}
    assert gx | {"reconciliatie"} <= namen
    assert len(namen) > 60  # the dbt data tests arrive as asset checks too
    assert all(e.event_specific_data.passed for e in checks)


def test_d1_totalen_voor_elke_periode(omgeving):
    pub = paden.published_file()
    perioden = _lees(pub, "SELECT count(*) FROM marts.dim_periode WHERE regio = 'rijnstreek'")[0][0]
    assert perioden > 10
    per_indicator = dict(
        _lees(
            pub,
            """SELECT indicator, count(*) FROM marts.indicatoren
               WHERE regio = 'rijnstreek' AND dimensie = '' AND indicator LIKE 'D.1._'
                 AND indicator <= 'D.1.3' GROUP BY 1 ORDER BY 1""",
        )
    )
    assert per_indicator == {"D.1.1": perioden, "D.1.2": perioden, "D.1.3": perioden}


def test_d11_klopt_met_directe_telling_op_staging(omgeving):
    """D.1.1 for the last full quarter equals a direct count over the staging tables."""
    wh = paden.warehouse_file()
    (start, eind), = _lees(
        wh,
        """SELECT periode_start, periode_eind FROM marts.dim_periode
           WHERE regio='rijnstreek' AND periode_type='kwartaal' AND periode_eind <= regio_peildatum
           ORDER BY periode_start DESC LIMIT 1""",
    )
    (direct,), = _lees(
        wh,
        f"""SELECT count(DISTINCT coalesce(c.bsn_pseudoniem, c.client_pseudoniem))
            FROM staging.stg_woonvormen w
            JOIN staging.stg_clienten c USING (aanbieder_code, client_pseudoniem)
            WHERE w.woonvorm = 'Opvang lokaal' AND w.aanbieder_code = 'binnenvest'
              AND w.startdatum <= DATE '{eind}' AND (w.einddatum IS NULL OR w.einddatum >= DATE '{start}')""",
    )
    (mart,), = _lees(
        paden.published_file(),
        f"""SELECT waarde FROM marts.indicatoren WHERE regio='rijnstreek' AND indicator='D.1.1'
            AND periode_type='kwartaal' AND periode_start=DATE '{start}' AND dimensie=''""",
    )
    assert direct > 20 and mart == direct


def test_tweede_run_laadt_niets_dubbel(omgeving):
    voor = _lees(paden.published_file(), "SELECT * FROM marts.indicatoren ORDER BY ALL")
    u = voer_alles_uit(log_niveau="WARNING")
    assert u.geslaagd, u.fouten
    assert all(": al geladen" in s for s in u.samenvattingen)
    assert _lees(paden.published_file(), "SELECT * FROM marts.indicatoren ORDER BY ALL") == voor
    assert _lees(paden.warehouse_file(), "SELECT count(*) FROM raw.leveringen")[0][0] == len(omgeving["gen"].leveringen)


def test_onleesbare_levering_faalt_luid_en_laat_publicatie_ongemoeid(omgeving, capsys):
    pub = paden.published_file()
    voor = _sha(pub)
    kapot = omgeving["landing"] / "binnenvest_20261120.zip"
    with zipfile.ZipFile(kapot, "w") as z:
        z.writestr("binnenvest_20261120/clienten.csv", "client_id,geboortedatum,geslacht,aanmaakdatum\n")
    try:
        code = cli.main([
            "run", "--landing", str(omgeving["landing"]), "--warehouse", str(paden.warehouse_file()),
            "--regios", str(omgeving["gen"].regios),
        ])
        uit = capsys.readouterr()
        assert code == 1
        assert "binnenvest_20261120.zip" in uit.err and "levering.json" in uit.err
        assert "gepubliceerde gegevens zijn ongewijzigd" in uit.err
        assert _sha(pub) == voor
        # the next run skips the failed delivery (recorded as failed) and succeeds again
        u = voer_alles_uit(log_niveau="WARNING")
        assert u.geslaagd, u.fouten
        assert any("binnenvest_20261120.zip" in s and "eerder mislukt" in s for s in u.samenvattingen)
    finally:
        kapot.unlink()


def test_nieuwe_levering_wordt_bijgewerkt(omgeving):
    """A re-sent delivery with other content is loaded and supersedes the earlier one."""
    laatste = max((l for l in omgeving["gen"].leveringen if l.aanbieder == "binnenvest"), key=lambda l: l.peildatum)
    assert laatste.pad.exists()
    aantal_voor = _lees(paden.warehouse_file(), "SELECT count(*) FROM raw.leveringen")[0][0]
    kopie = omgeving["basis"] / "kopie"
    if laatste.pad.is_dir():
        shutil.copytree(laatste.pad, kopie)
        doel = kopie / "clienten.csv"
    else:
        pytest.skip("latest binnenvest delivery is not a folder in this seed")
    regels = doel.read_bytes().splitlines(keepends=True)
    doel.write_bytes(b"".join(regels[:-1]))  # one client fewer: a corrected re-delivery
    shutil.rmtree(laatste.pad)
    shutil.copytree(kopie, laatste.pad)
    u = voer_alles_uit(log_niveau="WARNING")
    assert u.geslaagd, u.fouten
    assert _lees(paden.warehouse_file(), "SELECT count(*) FROM raw.leveringen")[0][0] == aantal_voor + 1
    (actueel,), = _lees(
        paden.warehouse_file(),
        "SELECT count(*) FROM staging.stg_clienten WHERE aanbieder_code = 'binnenvest'",
    )
    assert actueel == len(regels) - 2  # header and the removed row


def test_dashboard_toont_gepubliceerde_cijfers(omgeving, monkeypatch):
    """The dashboard page on the published file of this run shows the mart's figure."""
    from streamlit.testing.v1 import AppTest

    pub = paden.published_file()
    monkeypatch.setenv("OPVANGMONITOR_GEPUBLICEERD", str(pub))
    (label, waarde), = _lees(
        pub,
        """SELECT p.periode_label, i.waarde FROM marts.indicatoren i
           JOIN marts.dim_periode p USING (regio, periode_type, periode_start)
           WHERE i.regio='rijnstreek' AND i.indicator='D.1.1' AND i.dimensie=''
             AND i.periode_type='kwartaal'
           ORDER BY i.periode_start DESC LIMIT 1""",
    )
    at = AppTest.from_file(str(paden.DASHBOARD_APP), default_timeout=60).run()
    assert not at.exception
    for pagina in (None, "paginas/decentrale_opvang.py"):  # Overzicht, then the family page
        if pagina:
            at.switch_page(pagina).run()
            assert not at.exception
        tegels = {m.label: m.value for m in at.metric}
        assert tegels["Unieke cliënten decentrale opvang (D.1.1)"] == f"{int(waarde):,}".replace(",", ".")
        assert any(label in m.value for m in at.markdown), label


def _identificerende_waarden(landing: Path) -> tuple[set[str], set[str]]:
    """Every BSN and client_id as delivered in the landing folder (CSV in folders and
    zips, and xlsx sheets), read independently of the ingestion code."""
    import csv
    import io

    from openpyxl import load_workbook

    bsns, client_ids = set(), set()

    def neem(kop: list, rijen) -> None:
        kop = [str(k or "").strip().lower() for k in kop]
        for rij in rijen:
            for k, v in zip(kop, rij):
                v = "" if v is None else str(v).strip()
                if v and k == "bsn":
                    bsns.add(v)
                elif v and k == "client_id":
                    client_ids.add(v)

    def csv_tekst(data: bytes) -> None:
        try:
            tekst = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            tekst = data.decode("cp1252")
        scheiding = ";" if tekst.split("\n", 1)[0].count(";") > tekst.split("\n", 1)[0].count(",") else ","
        rijen = list(csv.reader(io.StringIO(tekst), delimiter=scheiding))
        if rijen:
            neem(rijen[0], rijen[1:])

    for pad in landing.iterdir():
        if pad.is_dir():
            for f in pad.glob("*.csv"):
                csv_tekst(f.read_bytes())
        elif pad.suffix == ".zip":
            with zipfile.ZipFile(pad) as z:
                for naam in z.namelist():
                    if naam.endswith(".csv"):
                        csv_tekst(z.read(naam))
        elif pad.suffix == ".xlsx":
            wb = load_workbook(pad, read_only=True)
            for blad in wb.worksheets:
                rijen = list(blad.iter_rows(values_only=True))
                if rijen:
                    neem(list(rijen[0]), rijen[1:])
    return bsns, client_ids


def test_geen_bsn_en_geen_ruwe_client_id_in_warehouse_of_publicatie(omgeving):
    import re

    bsns, client_ids = _identificerende_waarden(omgeving["landing"])
    assert len(bsns) > 100 and len(client_ids) > 300
    for bestand in (paden.warehouse_file(), paden.published_file()):
        con = duckdb.connect(str(bestand), read_only=True)
        try:
            kolommen = con.execute(
                """SELECT table_schema, table_name, column_name FROM information_schema.columns
                   WHERE data_type = 'VARCHAR' AND table_catalog = current_database()"""
            ).fetchall()
            assert len(kolommen) > 20
            for schema, tabel, kolom in kolommen:
                waarden = {w for (w,) in con.execute(f'SELECT DISTINCT "{kolom}" FROM {schema}.{tabel}').fetchall() if w}
                plek = f"{bestand.name}:{schema}.{tabel}.{kolom}"
                assert not (waarden & client_ids), plek  # a raw client id stored as a value
                for w in waarden:
                    # a BSN anywhere in a value (JSON of quarantined rows included), and a
                    # client id as a JSON string value
                    assert not (set(re.findall(r"\d{8,9}", w)) & bsns), plek
                    if w.startswith("{"):
                        assert not any(f'"{c}"' in w for c in client_ids), plek
        finally:
            con.close()


def test_geboortedata_bereiken_de_marts_en_publicatie_niet(omgeving):
    for bestand, schemas in ((paden.warehouse_file(), ("marts",)), (paden.published_file(), None)):
        con = duckdb.connect(str(bestand), read_only=True)
        try:
            rijen = con.execute(
                "SELECT table_schema, table_name, column_name FROM information_schema.columns "
                "WHERE table_catalog = current_database()"
            ).fetchall()
        finally:
            con.close()
        verdacht = [r for r in rijen if (schemas is None or r[0] in schemas) and "geboorte" in r[2]]
        assert verdacht == [], verdacht


def _definities() -> list[dict]:
    import yaml

    uit = []
    for pad in sorted((paden.DATA_DIR / "definities").glob("*.yml")):
        inhoud = yaml.safe_load(pad.read_text(encoding="utf-8"))
        if isinstance(inhoud, list):
            uit += inhoud
    return uit


def test_elke_indicator_heeft_elke_periode_variant_en_dimensie(omgeving):
    """On generated data every defined indicator has, for every region that lists its
    family, a total row for every period and variant, and exactly the dimensions its
    definition names (data/definities/*.yml)."""
    import yaml

    pub = paden.published_file()
    families = yaml.safe_load(Path(omgeving["gen"].regios).read_text(encoding="utf-8"))["regios"]
    perioden = dict(_lees(pub, "SELECT regio, count(*) FROM marts.dim_periode GROUP BY 1"))
    totalen = {
        (r, i, v): n
        for r, i, v, n in _lees(
            pub, "SELECT regio, indicator, variant, count(*) FROM marts.indicatoren WHERE dimensie = '' GROUP BY ALL"
        )
    }
    dimensies = {}
    for r, i, d in _lees(pub, "SELECT DISTINCT regio, indicator, dimensie FROM marts.indicatoren WHERE dimensie <> ''"):
        dimensies.setdefault((r, i), set()).add(d)
    definities = _definities()
    assert len(definities) >= 30
    gecontroleerd = 0
    for regio, blok in families.items():
        for d in definities:
            if d["code"].split(".")[0] not in blok["indicatoren"]:
                assert not any(k[:2] == (regio, d["code"]) for k in totalen), (regio, d["code"])
                continue
            for variant in d["varianten"] or [""]:
                assert totalen.get((regio, d["code"], variant)) == perioden[regio], (regio, d["code"], variant)
            assert dimensies.get((regio, d["code"]), set()) == set(d["dimensies"]), (regio, d["code"])
            gecontroleerd += 1
    assert gecontroleerd >= 33  # 30 Bijlage IV indicators in rijnstreek + BZ.1/BZ.2 elsewhere


def test_mislukte_gx_controle_houdt_publicatie_tegen(omgeving, monkeypatch):
    """A failing blocking GX suite (here: staging trajecten) stops the run before
    publication: the published file stays byte for byte the same."""
    from opvangmonitor.orkestratie import validatie as gx_checks
    from opvangmonitor.validatie import ValidatieUitslag

    echte = gx_checks.valideer_tabel

    def met_fout(warehouse, tabel, *args, **kwargs):
        u = echte(warehouse, tabel, *args, **kwargs)
        if tabel == "staging.stg_trajecten":
            return ValidatieUitslag(
                tabel=u.tabel, suite=u.suite, geslaagd=False, aantal_rijen=u.aantal_rijen,
                aantal_expectations=u.aantal_expectations, mislukt=["einddatum vóór startdatum: 1 rij"],
            )
        return u

    monkeypatch.setattr(gx_checks, "valideer_tabel", met_fout)
    pub = paden.published_file()
    voor = _sha(pub)
    u = voer_alles_uit(log_niveau="WARNING")
    assert not u.geslaagd
    assert any("gx_staging_stg_trajecten" in c for c in u.mislukte_checks)
    assert _sha(pub) == voor
    stappen = {e.step_key for e in u.resultaat.all_events if e.is_step_success}
    assert "publicatie" not in stappen
