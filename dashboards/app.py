"""Opvangmonitor dashboard: `streamlit run dashboards/app.py` (or `opvangmonitor dashboard`).

Reads only the published read-only DuckDB file (see gegevens.py).
"""

import streamlit as st

st.set_page_config(page_title="Opvangmonitor", layout="wide")

pagina = st.navigation(
    [
        st.Page("pages/decentrale_opvang.py", title="Decentrale opvang", default=True),
        st.Page("pages/datakwaliteit.py", title="Datakwaliteit"),
        st.Page("pages/definities.py", title="Definities"),
        st.Page("pages/over.py", title="Over de monitor"),
    ]
)
pagina.run()
