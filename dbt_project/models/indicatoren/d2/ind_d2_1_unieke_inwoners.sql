{{ indicator_rijen(ref('fct_d2_1_unieke_inwoners'), 'D.2.1', dimensies_d2()) }}
