"""Contract-specific dashboard parts for Housing First, Gezinsopvang and Amersfoort
(indicatoren.md §3–§5), called by the pages housing_first.py, gezinsopvang.py and
maatschappelijke_opvang.py:

- `openstaand` / `openstaand_tekst`: pending cases (marts.indicatoren_openstaand) shown
  beside a figure (HF.5, GZ.1, GZ.2, GZ.6, MO.3);
- `toon_stoplicht_lijst`: the Housing First stoplicht on the region's peildatum
  (marts.hf_stoplicht): counts per latest light, the red trajectories and the ones
  running longer than the region's maximum (104 weeks unless configured);
- `toon_mo1`: the Amersfoort quarterly report MO.1 (marts.mo1_personen): counts per
  onderdeel and locatie, and the person-level list as Excel for the accounthouder;
- `toon_nachtopvang_prestatie`: MO.6, mean occupied nachtopvang places per month against
  the contracted number.

Person-level lists (red trajectories, trajectories past the maximum, the MO.1 person list
and its Excel) are shown only when small-number suppression is off (a user allowed to see
exact figures who switched it off): a list of persons reveals every count that
suppression hides. Counts are always suppressed through `onderdrukking`.

Everything reads the published file through `gegevens`; a mart that is absent (an older
publication) gives a Dutch message instead of an error.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import export
import gegevens
import onderdrukking
import opmaak
import staat
from onderdrukking import Instellingen
from staat import Keuze

STOPLICHT_TABEL = "marts.hf_stoplicht"
MO1_TABEL = "marts.mo1_personen"
OPENSTAAND_TABEL = "marts.indicatoren_openstaand"

OPENSTAAND_UITLEG = (
    "Gevallen waarvan de termijn op de peildatum nog niet verstreken is: ze tellen (nog) niet "
    "mee in de noemer en zijn geen overschrijding."
)

STOPLICHTEN = {"groen": "Groen", "oranje": "Oranje", "rood": "Rood", "geen": "Geen stoplicht"}
MAX_DAGEN = 728  # Housing First: 104 weeks, unless the region configures another maximum
LANG_KOLOM = "Langer dan maximum"


# MO.1 breakdowns: column of marts.mo1_personen -> label. verblijfsduur is the mart's class
# (seed mo_verblijfsduur_klassen), shown in the order of its months.
MO1_UITSPLITSINGEN = {
    "gemeente_herkomst": "Gemeente van herkomst",
    "verblijfsduur": "Verblijfsduur",
    "uitstroomperspectief": "Uitstroomperspectief",
}

MO1_KOLOMMEN = {  # person list: mart column -> header in the dashboard and the Excel file
    "persoon_key": "Pseudoniem",
    "onderdeel": "Onderdeel",
    "locatie": "Locatie",
    "gemeente_herkomst": "Gemeente van herkomst",
    "startdatum": "Startdatum",
    "einddatum": "Einddatum",
    "maanden_verblijf": "Maanden verblijf",
    "uitstroomperspectief": "Uitstroomperspectief",
}

ALLEEN_EXACT = (
    "Deze lijst met personen is alleen zichtbaar met exacte cijfers: een lijst van personen "
    "verraadt de kleine aantallen die nu afgeschermd zijn. Wie exacte cijfers mag zien, zet "
    f"'{onderdrukking.TOGGLE_LABEL}' aan in de zijbalk (alleen waar de beheerder exacte cijfers toestaat)."
)


# ------------------------------------------------------------------ small helpers


def _inst(inst: Instellingen | None) -> Instellingen:
    return inst if inst is not None else onderdrukking.instellingen()


def _leeg(x) -> bool:
    return x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and math.isnan(x))


def _aanwezig(b: gegevens.Bron, tabel: str) -> bool:
    return tabel in gegevens.tabellen(b)


def aanbiedernamen(b: gegevens.Bron) -> dict[str, str]:
    """aanbieder_code -> name as delivered (marts.datakwaliteit_leveringen); {} without it."""
    if not _aanwezig(b, "marts.datakwaliteit_leveringen"):
        return {}
    df = gegevens.lees(
        b,
        "SELECT aanbieder_code, max(aanbieder_naam) AS naam FROM marts.datakwaliteit_leveringen "
        "WHERE aanbieder_naam IS NOT NULL GROUP BY aanbieder_code",
    )
    return dict(zip(df["aanbieder_code"], df["naam"]))


def telling_tekst(n, inst: Instellingen) -> str:
    """One count as shown: Dutch formatted, '<drempel' for 1..drempel-1 with suppression on."""
    if _leeg(n):
        return opmaak.LEEG
    if inst.aan and 0 < n < inst.drempel:
        return inst.klein
    return opmaak.getal(n)


def tekst_of_onbekend(x) -> str:
    return "Onbekend" if _leeg(x) or str(x) == "" else str(x)


def maand_label(jjjj_mm: str) -> str:
    """'2025-11' -> 'november 2025'."""
    jaar, maand = jjjj_mm.split("-")[:2]
    return f"{opmaak.MAANDEN[int(maand) - 1]} {int(jaar)}"


def _datum(x) -> date | None:
    return None if _leeg(x) else pd.Timestamp(x).date()


# ------------------------------------------------------------------ pending cases


def openstaand(b: gegevens.Bron, keuze: Keuze, indicator: str, variant: str = "") -> int | None:
    """The pending cases of `indicator` in the chosen region and period
    (marts.indicatoren_openstaand); None when the table or the row is absent."""
    if not _aanwezig(b, OPENSTAAND_TABEL):
        return None
    df = gegevens.lees(
        b,
        f"""
        SELECT openstaand FROM {OPENSTAAND_TABEL}
        WHERE regio = ? AND indicator = ? AND variant = ? AND periode_type = ? AND periode_start = ?
        """,
        keuze.regio, indicator, variant, keuze.periode_type, keuze.periode_start,
    )  # fmt: skip
    if df.empty or _leeg(df["openstaand"].iloc[0]):
        return None
    return int(df["openstaand"].iloc[0])


def openstaand_tekst(n: int | None, inst: Instellingen | None = None) -> str | None:
    """The text beside a figure: '3 nog binnen termijn (niet in de noemer)'; '<5 …' when
    suppressed (`inst`), '0 …' when none; None when unknown (show nothing). Use
    OPENSTAAND_UITLEG as its help text."""
    if n is None:
        return None
    tekst = opmaak.getal(n) if inst is None else telling_tekst(n, inst)
    return f"{tekst} nog binnen termijn (niet in de noemer)"


# ------------------------------------------------------------------ Housing First stoplicht


def stoplicht_gegevens(b: gegevens.Bron, regio: str) -> pd.DataFrame:
    """marts.hf_stoplicht of the region on its latest peildatum, longest running first;
    laatste_stoplicht 'geen' when a trajectory has no voortgang yet, `lang` = running longer
    than the maximum (langer_dan_104_weken)."""
    return gegevens.lees(
        b,
        f"""
        SELECT * EXCLUDE (laatste_stoplicht),
               coalesce(nullif(laatste_stoplicht, ''), 'geen') AS laatste_stoplicht,
               coalesce(langer_dan_104_weken, false) AS lang
        FROM {STOPLICHT_TABEL}
        WHERE regio = ? AND peildatum = (SELECT max(peildatum) FROM {STOPLICHT_TABEL} WHERE regio = ?)
        ORDER BY weken_lopend DESC, traject_start, aanbieder_code, persoon_key
        """,
        regio,
        regio,
    )


def stoplicht_telling(df: pd.DataFrame) -> pd.DataFrame:
    """Active trajectories per latest light, every light (also 0), in traffic-light order."""
    n = df["laatste_stoplicht"].value_counts()
    volgorde = list(STOPLICHTEN) + sorted(set(n.index) - set(STOPLICHTEN))
    return pd.DataFrame(
        {
            "Stoplicht": [STOPLICHTEN.get(s, s) for s in volgorde],
            "Trajecten": [int(n.get(s, 0)) for s in volgorde],
        }
    )


def trajectlijst(df: pd.DataFrame, namen: dict[str, str]) -> pd.DataFrame:
    """Trajectories as listed for the analyst (dates as dates, for download)."""
    return pd.DataFrame(
        {
            "Pseudoniem": df["persoon_key"].astype(str),
            "Aanbieder": [namen.get(a, a) for a in df["aanbieder_code"]],
            "Start traject": [_datum(d) for d in df["traject_start"]],
            "Weken lopend": [None if _leeg(w) else int(w) for w in df["weken_lopend"]],
            "Laatste stoplicht": [STOPLICHTEN.get(s, s) for s in df["laatste_stoplicht"]],
            "Datum laatste stoplicht": [_datum(d) for d in df["laatste_stoplicht_datum"]],
            LANG_KOLOM: [opmaak.ja_nee(x) for x in df["lang"]],
        }
    )


def max_weken(df: pd.DataFrame) -> float:
    """The region's maximum duration in weeks (maximum_dagen of the mart, else 104)."""
    dagen = df["maximum_dagen"].dropna() if "maximum_dagen" in df else pd.Series(dtype=float)
    return (float(dagen.iloc[0]) if not dagen.empty else MAX_DAGEN) / 7


