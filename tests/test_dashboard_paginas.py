"""Every dashboard page (AppTest): on real generated figures (the session fixture
demo_publicatie) and on a small hand-built file where exact control is needed."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from opvangmonitor.paden import DASHBOARD_APP

sys.path.insert(0, str(DASHBOARD_APP.parent))
import opmaak  # noqa: E402
from app_openen import open_app  # noqa: E402
from gepubliceerd_bouwen import INDICATORTABELLEN, gebruik, gepubliceerd_bestand, vul  # noqa: E402

# page -> code prefixes of its indicators (as in the page files)
FAMILIEPAGINAS = {
    "zrm": ("A.",),
    "tijdigheid": ("B.",),
    "klachten": ("C.",),
    "decentrale_opvang": ("D.1.",),
    "briefadressen": ("D.2.",),
    "kosten": ("E.",),
    "bezetting": ("BZ.",),
    "housing_first": ("HF.",),
    "gezinsopvang": ("GZ.",),
    "maatschappelijke_opvang": ("MO.",),
}
PAGINAS = ["overzicht", *FAMILIEPAGINAS, "kaart", "rapportage", "datakwaliteit", "definities", "over"]


start = open_app


def tekst_op_pagina(at: AppTest) -> str:
    """Every text the page shows: tiles, markdown, captions, tables."""
    delen = [f"{m.label} {m.value} {m.delta}" for m in at.metric]
    delen += [e.value for e in (*at.markdown, *at.caption, *at.info, *at.warning)]
    delen += [df.value.to_string() for df in at.dataframe]
    return "\n".join(delen)


def bekende_waarde(pad: Path, regio: str, voorvoegsels: tuple[str, ...], periode_type: str, start_: date):
    """A total of the page's indicators in the period that suppression leaves visible
    (a count >= 5 or a percentage over >= 10), as the tile shows it; None if none."""
    waar = " OR ".join("starts_with(indicator, ?)" for _ in voorvoegsels)
    con = duckdb.connect(str(pad), read_only=True)
    try:
        rij = con.execute(
            f"""
            SELECT indicator, variant, waarde, eenheid FROM marts.indicatoren
            WHERE regio = ? AND periode_type = ? AND periode_start = ? AND dimensie = '' AND ({waar})
              AND ((eenheid = 'aantal' AND noemer IS NULL AND waarde >= 5)
                   OR (eenheid = 'percentage' AND noemer >= 10 AND teller >= 5 AND noemer - teller >= 5))
            ORDER BY teller DESC NULLS LAST, indicator, variant LIMIT 1
            """,
            [regio, periode_type, start_, *voorvoegsels],
        ).fetchone()
    finally:
        con.close()
    if rij is None:
        return None
    code, variant, waarde, eenheid = rij
    tekst = opmaak.getal(waarde) if eenheid == "aantal" else opmaak.getal(waarde, 1) + "%"
    return code, variant, tekst


def regio_met(pad: Path, voorvoegsels: tuple[str, ...]) -> str | None:
    waar = " OR ".join("starts_with(indicator, ?)" for _ in voorvoegsels)
    con = duckdb.connect(str(pad), read_only=True)
    try:
        rij = con.execute(f"SELECT min(regio) FROM marts.indicatoren WHERE {waar}", list(voorvoegsels)).fetchone()
    finally:
        con.close()
    return rij[0]


@pytest.fixture
def demo(demo_publicatie, monkeypatch):
    monkeypatch.setenv("OPVANGMONITOR_GEPUBLICEERD", str(demo_publicatie["gepubliceerd"]))
    return demo_publicatie["gepubliceerd"]


@pytest.mark.traag
def test_elke_pagina_op_gegenereerde_gegevens(demo):
    at = start(regio="rijnstreek")
    keuze = dict(at.query_params)
    assert keuze["regio"] == "rijnstreek" and keuze["periodetype"] == "kwartaal"
    periode = date.fromisoformat(keuze["periode"])
    gevonden = bekende_waarde(demo, "rijnstreek", ("A.", "B.", "C.", "D.", "E.", "BZ."), "kwartaal", periode)
    assert gevonden is not None
    code, variant, tekst = gevonden
    tegel = [m for m in at.metric if f"({code}{', ' + variant if variant else ''})" in m.label]
    assert tegel and tegel[0].value == tekst, (code, variant, tekst, [(m.label, m.value) for m in at.metric])

    for pagina, voorvoegsels in FAMILIEPAGINAS.items():
        regio = regio_met(demo, voorvoegsels)
        if regio is None:  # family not built (yet): the page says so
            at.switch_page(f"paginas/{pagina}.py").run()
            assert not at.exception, (pagina, at.exception)
            assert any("Nog geen indicatoren" in i.value for i in at.info), pagina
            continue
        at.query_params["regio"] = regio
        at.switch_page(f"paginas/{pagina}.py").run()
        assert not at.exception, (pagina, at.exception)
        periode = date.fromisoformat(at.query_params["periode"])
        gevonden = bekende_waarde(demo, regio, voorvoegsels, at.query_params["periodetype"], periode)
        if gevonden is None:
            continue
        code, variant, tekst = gevonden
        waarden = {m.label: m.value for m in at.metric}
        label = [lbl for lbl in waarden if lbl.endswith(f"({code}{', ' + variant if variant else ''})")]
        assert label and waarden[label[0]] == tekst, (pagina, code, variant, tekst, waarden)
        assert at.get("plotly_chart"), pagina
        assert at.query_params["regio"] == regio  # the choice stays in the URL

    for pagina in ("kaart", "rapportage", "datakwaliteit", "definities", "over"):
        at.switch_page(f"paginas/{pagina}.py").run()
        assert not at.exception, (pagina, at.exception)


@pytest.mark.traag
def test_keuze_blijft_bij_paginawissel(demo):
    at = start(regio="rijnstreek")
    at.sidebar.selectbox(key="staat_periodetype").select("halfjaar").run()
    con = duckdb.connect(str(demo), read_only=True)
    eerste = con.execute(
        "SELECT min(periode_start)::VARCHAR FROM marts.dim_periode WHERE regio = 'rijnstreek' AND periode_type = 'halfjaar'"
    ).fetchone()[0]
    con.close()
    at.sidebar.selectbox(key="staat_periode").select(eerste).run()
    verwacht = {"regio": "rijnstreek", "periodetype": "halfjaar", "periode": eerste}
    assert {k: at.query_params[k] for k in verwacht} == verwacht
    for pagina in ("zrm", "decentrale_opvang", "overzicht"):
        at.switch_page(f"paginas/{pagina}.py").run()
        assert not at.exception
        assert at.sidebar.selectbox(key="staat_periode").value == eerste
        assert at.sidebar.selectbox(key="staat_periodetype").value == "halfjaar"
        assert {k: at.query_params[k] for k in verwacht} == verwacht
    # the same link opened fresh shows the same view
    nieuw = start("zrm", **verwacht)
    assert nieuw.sidebar.selectbox(key="staat_periode").value == eerste
    assert nieuw.metric
    assert any(opmaak.datum(date.fromisoformat(eerste)) in m.value for m in nieuw.markdown)


@pytest.mark.traag
def test_regio_zonder_familie(demo):
    at = start("zrm", regio="amersfoort")
    melding = [i.value for i in at.info]
    assert melding and "heeft deze indicatoren niet" in melding[0] and "Rijnstreek" in melding[0], melding
    assert not at.metric
    assert at.query_params["regio"] == "amersfoort"  # the choice is kept for other pages
    at.button(key="staat_naar_rijnstreek").click().run()
    assert at.query_params["regio"] == "rijnstreek"
    assert at.metric


def test_lege_publicatie_op_elke_pagina(tmp_path, monkeypatch):
    monkeypatch.setenv("OPVANGMONITOR_GEPUBLICEERD", str(tmp_path / "ontbreekt.duckdb"))
    at = start()
    for pagina in PAGINAS:
        if pagina in ("definities",):  # reads the definition files, not the warehouse
            continue
        at.switch_page(f"paginas/{pagina}.py").run()
        assert not at.exception, (pagina, at.exception)
        teksten = [e.value for e in (*at.info, *at.warning)]
        assert any("Nog geen" in t or "opvangmonitor run" in t or "make demo" in t for t in teksten), (pagina, teksten)


# ------------------------------------------------------------------ hand-built file

P = date(2026, 4, 1), date(2026, 6, 30)
VORIG = date(2026, 1, 1), date(2026, 3, 31)


def maak_valleiregio(pad: Path) -> None:
    """Valleiregio with HF.1 (norm 75, met), HF.2 (norm 70, not met), pending cases for
    HF.1, and a BZ row for the Gezinsopvangwoning."""
    rijen = [
        ("rijnstreek", "D.1.1", "", *P, "", "", 40, None, 40, "aantal", None, None),
        ("valleiregio", "HF.1", "", *VORIG, "", "", 14, 20, 70.0, "percentage", 75, "voldoet niet"),
        ("valleiregio", "HF.1", "", *P, "", "", 18, 24, 75.0, "percentage", 75, "voldoet"),
        ("valleiregio", "HF.2", "", *P, "", "", 12, 20, 60.0, "percentage", 70, "voldoet niet"),
        ("valleiregio", "GZ.1", "", *P, "", "", 9, 12, 75.0, "percentage", 75, "voldoet"),
        ("valleiregio", "BZ.1", "", *P, "soort", "Gezinsopvangwoning", 546, 728, 75.0, "percentage", None, None),
        ("valleiregio", "BZ.1", "", *P, "", "", 1000, 1200, 83.3, "percentage", None, None),
    ]
    with gepubliceerd_bestand(
        pad,
        (*INDICATORTABELLEN, "marts.indicatoren_openstaand", "config.regio_indicatorfamilies"),
        regios=[("rijnstreek", "Rijnstreek"), ("valleiregio", "Valleiregio")],
    ) as con:
        vul(con, "config.regio_indicatorfamilies",
            [("rijnstreek", "D"), ("valleiregio", "HF"), ("valleiregio", "GZ"), ("valleiregio", "BZ")])  # fmt: skip
        for regio in ("rijnstreek", "valleiregio"):
            vul(con, "marts.dim_periode", [(regio, "kwartaal", *VORIG, "2026 K1", date(2026, 6, 30)),
                                           (regio, "kwartaal", *P, "2026 K2", date(2026, 6, 30))])  # fmt: skip
        vul(con, "marts.indicatoren", [(r[0], r[1], r[2], "kwartaal", *r[3:]) for r in rijen])
        vul(con, "marts.indicatoren_openstaand", [("valleiregio", "HF.1", "", "kwartaal", *P, 6)])


@pytest.fixture
def valleiregio(tmp_path, monkeypatch) -> Path:
    pad = tmp_path / "v.gepubliceerd.duckdb"
    maak_valleiregio(pad)
    return gebruik(pad, monkeypatch)


def test_housing_first_tegels_norm_status_openstaand(valleiregio):
    at = start("housing_first", regio="valleiregio")
    assert at.sidebar.selectbox(key="staat_regio").options == ["Valleiregio"]
    tegels = {m.label: (m.value, m.delta) for m in at.metric}
    hf1 = [k for k in tegels if k.endswith("(HF.1)")][0]
    hf2 = [k for k in tegels if k.endswith("(HF.2)")][0]
    assert tegels[hf1] == ("75,0%", "+5 t.o.v. 2026 K1")
    assert tegels[hf2] == ("60,0%", "")  # no HF.2 in 2026 K1: no change
    tekst = tekst_op_pagina(at)
    assert "Norm: 75% · 6 nog binnen termijn (niet in de noemer)" in tekst
    assert "Norm: 70%" in tekst
    badges = [m.value for m in at.markdown if "badge[" in m.value]
    assert badges[:2] == [":green-badge[voldoet]", ":red-badge[voldoet niet]"], badges


def test_gezinsopvang_met_bezetting_gezinsopvangwoning(valleiregio):
    at = start("gezinsopvang", regio="valleiregio")
    tabellen = [df.value for df in at.dataframe]
    bz = [t for t in tabellen if "Indicator" in t.columns and any("BZ.1" in x for x in t["Indicator"])]
    assert bz and bz[0].values.tolist() == [["Bezetting (BZ.1)", "546", "728", "75,0%", "–", "–"]]


def test_familie_ontbreekt_voor_regio(valleiregio):
    at = start("housing_first", regio="rijnstreek")
    assert [i.value for i in at.info] == [
        "Rijnstreek heeft deze indicatoren niet. Ze zijn er wel voor: Valleiregio."
    ]
    at = start("maatschappelijke_opvang", regio="valleiregio")
    assert any("Nog geen indicatoren voor Maatschappelijke opvang" in i.value for i in at.info)


def test_elke_pagina_op_handgemaakt_bestand(valleiregio):
    """Every page renders on the small file; pages with nothing to show end with a
    message and the footer (onderdelen.stop)."""
    voetteksten = {}
    for pagina in PAGINAS:
        at = start(pagina, regio="valleiregio")
        assert at.title, pagina
        voetteksten[pagina] = at.caption[-1].value if at.caption else ""
        if pagina == "kaart":
            assert [i.value for i in at.info] == [
                "Geen indicator met een uitsplitsing naar gemeente in de gepubliceerde gegevens."]
    zonder = [p for p, v in voetteksten.items() if not v.startswith("Gepubliceerd op 23 november 2026 om 14:05")]
    assert zonder == ["datakwaliteit", "definities"], voetteksten
