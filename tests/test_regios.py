from pathlib import Path

import duckdb
import pytest

from opvangmonitor.paden import DATA_DIR
from opvangmonitor.regios import OngeldigeRegios, lees_regios, schrijf_configuratie


def test_voorbeeldbestand_wordt_gelezen_en_geschreven():
    regios = lees_regios(DATA_DIR / "regios.example.yml")
    assert [r.code for r in regios] == ["rijnstreek", "valleiregio", "amersfoort"]
    con = duckdb.connect()
    schrijf_configuratie(con, regios)
    assert con.execute("SELECT aanbieder_code FROM config.regio_aanbieders WHERE regio='valleiregio'").fetchall() == [("valleizorg",)]
    assert con.execute("SELECT norm FROM config.regio_normen WHERE regio='valleiregio' AND indicator='GZ.5'").fetchone() == (95.0,)
    assert con.execute(
        "SELECT waarde FROM config.regio_parameters WHERE regio='amersfoort' AND parameter='nachtopvang_contract' AND sleutel='winter_maanden'"
    ).fetchone() == ("11,12,1,2,3",)
    assert con.execute("SELECT count(*) FROM config.regio_gemeenten WHERE regio='amersfoort'").fetchone() == (6,)


@pytest.mark.parametrize(
    "inhoud, verwacht",
    [
        ("regios: {}", "minstens één regio"),
        ("regios:\n  x: {gemeenten: [GM0484], aanbieders: [], indicatoren: [D]}", "regios.x.aanbieders"),
        ("regios:\n  x: {gemeenten: [GM0484], aanbieders: [a], indicatoren: [Q]}", "onbekende familie"),
        ("regios:\n  x: {gemeenten: [GM0484], aanbieders: [a], indicatoren: [D], normen: {D.1: veel}}", "regios.x.normen.D.1"),
        ("regios: [", "geen geldige YAML"),
    ],
)
def test_ongeldig_regiobestand_noemt_bestand_en_plek(tmp_path: Path, inhoud: str, verwacht: str):
    pad = tmp_path / "regios.yml"
    pad.write_text(inhoud, encoding="utf-8")
    with pytest.raises(OngeldigeRegios) as e:
        lees_regios(pad)
    assert str(pad) in str(e.value) and verwacht in str(e.value)


# --- parameter values (termijnen, max_verblijf_dagen, nachtopvang_contract, inwoners) ------

REGIO = "regios:\n  x:\n    gemeenten: [GM0228, GM0289]\n    aanbieders: [a]\n    indicatoren: [MO, BZ]\n"


def _lees(tmp_path: Path, extra: str):
    pad = tmp_path / "regios.yml"
    pad.write_text(REGIO + extra, encoding="utf-8")
    return pad, lees_regios(pad)


def test_geldige_parameters_worden_gelezen_en_als_tekst_bewaard(tmp_path: Path):
    _, [r] = _lees(
        tmp_path,
        "    termijnen: {klacht_dagen: 1, bezwaar_dagen: 84}\n"
        "    max_verblijf_dagen: {Nachtopvang: 91, gezinsopvangwoning: 182}\n"  # code list match ignores case
        "    nachtopvang_contract: {winter_maanden: [12, 1], winter_plekken: 0, overig_plekken: 10}\n"
        "    inwoners: {GM0228: 120000, GM0289: 1}\n",
    )
    assert r.parameters == {
        "termijnen": {"klacht_dagen": "1", "bezwaar_dagen": "84"},
        "max_verblijf_dagen": {"Nachtopvang": "91", "gezinsopvangwoning": "182"},
        "nachtopvang_contract": {"winter_maanden": "12,1", "winter_plekken": "0", "overig_plekken": "10"},
        "inwoners": {"GM0228": "120000", "GM0289": "1"},
    }


