-- MO.2: % of the aanmeldingen in P (pending ones left out) screened on the day or the day after.
{{ indicator_rijen(ref('fct_mo_2_screening'), 'MO.2', ['gemeente_herkomst', 'leeftijdsgroep', 'geslacht'],
    maat='percentage', meetwaarde='op_tijd', eenheid='percentage', filter='not openstaand') }}
