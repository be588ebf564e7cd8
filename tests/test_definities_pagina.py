"""The page Definities and its files in data/definities/: the real files are valid and
cover every indicator model, the page shows them without a warehouse, the search filters,
and a broken file is named with its line, entry and field."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from opvangmonitor.paden import DASHBOARD_APP, DATA_DIR, DBT_PROJECT_DIR

sys.path.insert(0, str(DASHBOARD_APP.parent))
import definities  # noqa: E402
from app_openen import open_app  # noqa: E402

ECHTE_MAP = DATA_DIR / "definities"

GOED = """\
- code: X.1.2
  naam: Twee
  bijlage_tekst: Tekst twee.
  definitie: Definitie twee.
  keuzes: [Keuze twee.]
  eenheid: aantal
  varianten: []
  dimensies: [geslacht]
"""


def schrijf(map_: Path, naam: str, tekst: str) -> Path:
    pad = map_ / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def meldingen(pad: Path) -> list[str]:
    with pytest.raises(definities.OngeldigBestand) as e:
        definities.lees_indicatorbestand(pad)
    return e.value.meldingen


# --- the real files ---------------------------------------------------------------------


def test_echte_bestanden_zijn_geldig():
    alles = definities.lees(ECHTE_MAP)
    assert alles.fouten == ()
    codes = {d.code for d in alles.indicatoren}
    assert {"D.1.1", "D.1.2", "D.1.3"} <= codes
    onderwerpen = [b.onderwerp for b in alles.begrippen]
    for onderwerp in ("Periode", "Persoon", "Regio en peildatum", "Actief in een periode", "Leeftijdsgroep",
                      "Nieuw / reeds bekend", "Gemeente van herkomst", "Soort opvang", "Werkdag",
                      "Maanden en halve jaren", "Percentages, gemiddelden en medianen", "Noemer 0"):  # fmt: skip
        assert onderwerp in onderwerpen
    assert list(alles.families)[:6] == ["A", "B", "C", "D", "E", "BZ"]


def test_elk_indicatormodel_heeft_een_definitie_en_omgekeerd():
    """The codes in the ind_ models of dbt (the literal 'X.n.n' they pass to the macro)
    are exactly the codes defined for users: no indicator without a definition, no
    definition of an indicator the monitor does not compute."""
    modellen = sorted((DBT_PROJECT_DIR / "models" / "indicatoren").glob("*/ind_*.sql"))
    assert len(modellen) >= 3
    in_dbt = set()
    for pad in modellen:
        codes = set(re.findall(r"'([A-Z]{1,2}(?:\.[0-9]+)+(?:\.[a-z])?)'", pad.read_text(encoding="utf-8")))
        assert codes, f"{pad.name}: geen indicatorcode gevonden"
        in_dbt |= codes
    gedefinieerd = {d.code for d in definities.lees(ECHTE_MAP).indicatoren}
    assert in_dbt - gedefinieerd == set(), "indicatoren zonder definitie in data/definities/"
    assert gedefinieerd - in_dbt == set(), "definities zonder indicatormodel"


# --- the loader -------------------------------------------------------------------------


def test_geldig_bestand_gelezen(tmp_path):
    pad = schrijf(tmp_path, "x.yml", GOED)
    [d] = definities.lees_indicatorbestand(pad)
    assert d == definities.Indicatordefinitie(
        code="X.1.2", naam="Twee", bijlage_tekst="Tekst twee.", definitie="Definitie twee.",
        keuzes=("Keuze twee.",), eenheid="aantal", varianten=(), dimensies=("geslacht",),
        bestand=str(pad), regel=1,
    )  # fmt: skip
    assert d.familie == "X"


def test_ontbrekend_veld_noemt_bestand_regel_en_definitie(tmp_path):
    tekst = GOED + GOED.replace("X.1.2", "X.1.3").replace("  keuzes: [Keuze twee.]\n", "")
    pad = schrijf(tmp_path, "x.yml", tekst)
    assert meldingen(pad) == [f"{pad}, regel 9, definitie 2 (X.1.3): veld 'keuzes' ontbreekt"]


def test_elke_fout_met_de_regel_van_het_veld(tmp_path):
    pad = schrijf(
        tmp_path,
        "x.yml",
        """\
- naam: Zonder code
  bijlage_tekst: ''
  definitie: Iets.
  keuzes: Eén keuze zonder lijst.
  eenheid: procent
  varianten: [kort, '']
  dimensies: []
  keuze: [verkeerd gespeld]
- code: D1.1
  naam: N
  bijlage_tekst: B
  definitie: D
  keuzes: []
  eenheid: dagen (gemiddelde), aantal (lopend)
  varianten: []
  dimensies: []
- code: X.1.2
  naam: N
  bijlage_tekst: B
  definitie: D
  keuzes: []
  eenheid: euro
  varianten: []
  dimensies: []
- code: X.1.2
  naam: N
  bijlage_tekst: B
  definitie: D
  keuzes: []
  eenheid: euro
  varianten: []
  dimensies: []
