-- MO.4: % of the stays in A or B ending in P that ended before start + 3 months.
{{ indicator_rijen(ref('fct_mo_4_doorstroom'), 'MO.4', ['onderdeel', 'gemeente_herkomst', 'leeftijdsgroep', 'geslacht'],
    maat='percentage', meetwaarde='binnen_drie_maanden', eenheid='percentage') }}
