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
- **Indicatoren**: Bijlage IV van de subsidie Opvang Rijnstreek (A t/m E), Housing First (HF) en
  opvang gezinnen (GZ) van de Valleiregio, de overeenkomst maatschappelijke opvang van Amersfoort (MO),
  en voor elke regio bezetting en verblijfsduur (BZ). Welke families een regio heeft en welke normen
  gelden, staat in het regiobestand. De pagina **Definities** geeft van elke indicator de precieze
  berekening en de gemaakte keuzes.
- **Nog binnen termijn**: een traject waarvan de termijn (bijvoorbeeld 6 weken voor het
  ondersteuningsplan) op de peildatum nog niet verstreken is, telt niet mee in de noemer; het aantal
  staat naast het cijfer.
- **Kleine aantallen**: aantallen van 1 t/m 4 staan als "<5", en cellen die zo'n aantal zouden
  verraden als "x"; percentages over minder dan 10 staan als "–".
- **Kaartgrenzen**: Centraal Bureau voor de Statistiek (CBS), CC BY 4.0.
"""
)
b = gegevens.bron()
if b is None or not gegevens.heeft_indicatoren(b):
    st.info(onderdelen.GEEN_GEGEVENS)
else:
    onderdelen.voettekst(b)
