"""Small-number suppression (dashboards/onderdrukking.py): hand-computed cases and
properties on random count tables, judged from the shown texts only."""

from __future__ import annotations

import sys
from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as s

from opvangmonitor.paden import DASHBOARD_APP

sys.path.insert(0, str(DASHBOARD_APP.parent))
import onderdrukking as o  # noqa: E402

AAN = o.Instellingen()
UIT = o.Instellingen(aan=False)
SLEUTEL = dict(regio="rijnstreek", indicator="D.1.1", variant="", periode_type="halfjaar",
               periode_start=date(2025, 1, 1), periode_eind=date(2025, 6, 30))  # fmt: skip


def rijen(totaal, dimensies: dict[str, list[int]], eenheid="aantal", noemers=None, indicator="D.1.1"):
    """Rows of one indicator × period: the total and per dimension the cells a, b, c, …"""
    uit = [dict(SLEUTEL, indicator=indicator, dimensie="", dimensie_waarde="", teller=totaal)]
    for dim, cellen in dimensies.items():
        for nr, w in enumerate(cellen):
            uit.append(dict(SLEUTEL, indicator=indicator, dimensie=dim, dimensie_waarde="abcdefgh"[nr], teller=w))
    df = pd.DataFrame(uit)
    df["noemer"] = None if noemers is None else noemers
    df["eenheid"] = eenheid
    if eenheid == "aantal":
        df["waarde"] = df["teller"].astype(float)
    else:
        df["noemer"] = df["noemer"].astype(float)
        df["waarde"] = 100 * df["teller"] / df["noemer"]
    return df


def teksten(df: pd.DataFrame, kolom="teller_tekst") -> dict[str, list[str]]:
    uit = {}
    for dim, g in df.groupby("dimensie", sort=False):
        uit[dim or "totaal"] = list(g[kolom])
    return uit


# ------------------------------------------------------------------ the case


def test_cel_van_3_wordt_kleiner_dan_5_en_geen_totaal_verraadt_hem():
    df = o.onderdruk(rijen(20, {"gemeente_herkomst": [3, 8, 9]}), AAN)
    assert teksten(df) == {"totaal": ["20"], "gemeente_herkomst": ["<5", "x", "9"]}
    assert teksten(df, "waarde_tekst") == {"totaal": ["20"], "gemeente_herkomst": ["<5", "x", "9"]}
    assert list(df["onderdrukt"]) == [False, True, True, False]
    assert df["waarde_grafiek"].isna().tolist() == [False, True, True, False]
    # From what is shown: 20 - 9 = 11 for '<5' + 'x'; '<5' is 1..4, 'x' at least 5:
    # the 3 can be 1..4 (with 10..7) - not recomputable.
    assert mogelijke_waarden(["20"], ["<5", "x", "9"])[0] == {1, 2, 3, 4}


def test_exacte_cijfers_tonen_alles():
    df = o.onderdruk(rijen(20, {"gemeente_herkomst": [3, 8, 9]}), UIT)
    assert teksten(df) == {"totaal": ["20"], "gemeente_herkomst": ["3", "8", "9"]}
    assert not df["onderdrukt"].any()


def test_nul_blijft_nul_en_grote_aantallen_blijven_staan():
    df = o.onderdruk(rijen(1234, {"geslacht": [0, 700, 534]}), AAN)
    assert teksten(df) == {"totaal": ["1.234"], "geslacht": ["0", "700", "534"]}


def test_totaal_onder_drempel_schermt_de_uitsplitsing_af():
    df = o.onderdruk(rijen(4, {"geslacht": [1, 3], "gemeente_herkomst": [0, 4]}), AAN)
    assert teksten(df) == {"totaal": ["<5"], "geslacht": ["<5", "<5"], "gemeente_herkomst": ["0", "<5"]}


def test_twee_kleine_cellen_die_samen_te_herleiden_zijn():
    # 1 + 5 = 6: '<5' + 'x' = 6 leaves only 1 and 5, so the total goes too.
    df = o.onderdruk(rijen(6, {"geslacht": [1, 5]}), AAN)
    assert teksten(df) == {"totaal": ["x"], "geslacht": ["<5", "x"]}
    # 4 + 4 = 8: two '<5' that add up to 8 are both 4.
    df = o.onderdruk(rijen(8, {"geslacht": [4, 4], "leeftijdsgroep": [2, 6]}), AAN)
    assert teksten(df) == {"totaal": ["x"], "geslacht": ["<5", "<5"], "leeftijdsgroep": ["<5", "6"]}
    # 2 + 3 + 10 = 15: '<5' + '<5' = 5 can be 1+4, 2+3, …: nothing more hidden.
    df = o.onderdruk(rijen(15, {"geslacht": [2, 3, 10]}), AAN)
    assert teksten(df) == {"totaal": ["15"], "geslacht": ["<5", "<5", "10"]}


