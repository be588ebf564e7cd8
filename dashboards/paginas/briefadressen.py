"""Briefadressen (D.2), Bijlage IV."""

import familie

b, keuze, rijen, inst = familie.begin("Briefadressen", ("D.2.",))
familie.toon(b, keuze, rijen, sleutel="briefadressen")
familie.einde(b, keuze)
