"""About the monitor: what it shows and where the figures come from."""

import streamlit as st

import gegevens
import onderdelen

st.title("Over de Opvangmonitor")
st.markdown(
    """
De Opvangmonitor toont per regio de indicatoren uit de subsidie- en inkoopafspraken voor
maatschappelijke opvang, berekend uit de aanleveringen van de aanbieders.

- **Bron**: de laatste levering van elke aanbieder in de regio. De **peildatum** van de regio is
  de vroegste peildatum van die leveringen; tot die datum zijn de gegevens van alle aanbieders compleet.
- **Personen** worden geteld met een pseudoniem; een persoon die bij twee aanbieders van dezelfde
  regio bekend is, telt één keer. Het dashboard bevat geen direct herleidbare gegevens.
- **Periodes**: kwartaal, halfjaar (H1 = 1 januari t/m 30 juni) en jaar. Periodes die na de peildatum
  eindigen, zijn berekend op de gegevens zoals ze er zijn.
- **Decentrale opvang** (D.1): unieke cliënten met een periode *Opvang lokaal* in de periode, instroom
  (episodes die begonnen) en uitstroom (episodes die eindigden). Wie binnen 6 maanden terugkeert, is
  niet uitgestroomd; uitstroom is *voorlopig* zolang einde + 6 maanden na de peildatum ligt.
"""
)
b = gegevens.bron()
if b is None or not gegevens.heeft_indicatoren(b):
    st.info(onderdelen.GEEN_GEGEVENS)
else:
    onderdelen.voettekst(b)