def test_niet_optellende_uitsplitsing_wordt_toch_beschermd():
    # A person in two gemeenten: cells add up to more than the total; still protected.
    df = o.onderdruk(rijen(10, {"gemeente_herkomst": [2, 6, 5]}), AAN)
    assert teksten(df) == {"totaal": ["10"], "gemeente_herkomst": ["<5", "6", "x"]}
    # One small cell and nothing else to hide beside it: the total goes.
    df = o.onderdruk(rijen(7, {"status": [3]}), AAN)
    assert teksten(df) == {"totaal": ["x"], "status": ["<5"]}


def test_percentage_teller_noemer_en_verbergen():
    df = rijen(60, {"geslacht": [3, 57], "leeftijdsgroep": [20, 40]}, eenheid="percentage",
               noemers=[80, 8, 72, 30, 50], indicator="A.2.1")  # fmt: skip
    uit = o.onderdruk(df, AAN)
    # geslacht a: teller 3 -> '<5' and the teller 57 secondarily; noemer 8 < 10 -> value hidden.
    assert teksten(uit) == {"totaal": ["60"], "geslacht": ["<5", "x"], "leeftijdsgroep": ["20", "40"]}
    assert teksten(uit, "noemer_tekst") == {"totaal": ["80"], "geslacht": ["8", "72"], "leeftijdsgroep": ["30", "50"]}
    assert teksten(uit, "waarde_tekst") == {"totaal": ["75,0"], "geslacht": ["–", "–"], "leeftijdsgroep": ["66,7", "80,0"]}
    assert uit["waarde_grafiek"].tolist()[0] == 75.0
    assert uit["onderdrukt"].tolist() == [False, True, True, False, False]


def test_gemiddelde_met_kleine_noemer_verborgen_ook_de_som():
    df = pd.DataFrame([
        dict(SLEUTEL, indicator="D.1.4", variant="gemiddelde", dimensie="", dimensie_waarde="", teller=70.0, noemer=7.0, waarde=10.0, eenheid="dagen"),
        dict(SLEUTEL, indicator="D.1.4", variant="mediaan", dimensie="", dimensie_waarde="", teller=None, noemer=7.0, waarde=9.0, eenheid="dagen"),
        dict(SLEUTEL, indicator="D.1.4", variant="gemiddelde", periode_start=date(2025, 7, 1), dimensie="", dimensie_waarde="", teller=250.0, noemer=20.0, waarde=12.5, eenheid="dagen"),
        dict(SLEUTEL, indicator="E.1.1", dimensie="", dimensie_waarde="", teller=1234.5, noemer=None, waarde=1234.5, eenheid="euro"),
        dict(SLEUTEL, indicator="D.2.4", dimensie="", dimensie_waarde="", teller=3.0, noemer=None, waarde=3.0, eenheid="uren"),
    ])  # fmt: skip
    uit = o.onderdruk(df, AAN)
    assert uit[["teller_tekst", "noemer_tekst", "waarde_tekst"]].values.tolist() == [
        ["–", "7", "–"],
        ["–", "7", "–"],
        ["250", "20", "12,5"],
        ["1.234,50", "–", "1.234,50"],  # sums of money and hours are no counts
        ["3", "–", "3"],
    ]
    assert uit["onderdrukt"].tolist() == [True, True, False, False, False]


def test_lege_invoer_en_rijen_zonder_regio():
    leeg = o.onderdruk(rijen(20, {}).iloc[0:0], AAN)
    assert list(leeg.columns)[-5:] == ["teller_tekst", "noemer_tekst", "waarde_tekst", "waarde_grafiek", "onderdrukt"]
    # gegevens.indicatorrijen has no regio/periode_type columns: the groups still hold.
    df = rijen(20, {"gemeente_herkomst": [3, 8, 9]}).drop(columns=["regio", "periode_type"])
    assert teksten(o.onderdruk(df, AAN))["gemeente_herkomst"] == ["<5", "x", "9"]


def test_perioden_en_indicatoren_los_van_elkaar():
    a = rijen(20, {"g": [3, 8, 9]})
    b = rijen(20, {"g": [10, 5, 5]}, indicator="D.1.2")
    uit = o.onderdruk(pd.concat([a, b], ignore_index=True), AAN)
    assert uit["teller_tekst"].tolist() == ["20", "<5", "x", "9", "20", "10", "5", "5"]


def test_onderdruk_tabel():
    df = pd.DataFrame({"onderdeel": ["Nachtopvang", "24-uursopvang", "Crisis"], "personen": [3, 12, 9], "nieuw": [0, 6, 7]})
    uit = o.onderdruk_tabel(df, ["personen", "nieuw"], AAN, totaalrij=True)
    assert uit.values.tolist() == [
        ["Nachtopvang", "<5", "0"],
        ["24-uursopvang", "12", "6"],
        ["Crisis", "x", "7"],
        ["Totaal", "24", "13"],
    ]
    assert o.onderdruk_tabel(df, ["personen"], UIT)["personen"].tolist() == ["3", "12", "9"]


