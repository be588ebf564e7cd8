"""Opening the dashboard in Streamlit's AppTest for the page tests: the app with its
navigation, the URL's query parameters, then one page; no exception allowed."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from opvangmonitor.paden import DASHBOARD_APP


def open_app(pagina: str | None = None, **query: str) -> AppTest:
    """The app run with `query` as the URL's parameters (regio=…, periode=…), switched
    to paginas/<pagina>.py (None: the default page, Overzicht). Fails on any exception."""
    at = AppTest.from_file(str(DASHBOARD_APP), default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    if pagina:
        at.switch_page(f"paginas/{pagina}.py").run()
        assert not at.exception, (pagina, at.exception)
    return at