@pytest.mark.parametrize(
    "extra, plek, melding",
    [
        ("    termijnen: {klacht_dagen: 0}\n", "regios.x.termijnen.klacht_dagen",
         "verwacht een geheel aantal dagen groter dan 0, kreeg 0"),
        ("    termijnen: {bezwaar_dagen: 84.5}\n", "regios.x.termijnen.bezwaar_dagen", "kreeg 84.5"),
        ("    termijnen: {klacht_dagen: '42'}\n", "regios.x.termijnen.klacht_dagen", "kreeg '42'"),
        ("    termijnen: {klacht_dagen: true}\n", "regios.x.termijnen.klacht_dagen", "kreeg True"),
        ("    termijnen: {klachtdagen: 42}\n", "regios.x.termijnen.klachtdagen",
         "onbekende sleutel; toegestaan: klacht_dagen, bezwaar_dagen"),
        ("    termijnen: 42\n", "regios.x.termijnen", "verwacht een niet-lege mapping, kreeg 42"),
        ("    max_verblijf_dagen: {Nachtopvang: -1}\n", "regios.x.max_verblijf_dagen.Nachtopvang",
         "verwacht een geheel aantal dagen groter dan 0, kreeg -1"),
        ("    max_verblijf_dagen: {Nachtasiel: 91}\n", "regios.x.max_verblijf_dagen.Nachtasiel",
         "geen woonvorm uit de codelijst woonvorm van het aanlevercontract (Opvang lokaal, Centrale opvang"),
        ("    nachtopvang_contract: {winter_maanden: [11, 13], winter_plekken: 20, overig_plekken: 10}\n",
         "regios.x.nachtopvang_contract.winter_maanden",
         "verwacht een lijst van verschillende maandnummers 1 t/m 12, kreeg [11, 13]"),
        ("    nachtopvang_contract: {winter_maanden: [1, 1], winter_plekken: 20, overig_plekken: 10}\n",
         "regios.x.nachtopvang_contract.winter_maanden", "kreeg [1, 1]"),
        ("    nachtopvang_contract: {winter_maanden: 11, winter_plekken: 20, overig_plekken: 10}\n",
         "regios.x.nachtopvang_contract.winter_maanden", "kreeg 11"),
        ("    nachtopvang_contract: {winter_maanden: [11], winter_plekken: -2, overig_plekken: 10}\n",
         "regios.x.nachtopvang_contract.winter_plekken", "verwacht een geheel aantal plekken van 0 of meer, kreeg -2"),
        ("    nachtopvang_contract: {winter_maanden: [11], winter_plekken: 20, overig_plekken: 7.5}\n",
         "regios.x.nachtopvang_contract.overig_plekken", "kreeg 7.5"),
        ("    nachtopvang_contract: {winter_maanden: [11], winter_plekken: 20}\n",
         "regios.x.nachtopvang_contract.overig_plekken", "ontbreekt"),
        ("    nachtopvang_contract: {winter_maanden: [11], winter_plekken: 20, overig_plekken: 10, zomer: 3}\n",
         "regios.x.nachtopvang_contract.zomer", "onbekende sleutel"),
        ("    inwoners: {GM0228: 0}\n", "regios.x.inwoners.GM0228",
         "verwacht een geheel aantal inwoners groter dan 0, kreeg 0"),
        ("    inwoners: {Ede: 120000}\n", "regios.x.inwoners.Ede", "verwacht een CBS-gemeentecode als GM0228"),
        ("    inwoners: {GM0307: 150000}\n", "regios.x.inwoners.GM0307", "gemeente staat niet in regios.x.gemeenten"),
    ],
)
def test_ongeldige_parameterwaarde_noemt_bestand_sleutel_en_waarde(tmp_path: Path, extra: str, plek: str, melding: str):
    pad = tmp_path / "regios.yml"
    pad.write_text(REGIO + extra, encoding="utf-8")
    with pytest.raises(OngeldigeRegios) as e:
        lees_regios(pad)
    assert str(e.value).startswith(f"{pad}: {plek}: ")
    assert melding in str(e.value)