def _getoond(lijst: pd.DataFrame) -> pd.DataFrame:
    """A list for the screen: dates in Dutch, numbers with decimal comma."""
    uit = lijst.copy()
    for kolom in uit.columns:
        if uit[kolom].map(lambda x: isinstance(x, date)).any():
            uit[kolom] = [opmaak.datum(x) for x in uit[kolom]]
        elif pd.api.types.is_numeric_dtype(uit[kolom]):
            uit[kolom] = [opmaak.getal(x) for x in uit[kolom]]
    return uit


def toon_stoplicht_lijst(b: gegevens.Bron, keuze: Keuze, inst: Instellingen | None = None) -> None:
    """The Housing First stoplicht on the region's peildatum: active trajectories per latest
    light, a warning for trajectories past the maximum (104 weeks), and (exact figures only)
    the red trajectories and the ones past the maximum as lists with downloads."""

    inst = _inst(inst)
    if not _aanwezig(b, STOPLICHT_TABEL):
        st.info("De stoplichtgegevens (marts.hf_stoplicht) staan nog niet in de gepubliceerde gegevens.")
        return
    df = stoplicht_gegevens(b, keuze.regio)
    if df.empty:
        st.info("Geen lopende Housing First-trajecten met stoplichtgegevens voor deze regio.")
        return
    peildatum = df["peildatum"].iloc[0]
    st.caption(
        f"Stand op de peildatum van de regio, {opmaak.datum(peildatum)} (los van de gekozen periode): "
        "het laatste stoplicht uit de voortgangsbeoordeling van elk lopend traject."
    )
    telling = onderdrukking.onderdruk_tabel(stoplicht_telling(df), ["Trajecten"], inst, totaalrij=True)
    for kolom, (_, rij) in zip(st.columns(len(telling)), telling.iterrows()):
        kolom.metric(str(rij["Stoplicht"]), str(rij["Trajecten"]))
    export.downloadknoppen(telling, f"stoplicht housing first {opmaak.datum(peildatum)}", "stoplicht_telling")

    maximum = f"{opmaak.getal(max_weken(df))} weken"
    lang = df[df["lang"]]
    if not lang.empty:
        st.warning(
            f"Lopende trajecten langer dan de maximale duur van Housing First ({maximum}): "
            f"{telling_tekst(len(lang), inst)}."
        )
    namen = aanbiedernamen(b)
    rood = df[df["laatste_stoplicht"] == "rood"]
    st.markdown("**Trajecten met een rood stoplicht**")
    if inst.aan:
        st.info(ALLEEN_EXACT)
        return
    if rood.empty:
        st.info("Geen lopende trajecten met een rood laatste stoplicht.")
    else:
        st.caption(
            f"Per traject de pseudonieme persoonssleutel; '{opmaak.ja_nee(True)}' in de kolom "
            f"'{LANG_KOLOM}' = langer dan {maximum} lopend. Langst lopende eerst."
        )
        lijst = trajectlijst(rood, namen)
        st.dataframe(_getoond(lijst), hide_index=True, key="stoplicht_rood")
        export.downloadknoppen(lijst, f"rode trajecten housing first {opmaak.datum(peildatum)}", "stoplicht_rood")
    if not lang.empty:
        with st.expander(f"Trajecten langer dan {maximum} ({len(lang)})"):
            lijst = trajectlijst(lang, namen)
            st.dataframe(_getoond(lijst), hide_index=True, key="stoplicht_lang")
            export.downloadknoppen(
                lijst, f"housing first langer dan {maximum} {opmaak.datum(peildatum)}", "stoplicht_lang"
            )


