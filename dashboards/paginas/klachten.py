"""Klachten en bezwaren (C.1), Bijlage IV."""

import familie

b, keuze, rijen, inst = familie.begin("Klachten en bezwaren", ("C.",))
familie.toon(b, keuze, rijen, sleutel="klachten")
familie.einde(b, keuze)
