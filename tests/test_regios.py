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
