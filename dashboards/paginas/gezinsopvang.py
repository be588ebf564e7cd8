"""Opvang gezinnen (GZ.1–GZ.6), Valleiregio, and the occupancy and stays of the
Gezinsopvangwoning (BZ.1/BZ.2, dimension value 'Gezinsopvangwoning')."""

import streamlit as st

import familie

b, keuze, rijen, inst = familie.begin("Gezinsopvang", ("GZ.",))
familie.toon(b, keuze, rijen, sleutel="gz")
bz = familie.rijen_onderdrukt(b, keuze, ("BZ.1", "BZ.2"), inst)
st.subheader("Bezetting en verblijfsduur Gezinsopvangwoning")
familie.toon_dimensiewaarde(bz, keuze, "Gezinsopvangwoning", "gz_bz")
familie.einde(b, keuze)