""",
    )
    assert meldingen(pad) == [
        f"{pad}, regel 1, definitie 1: veld 'code' ontbreekt",
        f"{pad}, regel 8, definitie 1: onbekend veld 'keuze' (toegestaan: code, naam, bijlage_tekst, "
        "definitie, keuzes, eenheid, varianten, dimensies)",
        f"{pad}, regel 2, definitie 1: veld 'bijlage_tekst' moet een niet-lege tekst zijn",
        f"{pad}, regel 4, definitie 1: veld 'keuzes' moet een lijst zijn (gebruik [] voor geen)",
        f"{pad}, regel 6, definitie 1: veld 'varianten' mag alleen niet-lege teksten bevatten",
        f"{pad}, regel 5, definitie 1: veld 'eenheid': 'procent' noemt geen van percentage, aantal, dagen, "
        "uren, euro, score",
        f"{pad}, regel 9, definitie 2 (D1.1): veld 'code': 'D1.1' is geen indicatorcode zoals A.1.1.a, D.1.3 of BZ.2",
        f"{pad}, regel 25, definitie 4 (X.1.2): code X.1.2 staat al in definitie 3",
    ]


@pytest.mark.parametrize(
    "tekst, melding",
    [
        ("- code: X.1.1\n  naam: [niet gesloten\n", "regel 3: geen geldige YAML"),
        ("code: X.1.1\n", "verwacht een lijst van definities"),
        ("", "verwacht een lijst van definities"),
        ("- gewoon tekst\n", "regel 1, definitie 1: verwacht velden (code, naam,"),
    ],
)
def test_geen_lijst_of_geen_yaml(tmp_path, tekst, melding):
    pad = schrijf(tmp_path, "x.yml", tekst)
    [m] = meldingen(pad)
    assert m.startswith(f"{pad}") and melding in m, m


def test_kapot_bestand_weggelaten_rest_getoond_en_dubbele_code_tussen_bestanden(tmp_path):
    shutil.copy(ECHTE_MAP / "algemeen.yml", tmp_path)
    a = schrijf(tmp_path, "a.yml", GOED)
    b = schrijf(tmp_path, "b.yml", GOED.replace("X.1.2", "X.1.3") + GOED)  # X.1.2 again
    zonder_naam = GOED.replace("X.1.2", "Y.2").replace("naam: Twee", "naam:")
    schrijf(tmp_path, "c.yml", GOED.replace("X.1.2", "X.1.10") + zonder_naam)
    schrijf(tmp_path, "d.yml", GOED.replace("X.1.2", "X.1.10"))
    schrijf(tmp_path, "notitie.txt", "geen yml: genegeerd")
    alles = definities.lees(tmp_path)
    assert alles.fouten == (
        f"{b}, regel 9, definitie X.1.2: code X.1.2 staat ook in {a}, regel 1",
        f"{tmp_path / 'c.yml'}, regel 10, definitie 2 (Y.2): veld 'naam' moet een niet-lege tekst zijn",
    )
    assert [d.code for d in alles.indicatoren] == ["X.1.2", "X.1.10"]
    # X is not in algemeen.yml's families: after the listed ones, titled by its code
    assert [(f, t, [d.code for d in ds]) for f, t, ds in alles.per_familie()] == [("X", "X", ["X.1.2", "X.1.10"])]


def test_algemeen_ontbreekt_of_kapot(tmp_path):
    schrijf(tmp_path, "a.yml", GOED)
    alles = definities.lees(tmp_path)
    assert alles.fouten == (f"{tmp_path / 'algemeen.yml'}: bestand ontbreekt (de algemene begrippen)",)
    assert [d.code for d in alles.indicatoren] == ["X.1.2"]
    pad = schrijf(
        tmp_path,
        "algemeen.yml",
        "families: {A: Zelfredzaamheid}\nbegrippen:\n  - onderwerp: Periode\n    tekst: Een kwartaal.\n"
        "    keuzes: []\n  - onderwerp: Persoon\n    keuzes: []\nextra: 1\n",
    )
    assert definities.lees(tmp_path).fouten == (
        f"{pad}, regel 8: onbekend veld 'extra' (toegestaan: families, begrippen)",
        f"{pad}, regel 6, begrip 2 (Persoon): veld 'tekst' ontbreekt",
    )


def test_volgorde_families_en_codes():
    d = lambda code: definities.Indicatordefinitie(code, "n", "b", "d", (), "aantal", (), ())  # noqa: E731
    alles = definities.Definities(
        families={"A": "Eerst", "BZ": "Daarna"},
        indicatoren=(d("C.1.10"), d("BZ.2"), d("C.1.2"), d("A.1.1.a"), d("A.1.1"), d("BZ.1")),
    )
    assert [(f, t, [x.code for x in ds]) for f, t, ds in alles.per_familie()] == [
        ("A", "Eerst", ["A.1.1", "A.1.1.a"]),
        ("BZ", "Daarna", ["BZ.1", "BZ.2"]),
        ("C", "C", ["C.1.2", "C.1.10"]),
    ]


def test_zoeken():
    alles = definities.lees(ECHTE_MAP)
    codes = lambda term: [d.code for d in definities.zoek(alles, term).indicatoren]  # noqa: E731
    assert codes("") == [d.code for d in alles.indicatoren]
    assert codes("d.1.3") == ["D.1.3"]
    assert codes("D.1") == [c for c in codes("") if c.startswith("D.1.")]
    assert "D.1.1" in codes("D.1") and "D.2.1" not in codes("D.1")
    assert set(codes("bz")) == {"BZ.1", "BZ.2"}
    assert definities.zoek(alles, "D.1.3").begrippen == ()
    # words: every word must occur, case and accents ignored
    terugkeer = codes("TERUGKEER episode")
    assert "D.1.2" in terugkeer and "D.1.3" in terugkeer and "D.1.1" not in terugkeer
    assert "D.1.1" in codes("unieke clienten")
    assert [b.onderwerp for b in definities.zoek(alles, "termijnenwet").begrippen] == ["Werkdag"]
    assert codes("xyzzy") == [] and definities.zoek(alles, "xyzzy").begrippen == ()


# --- the page ---------------------------------------------------------------------------


def open_pagina(monkeypatch, tmp_path, map_: Path | None = None) -> AppTest:
    """The page without any published warehouse."""
    monkeypatch.setenv("OPVANGMONITOR_GEPUBLICEERD", str(tmp_path / "bestaat_niet.duckdb"))
    if map_ is not None:
        monkeypatch.setenv(definities.ENV_DEFINITIES, str(map_))
    else:
        monkeypatch.delenv(definities.ENV_DEFINITIES, raising=False)
    return open_app("definities")


def teksten(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_pagina_zonder_warehouse_toont_definities(monkeypatch, tmp_path):
    at = open_pagina(monkeypatch, tmp_path)
    assert [t.value for t in at.title] == ["Definities"]
    assert not at.error and not at.info  # no empty-state block: the page needs no warehouse
    koppen = [h.value for h in at.header]
    assert koppen[0] == "Algemene begrippen"
    assert "D · Decentrale opvang en briefadressen" in koppen
    labels = [e.label for e in at.expander]
    assert {"Leeftijdsgroep", "Werkdag", "D.1.1 Unieke cliënten decentrale opvang",
            "D.1.3 Uitstroom decentrale opvang"} <= set(labels)  # fmt: skip
    assert labels.index("D.1.1 Unieke cliënten decentrale opvang") < labels.index("D.1.3 Uitstroom decentrale opvang")
    assert not any(e.proto.expanded for e in at.expander)
    tekst = teksten(at)
    # a definition, the contract text, a choice (as a bullet) and the unit line of D.1.3
    assert "Aantal episodes decentrale opvang (zie D.1.2) die in de periode eindigen." in tekst
    assert "**Tekst in Bijlage IV**" in tekst and "**Operationele definitie**" in tekst
    assert (
        "- Episodes worden over alle aanbieders van de regio samen gevormd: een overstap naar een andere "
        "aanbieder binnen 6 maanden is geen nieuwe instroom."
    ) in tekst
    assert (
        "**Eenheid:** aantal  \n**Varianten:** geen (alleen het totaal)  \n"
        "**Uitsplitsingen:** Gemeente van herkomst, Soort opvang"
    ) in tekst
    # the common ground with its Choice item from indicatoren.md
    assert 'De grens van 27 jaar volgt het "Voorstel definitieteam" in Bijlage IV.' in tekst


def test_zoekvak_filtert(monkeypatch, tmp_path):
    at = open_pagina(monkeypatch, tmp_path)
    at.text_input(key="zoekterm").input("D.1.3").run()
    assert [e.label for e in at.expander] == ["D.1.3 Uitstroom decentrale opvang"]
    assert at.expander[0].proto.expanded
    assert [h.value for h in at.header] == ["D · Decentrale opvang en briefadressen"]

    at.text_input(key="zoekterm").input("Termijnenwet").run()
    assert "Werkdag" in [e.label for e in at.expander]
    assert "D.1.1 Unieke cliënten decentrale opvang" not in [e.label for e in at.expander]

    at.text_input(key="zoekterm").input("bestaat-niet-xyz").run()
    assert not at.expander
    assert [i.value for i in at.info] == ["Geen definitie gevonden voor “bestaat-niet-xyz”."]


def test_kapot_bestand_geeft_melding_met_bestand_en_definitie(monkeypatch, tmp_path):
    map_ = tmp_path / "definities"
    map_.mkdir()
    shutil.copy(ECHTE_MAP / "algemeen.yml", map_)
    shutil.copy(ECHTE_MAP / "d1.yml", map_)
    kapot = schrijf(map_, "kapot.yml", GOED + GOED.replace("X.1.2", "X.1.3").replace("  eenheid: aantal\n", ""))
    at = open_pagina(monkeypatch, tmp_path, map_)
    assert [e.value for e in at.error] == [
        f"Definitiebestand niet getoond: {kapot}, regel 9, definitie 2 (X.1.3): veld 'eenheid' ontbreekt"
    ]
    labels = [e.label for e in at.expander]
    assert "D.1.2 Instroom decentrale opvang" in labels
    assert not [label for label in labels if label.startswith("X.")]  # the broken file is left out as a whole