# ------------------------------------------------------------------ Amersfoort MO.1


def mo1_gegevens(b: gegevens.Bron, keuze: Keuze) -> pd.DataFrame:
    """marts.mo1_personen of the chosen region and period."""
    return gegevens.lees(
        b,
        f"""
        SELECT onderdeel, locatie, persoon_key, gemeente_herkomst, startdatum, einddatum,
               maanden_verblijf, verblijfsduur, uitstroomperspectief
        FROM {MO1_TABEL}
        WHERE regio = ? AND periode_type = ? AND periode_start = ?
        ORDER BY onderdeel, locatie, startdatum, persoon_key
        """,
        keuze.regio,
        keuze.periode_type,
        keuze.periode_start,
    )


def _waarde_label(uitsplitsing: str, gemeenten: dict[str, str]):
    if uitsplitsing == "gemeente_herkomst":
        return lambda w: "Onbekend" if _leeg(w) else gemeenten.get(w, w)
    return tekst_of_onbekend


def mo1_kruistabel(df: pd.DataFrame, uitsplitsing: str, gemeenten: dict[str, str]) -> pd.DataFrame:
    """Persons per onderdeel and locatie (rows), by the values of `uitsplitsing` (columns),
    plus 'Totaal personen'. A person counts once per cell and once per row."""
    d = df.assign(
        Onderdeel=[tekst_of_onbekend(o) for o in df["onderdeel"]],
        Locatie=[tekst_of_onbekend(x) for x in df["locatie"]],
    )
    d["waarde"] = [_waarde_label(uitsplitsing, gemeenten)(w) for w in d[uitsplitsing]]
    if uitsplitsing == "verblijfsduur":  # by the classes' months, not alphabetically
        eerste = d.groupby("waarde")["maanden_verblijf"].min()
        kolommen = sorted(eerste.index, key=lambda w: (w == "Onbekend", eerste[w], w))
    else:
        kolommen = sorted(set(d["waarde"]), key=lambda w: (w == "Onbekend", w.lower()))
    tabel = d.pivot_table(
        index=["Onderdeel", "Locatie"], columns="waarde", values="persoon_key", aggfunc="nunique", fill_value=0
    )
    tabel = tabel.reindex(columns=kolommen, fill_value=0).astype(int)
    tabel["Totaal personen"] = d.groupby(["Onderdeel", "Locatie"])["persoon_key"].nunique()
    tabel.columns.name = None
    return tabel.reset_index()


