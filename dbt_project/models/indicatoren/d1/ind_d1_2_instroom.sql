{{ indicator_rijen(ref('fct_d1_2_instroom'), 'D.1.2', dimensies_d1()) }}
