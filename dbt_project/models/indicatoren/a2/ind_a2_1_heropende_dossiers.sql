{{ indicator_rijen(ref('fct_a2_1_heropende_dossiers'), 'A.2.1', [],
    maat='percentage', meetwaarde='heropend', eenheid='percentage') }}