def mo1_personenlijst(df: pd.DataFrame, gemeenten: dict[str, str]) -> pd.DataFrame:
    """The person-level list for the accounthouder: Dutch headers, gemeente names, dates as
    dates."""
    return pd.DataFrame(
        {
            "Pseudoniem": df["persoon_key"].astype(str),
            "Onderdeel": [tekst_of_onbekend(o) for o in df["onderdeel"]],
            "Locatie": [tekst_of_onbekend(x) for x in df["locatie"]],
            "Gemeente van herkomst": [_waarde_label("gemeente_herkomst", gemeenten)(g) for g in df["gemeente_herkomst"]],
            "Startdatum": [_datum(d) for d in df["startdatum"]],
            "Einddatum": [_datum(d) for d in df["einddatum"]],
            "Maanden verblijf": [None if _leeg(m) else float(m) for m in df["maanden_verblijf"]],
            "Uitstroomperspectief": [tekst_of_onbekend(u) for u in df["uitstroomperspectief"]],
        },
        columns=list(MO1_KOLOMMEN.values()),
    )


def mo1_excel(lijst: pd.DataFrame, blad: str, toelichting: list[tuple[str, str]]) -> bytes:
    """The person list as an .xlsx (export.excel_bytes: bold Dutch header row, dates as
    Excel dates): sheet `blad`, then a sheet 'Toelichting' with (onderwerp, tekst) rows."""
    return export.excel_bytes({blad: lijst, "Toelichting": pd.DataFrame(toelichting, columns=["Onderwerp", "Toelichting"])})


