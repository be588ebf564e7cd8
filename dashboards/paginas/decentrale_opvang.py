"""Decentrale opvang (D.1), Bijlage IV: unieke cliënten, instroom, uitstroom, wachttijd en woningaanvragen."""

import familie

b, keuze, rijen, inst = familie.begin("Decentrale opvang", ("D.1.",))
familie.toon(b, keuze, rijen, sleutel="decentrale_opvang")
familie.einde(b, keuze)
