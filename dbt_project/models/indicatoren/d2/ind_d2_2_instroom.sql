{{ indicator_rijen(ref('fct_d2_2_instroom'), 'D.2.2', dimensies_d2()) }}