def toon_mo1(b: gegevens.Bron, keuze: Keuze, inst: Instellingen) -> None:
    """MO.1 for the chosen period: persons per onderdeel and locatie by a chosen breakdown
    (suppressed), and with exact figures the person-level list with its Excel download."""

    periode = staat.periode_label(b, keuze)
    if not _aanwezig(b, MO1_TABEL):
        st.info("De kwartaalrapportage (marts.mo1_personen) staat nog niet in de gepubliceerde gegevens.")
        return
    df = mo1_gegevens(b, keuze)
    if df.empty:
        st.info(f"Geen personen in de maatschappelijke opvang in {periode}.")
        return
    gemeenten = gegevens.gemeentenamen(b)
    gemeente = staat.gemeente_filter()
    if gemeente:
        df = df[df["gemeente_herkomst"] == gemeente]
        st.caption(f"Alleen personen met gemeente van herkomst {gemeenten.get(gemeente, gemeente)} (filter van de kaart).")
        if df.empty:
            st.info(f"Geen personen uit {gemeenten.get(gemeente, gemeente)} in {periode}.")
            return
    uitsplitsing = st.selectbox(
        "Uitsplitsen naar", list(MO1_UITSPLITSINGEN), format_func=MO1_UITSPLITSINGEN.get, key="mo1_uitsplitsing"
    )
    tabel = mo1_kruistabel(df, uitsplitsing, gemeenten)
    kolommen = [k for k in tabel.columns if k not in ("Onderdeel", "Locatie", "Totaal personen")]
    getoond = onderdrukking.onderdruk_kruistabel(tabel, kolommen, "Totaal personen", inst)
    st.caption(
        f"Personen die in {periode} in een onderdeel verbleven, per onderdeel en locatie, naar "
        f"{MO1_UITSPLITSINGEN[uitsplitsing].lower()}; een persoon telt één keer per cel. "
        "Maanden verblijf op de laatste dag van de periode of bij vertrek."
    )
    st.dataframe(getoond, hide_index=True, key="mo1_tabel")
    export.downloadknoppen(getoond, f"MO.1 {periode} naar {MO1_UITSPLITSINGEN[uitsplitsing].lower()}", "mo1_tabel")

    st.markdown("**Personenlijst voor de accounthouder**")
    if inst.aan:
        st.info(ALLEEN_EXACT)
        return
    lijst = mo1_personenlijst(df, gemeenten)
    st.dataframe(_getoond(lijst), hide_index=True, key="mo1_personen")
    excel = mo1_excel(
        lijst,
        f"Personen {periode}",
        [
            ("Rapportage", "Kwartaalrapportage maatschappelijke opvang (MO.1)"),
            ("Regio", staat.regionaam(b, keuze.regio)),
            ("Periode", f"{periode}: {opmaak.periode(keuze.periode_start, keuze.periode_eind)}"),
            ("Gepubliceerd op", opmaak.tijdstip(gegevens.publicatie(b))),
            ("Pseudoniem", "Gepseudonimiseerde persoonssleutel; niet te herleiden zonder de sleutel van de monitor."),
            ("Maanden verblijf", "Op de laatste dag van de periode, of op de einddatum bij eerder vertrek."),
        ],
    )
    st.download_button(
        "Download personenlijst (Excel)",
        excel,
        file_name=export.bestandsnaam(f"MO.1 personenlijst {keuze.regio} {periode}", "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="mo1_excel",
        on_click="ignore",
    )


# ------------------------------------------------------------------ Amersfoort MO.6


def mo6_rijen(b: gegevens.Bron, keuze: Keuze) -> pd.DataFrame:
    """The MO.6 month rows (dimensie 'maand') of the chosen period, oldest first."""
    return gegevens.lees(
        b,
        """
        SELECT indicator, variant, periode_type, periode_start, periode_eind, dimensie, dimensie_waarde,
               teller, noemer, waarde, eenheid, norm, status
        FROM marts.indicatoren
        WHERE regio = ? AND indicator = 'MO.6' AND periode_type = ? AND periode_start = ?
          AND dimensie IN ('', 'maand')
        ORDER BY dimensie, dimensie_waarde
        """,
        keuze.regio,
        keuze.periode_type,
        keuze.periode_start,
    )


def nachtopvang_figuur(maanden: pd.DataFrame, titel: str) -> go.Figure:
    """Bars: mean occupied places per month (waarde_grafiek); line: the contracted places."""
    x = [maand_label(m) for m in maanden["dimensie_waarde"]]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=x, y=list(maanden["waarde_grafiek"]), name="Gemiddeld bezette plekken"))
    fig.add_trace(
        go.Scatter(x=x, y=list(maanden["norm"]), mode="lines+markers", name="Gecontracteerde plekken", line_shape="hvh")
    )
    fig.update_layout(
        title=titel,
        xaxis_title="Maand",
        yaxis_title="Plekken",
        xaxis_type="category",
        legend_title_text="",
        separators=",.",
        yaxis_rangemode="tozero",
    )
    return fig


