"""Opvangmonitor dashboard: `streamlit run dashboards/app.py` (or `opvangmonitor dashboard`).

Reads only the published read-only DuckDB file (see gegevens.py); the Definities page
also reads the definition files in data/definities/. The pages live in paginas/, not in
pages/: Streamlit would otherwise also register that folder as its own, untitled
navigation, which appears when a page is opened by its URL. The chosen region and period
live in the URL (staat.py) and hold across pages.
"""

import streamlit as st

import staat

st.set_page_config(page_title="Opvangmonitor", layout="wide")

pagina = st.navigation(
    {
        "Monitor": [st.Page("paginas/overzicht.py", title="Overzicht", default=True)],
        "Bijlage IV": [
            st.Page("paginas/zrm.py", title="Zelfredzaamheid (ZRM)"),
            st.Page("paginas/tijdigheid.py", title="Tijdigheid"),
            st.Page("paginas/klachten.py", title="Klachten en bezwaren"),
            st.Page("paginas/decentrale_opvang.py", title="Decentrale opvang"),
            st.Page("paginas/briefadressen.py", title="Briefadressen"),
            st.Page("paginas/kosten.py", title="Kosten"),
            st.Page("paginas/bezetting.py", title="Bezetting"),
        ],
        "Valleiregio": [
            st.Page("paginas/housing_first.py", title="Housing First"),
            st.Page("paginas/gezinsopvang.py", title="Gezinsopvang"),
        ],
        "Amersfoort": [st.Page("paginas/maatschappelijke_opvang.py", title="Maatschappelijke opvang")],
        "Algemeen": [
            st.Page("paginas/kaart.py", title="Kaart"),
            st.Page("paginas/rapportage.py", title="Rapportage Bijlage IV"),
            st.Page("paginas/datakwaliteit.py", title="Datakwaliteit"),
            st.Page("paginas/definities.py", title="Definities"),
            st.Page("paginas/over.py", title="Over de monitor"),
        ],
    },
    expanded=True,  # all pages in view: no "View more" behind which half the monitor hides
)
staat.behoud_in_url()
pagina.run()
