"""Maatschappelijke opvang Amersfoort (MO.1–MO.6): the indicators, the quarterly report
MO.1 (table and person list) and the nachtopvang prestatielevering per month."""

import streamlit as st

import contracten
import familie

b, keuze, rijen, inst = familie.begin("Maatschappelijke opvang Amersfoort", ("MO.",))
familie.toon(b, keuze, rijen, sleutel="mo")
st.subheader("Kwartaalrapportage MO.1")
contracten.toon_mo1(b, keuze, inst)
st.subheader("Prestatielevering nachtopvang")
contracten.toon_nachtopvang_prestatie(b, keuze, inst)
familie.einde(b, keuze)
