"""Housing First (HF.1–HF.6), Valleiregio: the result indicators and the stoplicht list."""

import streamlit as st

import contracten
import familie

b, keuze, rijen, inst = familie.begin("Housing First", ("HF.",))
familie.toon(b, keuze, rijen, sleutel="hf")
st.subheader("Stoplicht per lopend traject")
contracten.toon_stoplicht_lijst(b, keuze, inst)
familie.einde(b, keuze)
