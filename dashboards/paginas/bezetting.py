"""Bezetting (BZ.1) en verblijfsduur (BZ.2) per locatie en soort, voor elke regio."""

import familie

b, keuze, rijen, inst = familie.begin("Bezetting en verblijfsduur", ("BZ.",))
familie.toon(b, keuze, rijen, sleutel="bezetting")
familie.einde(b, keuze)