def test_kruistabel_kolom_beschermd():
    """A column sum reveals a cell unless a second cell of that column is hidden."""
    tabel = pd.DataFrame({"r": ["a", "b"], "X": [3, 20], "Y": [10, 10], "T": [13, 30]})
    uit = o.onderdruk_kruistabel(tabel, ["X", "Y"], "T", AAN)
    # row a: 3 -> '<5', 10 would reveal it -> 'x'; column Y: 'x' + 10 = 20 (column sum)
    # reveals it -> row b's 10 hidden too; column X: <5 + 20 = 23 reveals it -> 20 hidden.
    assert uit[["X", "Y", "T"]].values.tolist() == [["<5", "x", "13"], ["x", "x", "30"]]
    exact = o.onderdruk_kruistabel(tabel, ["X", "Y"], "T", UIT)
    assert exact[["X", "Y", "T"]].values.tolist() == [["3", "10", "13"], ["20", "10", "30"]]


def test_instellingen_uit_bestand(tmp_path):
    from opvangmonitor.paden import DATA_DIR

    assert o.lees_instellingen(DATA_DIR / "dashboard.yml") == o.Instellingen(aan=True, drempel=5, noemer_drempel=10)
    pad = tmp_path / "dashboard.yml"
    pad.write_text("onderdrukking:\n  drempel: 10\n", encoding="utf-8")
    inst = o.lees_instellingen(pad)
    assert (inst.drempel, inst.noemer_drempel, inst.klein) == (10, 10, "<10")
    assert teksten(o.onderdruk(rijen(40, {"g": [7, 12, 21]}), inst)) == {"totaal": ["40"], "g": ["<10", "x", "21"]}
    pad.write_text("onderdrukking:\n  drempel: vijf\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"dashboard.yml: veld 'onderdrukking.drempel' moet een geheel getal"):
        o.lees_instellingen(pad)
    pad.write_text("onderdrukking:\n  drempels: 5\n", encoding="utf-8")
    with pytest.raises(ValueError, match="onbekend veld 'onderdrukking.drempels'"):
        o.lees_instellingen(pad)
    assert o.lees_instellingen(tmp_path / "ontbreekt.yml") == o.Instellingen()


# ------------------------------------------------------------------ properties


def _bereik(tekst: str, bovengrens: int) -> set[int]:
    """What a reader can assume for a cell from its text alone."""
    if tekst == "<5":
        return set(range(1, 5))
    if tekst == "x":
        return set(range(5, bovengrens + 1))
    return {int(tekst.replace(".", ""))}


def mogelijke_waarden(totaal_tekst: list[str], cel_teksten: list[str]) -> list[set[int]]:
    """Per cell: the values consistent with the shown texts when the cells add up to the
    shown total (reachable-sum sets; independent of the module's own reasoning)."""
    totaal = int(totaal_tekst[0].replace(".", ""))
    bereiken = [_bereik(t, totaal) for t in cel_teksten]
    uit = []
    for i, eigen in enumerate(bereiken):
        sommen = {0}
        for j, b in enumerate(bereiken):
            if j != i:
                sommen = {x + y for x in sommen for y in b if x + y <= totaal}
        uit.append({v for v in eigen if totaal - v in sommen})
    return uit


tabellen = s.lists(s.integers(min_value=0, max_value=25), min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(tabellen, s.lists(s.integers(min_value=0, max_value=25), min_size=1, max_size=4))
def test_eigenschap_geen_onderdrukte_cel_af_te_leiden(cellen, andere):
    # Two breakdowns of one total; the second gets a last cell so that both add up.
    totaal = sum(cellen)
    andere = andere + [max(0, totaal - sum(andere))] if sum(andere) <= totaal else [totaal]
    uit = o.onderdruk(rijen(totaal, {"g": cellen, "h": andere}), AAN)
    t = teksten(uit)
    for tekst in [x for v in t.values() for x in v]:
        assert tekst in ("<5", "x") or not 1 <= int(tekst.replace(".", "")) <= 4, t
    if t["totaal"][0] in ("<5", "x"):
        return
    for dim, waarden in (("g", cellen), ("h", andere)):
        mogelijk = mogelijke_waarden(t["totaal"], t[dim])
        for w, tekst, m in zip(waarden, t[dim], mogelijk):
            assert w in m  # the texts are true
            if tekst in ("<5", "x"):
                assert len(m) >= 2, (t, dim, waarden)
        assert sum(tekst in ("<5", "x") for tekst in t[dim]) != 1, t


@settings(max_examples=200, deadline=None)
@given(tabellen)
def test_eigenschap_tabel(cellen):
    uit = o.onderdruk_tabel(pd.DataFrame({"k": list("abcde")[: len(cellen)], "n": cellen}), ["n"], AAN, totaalrij=True)
    getoond = list(uit["n"])
    assert all(x in ("<5", "x") or not 1 <= int(x.replace(".", "")) <= 4 for x in getoond)
    if getoond[-1] not in ("<5", "x"):
        for w, tekst, m in zip(cellen, getoond[:-1], mogelijke_waarden([getoond[-1]], getoond[:-1])):
            assert w in m
            if tekst in ("<5", "x"):
                assert len(m) >= 2
