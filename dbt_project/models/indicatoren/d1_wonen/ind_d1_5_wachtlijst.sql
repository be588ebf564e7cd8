{{ indicator_rijen(ref('fct_d1_5_wachtlijst'), 'D.1.5', []) }}
