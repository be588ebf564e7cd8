{{ indicator_rijen(ref('fct_d1_3_uitstroom'), 'D.1.3',
    dimensies_d1() + ['uitstroom_gemeente', 'uitstroom_woonvorm', 'uitstroom_ggd', 'status']) }}
