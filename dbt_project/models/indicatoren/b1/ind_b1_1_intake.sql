{{ indicator_rijen(ref('fct_b1_1_intake'), 'B.1.1', dimensies_b1(),
    maat='percentage', meetwaarde='op_tijd', eenheid='percentage') }}