def toon_nachtopvang_prestatie(b: gegevens.Bron, keuze: Keuze, inst: Instellingen) -> None:
    """MO.6 per month of the chosen period: bars of mean occupied nachtopvang places with
    the contracted number as a line, and the table behind it."""

    periode = staat.periode_label(b, keuze)
    rijen = mo6_rijen(b, keuze) if gegevens.heeft_indicatoren(b) else pd.DataFrame()
    if rijen.empty:
        st.info(f"Geen cijfers voor de nachtopvang (MO.6) in {periode}.")
        return
    rijen = onderdrukking.onderdruk(rijen.assign(regio=keuze.regio), inst)
    maanden = rijen[rijen["dimensie"] == "maand"].sort_values("dimensie_waarde")
    fig = nachtopvang_figuur(maanden, f"Bezette plekken nachtopvang per maand, {periode}")
    st.plotly_chart(fig, key="mo6_figuur")
    st.caption(
        "Per maand het gemiddeld aantal bezette plekken in de nachtopvang (bezette persoonsdagen gedeeld "
        "door de dagen van de maand), tegen het gecontracteerde aantal plekken van die maand."
    )
    totaal = rijen[rijen["dimensie"] == ""]
    if not totaal.empty:
        t = totaal.iloc[0]
        norm = "" if _leeg(t["norm"]) else f" (gecontracteerd gemiddeld {opmaak.getal(t['norm'], 1)})"
        st.caption(f"Gemiddeld over {periode}: {t['waarde_tekst']} bezette plekken{norm}.")
    tabel = pd.DataFrame(
        {
            "Maand": [maand_label(m) for m in maanden["dimensie_waarde"]],
            "Gemiddeld bezette plekken": list(maanden["waarde_tekst"]),
            "Gecontracteerde plekken": [opmaak.getal(n) for n in maanden["norm"]],
            "Status": [opmaak.LEEG if _leeg(s) or _leeg(g) else s for s, g in zip(maanden["status"], maanden["waarde_grafiek"])],
            "Bezette persoonsdagen": [  # a whole number of days, unless hidden with the mean
                t if t == onderdrukking.VERBORGEN else opmaak.getal(n) for t, n in zip(maanden["teller_tekst"], maanden["teller"])
            ],
            "Dagen": list(maanden["noemer_tekst"]),
        }
    )
    st.dataframe(tabel, hide_index=True, key="mo6_tabel")
    export.downloadknoppen(tabel, f"MO.6 nachtopvang {periode}", "mo6_tabel")
