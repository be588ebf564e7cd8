{{ indicator_rijen(ref('fct_d1_1_unieke_clienten'), 'D.1.1', dimensies_d1()) }}
