"""The real app in a real browser: `opvangmonitor dashboard`'s Streamlit server on the
pipeline's published file, driven by Playwright in Debian's headless Chromium
(/usr/bin/chromium; never a downloaded browser). Screenshots of every page are written to
tests/uitvoer/schermafdrukken/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from opvangmonitor import paden

pytestmark = pytest.mark.traag

CHROMIUM = Path("/usr/bin/chromium")
SCHERMAFDRUKKEN = Path(__file__).parent / "uitvoer" / "schermafdrukken"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(demo_publicatie, tmp_path_factory):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium ontbreekt: `make browser` installeert het (apt-get install -y chromium)")
        pytest.skip("/usr/bin/chromium ontbreekt (make browser installeert het)")
    poort = _vrije_poort()
    env = dict(os.environ)
    env["OPVANGMONITOR_GEPUBLICEERD"] = str(demo_publicatie["gepubliceerd"])
    log = (tmp_path_factory.mktemp("streamlit") / "streamlit.log").open("w")
    proces = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(paden.DASHBOARD_APP),
         "--server.port", str(poort), "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"Streamlit startte niet binnen 60 s op {url}; log: {log.name}")
        yield url
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def pagina(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 2400}, accept_downloads=True, locale="nl-NL")
    p = context.new_page()
    p.set_default_timeout(30_000)
    yield p
    context.close()


def wacht_tot_klaar(p) -> None:
    """Streamlit renders in steps: wait until the app stops running and shows no spinner."""
    p.wait_for_selector("[data-testid='stApp']")
    p.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")"
        " || !document.querySelector(\"[data-testid='stStatusWidget']\").innerText.includes('Running')",
        timeout=60_000,
    )
    p.wait_for_timeout(500)


def schermafdruk(p, naam: str) -> Path:
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    pad = SCHERMAFDRUKKEN / f"{naam}.png"
    p.screenshot(path=str(pad), full_page=True)
    return pad


RIJNSTREEK = "Rijnstreek (Subsidie Opvang Rijnstreek 2023-2026)"
VALLEIREGIO = "Valleiregio (Housing First en opvang gezinnen)"
AMERSFOORT = "Regio Amersfoort (Maatschappelijke opvang)"
REGIOCODE = {RIJNSTREEK: "rijnstreek", VALLEIREGIO: "valleiregio", AMERSFOORT: "amersfoort"}

PAGINAS = [
    # (title in the navigation, screenshot name, a text the page shows once rendered, the
    # region whose figures the screenshot shows)
    ("Overzicht", "01_overzicht", "Overzicht", VALLEIREGIO),
    ("Zelfredzaamheid (ZRM)", "02_zrm", "Zelfredzaamheid", RIJNSTREEK),
    ("Tijdigheid", "03_tijdigheid", "Tijdigheid", RIJNSTREEK),
    ("Klachten en bezwaren", "04_klachten", "Klachten", RIJNSTREEK),
    ("Decentrale opvang", "05_decentrale_opvang", "Decentrale opvang", RIJNSTREEK),
    ("Briefadressen", "06_briefadressen", "Briefadressen", RIJNSTREEK),
    ("Kosten", "07_kosten", "Kosten", RIJNSTREEK),
    ("Bezetting", "08_bezetting", "Bezetting", RIJNSTREEK),
    ("Housing First", "09_housing_first", "Housing First", VALLEIREGIO),
    ("Gezinsopvang", "10_gezinsopvang", "Gezinsopvang", VALLEIREGIO),
    ("Maatschappelijke opvang", "11_maatschappelijke_opvang", "Maatschappelijke opvang", AMERSFOORT),
    ("Kaart", "12_kaart", "Kaart", RIJNSTREEK),
    ("Rapportage Bijlage IV", "13_rapportage", "Rapportage Bijlage IV", RIJNSTREEK),
    ("Datakwaliteit", "14_datakwaliteit", "Datakwaliteit", RIJNSTREEK),
    ("Definities", "15_definities", "Definities", RIJNSTREEK),
    ("Over de monitor", "16_over", "Over de monitor", RIJNSTREEK),
]


def kies_in_zijbalk(p, label: str, optie: str) -> None:
    """Open the sidebar selectbox `label` and pick `optie` (its shown text)."""
    vak = p.locator("[data-testid='stSidebar']").get_by_role("combobox", name=label, exact=True)
    vak.click()
    vak.fill(optie)  # long lists only render the options in view: filter by typing
    p.get_by_role("option", name=optie, exact=True).click()
    wacht_tot_klaar(p)


def naar_pagina(p, titel: str) -> None:
    p.locator("[data-testid='stSidebarNav']").get_by_role("link", name=titel, exact=True).click()
    wacht_tot_klaar(p)


def test_regio_en_periode_kiezen_paginas_wisselen_en_schermafdrukken(app_url, pagina, demo_publicatie):
    p = pagina
    p.goto(app_url)
    wacht_tot_klaar(p)
    kies_in_zijbalk(p, "Regio", VALLEIREGIO)
    kies_in_zijbalk(p, "Soort periode", "Halfjaar")
    kies_in_zijbalk(p, "Periode", "2025 H2")
    assert "regio=valleiregio" in p.url and "periodetype=halfjaar" in p.url and "periode=2025-07-01" in p.url

    gemaakt = []
    regio = VALLEIREGIO
    for titel, naam, tekst, gewenst in PAGINAS:
        naar_pagina(p, titel)
        # The choice holds across pages (it lives in the URL, on every page).
        assert f"regio={REGIOCODE[regio]}" in p.url and "periode=2025-07-01" in p.url, (titel, p.url)
        if gewenst != regio and p.locator("[data-testid='stSidebar']").get_by_role("combobox", name="Regio").count():
            kies_in_zijbalk(p, "Regio", gewenst)
            regio = gewenst
        p.get_by_text(tekst).first.wait_for()
        if titel == "Kaart":
            p.wait_for_selector(".choroplethlayer path")  # drawn offline from data/geo
        assert not p.locator("[data-testid='stException']").count(), f"uitzondering op pagina {titel}"
        gemaakt.append(schermafdruk(p, naam))
    assert all(s.stat().st_size > 10_000 for s in gemaakt)


def test_klik_op_gemeente_filtert_de_kaartpagina(app_url, pagina, demo_publicatie):
    p = pagina
    p.goto(f"{app_url}/kaart?regio=rijnstreek&periodetype=halfjaar&periode=2025-07-01")
    wacht_tot_klaar(p)
    p.get_by_text("Bron kaartgrenzen: Centraal Bureau voor de Statistiek (CBS), CC BY 4.0").wait_for()
    gemeenten = p.locator(".choroplethlayer path")
    gemeenten.first.wait_for()
    assert gemeenten.count() >= 3  # the region's three gemeenten at least
    gemeenten.first.click(force=True)
    p.wait_for_url("**gemeente=GM*")
    wacht_tot_klaar(p)
    code = p.url.split("gemeente=")[1][:6]
    con = __import__("duckdb").connect(str(demo_publicatie["gepubliceerd"]), read_only=True)
    try:
        (naam,) = con.execute("SELECT gemeentenaam FROM marts.dim_gemeente WHERE gemeentecode = ?", [code]).fetchone()
    finally:
        con.close()
    p.get_by_text(f"Gemeente {naam}").first.wait_for()
    schermafdruk(p, "18_kaart_gemeente_gekozen")


def test_bijlage_iv_excel_downloaden_en_inhoud(app_url, pagina, demo_publicatie, tmp_path):
    import duckdb
    from openpyxl import load_workbook

    con = duckdb.connect(str(demo_publicatie["gepubliceerd"]), read_only=True)
    try:
        d11, jaar = con.execute(
            "SELECT teller, year(periode_start) FROM marts.indicatoren WHERE regio = 'rijnstreek' "
            "AND indicator = 'D.1.1' AND periode_type = 'halfjaar' AND month(periode_start) = 1 "
            "AND dimensie = '' AND teller >= 5 ORDER BY periode_start DESC LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    p = pagina
    p.goto(f"{app_url}/rapportage?regio=rijnstreek&periodetype=halfjaar&periode={jaar}-01-01")
    wacht_tot_klaar(p)
    p.get_by_text("Halfjaarrapportage (H1, uiterlijk 31 juli)").first.wait_for()
    with p.expect_download() as info:
        p.get_by_role("button", name="Download Bijlage IV (Excel)").click()
    download = info.value
    assert download.suggested_filename == f"bijlage_iv_rijnstreek_{jaar}_H1.xlsx"
    pad = tmp_path / download.suggested_filename
    download.save_as(pad)

    wb = load_workbook(pad)
    assert wb.sheetnames[0] == "Titelblad"
    assert [n.split(" ")[0] for n in wb.sheetnames[1:]] == ["A", "B", "C", "D", "E"]
    titel = {r[0]: r[1] for r in wb["Titelblad"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert titel["Regio"].startswith("Rijnstreek")
    assert titel["Uiterlijk in te dienen"] == f"31 juli {jaar}"
    d = [r for r in wb[wb.sheetnames[4]].iter_rows(values_only=True)]
    d11_rij = next(r for r in d if r and r[0] == "D.1.1")
    assert d11_rij[3] == int(d11)
    schermafdruk(p, "17_rapportage_rijnstreek_download")
