{{ indicator_rijen(ref('fct_d2_3_uitstroom'), 'D.2.3', dimensies_d2()) }}
