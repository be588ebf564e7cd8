"""Kosten (E.1.1), Bijlage IV: de kosten per financiering en modulegroep."""

import familie

b, keuze, rijen, inst = familie.begin("Kosten", ("E.",))
familie.toon(b, keuze, rijen, sleutel="kosten")
familie.einde(b, keuze)
