"""Tijdigheid (B.1: intake en eerste actieplan op tijd) en klanttevredenheid (B.2.1), Bijlage IV."""

import familie

b, keuze, rijen, inst = familie.begin("Tijdigheid en klanttevredenheid", ("B.",))
familie.toon(b, keuze, rijen, sleutel="tijdigheid")
familie.einde(b, keuze)
