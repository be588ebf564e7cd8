{{ indicator_rijen(ref('fct_b1_2_eerste_actieplan'), 'B.1.2', dimensies_b1(),
    maat='percentage', meetwaarde='op_tijd', eenheid='percentage') }}
