"""Opvangmonitor dashboard: `streamlit run dashboards/app.py` (or `opvangmonitor dashboard`).

Reads only the published read-only DuckDB file (see gegevens.py); the Definities page
also reads the definition files in data/definities/. The pages live in paginas/, not in
pages/: Streamlit would otherwise also register that folder as its own, untitled
navigation, which appears when a page is opened by its URL.
"""

import streamlit as st

st.set_page_config(page_title="Opvangmonitor", layout="wide")

pagina = st.navigation(
    [
        st.Page("paginas/decentrale_opvang.py", title="Decentrale opvang", default=True),
        st.Page("paginas/datakwaliteit.py", title="Datakwaliteit"),
        st.Page("paginas/definities.py", title="Definities"),
        st.Page("paginas/over.py", title="Over de monitor"),
    ]
)
pagina.run()
