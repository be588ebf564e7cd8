{{ indicator_rijen(ref('fct_d2_4_inzet'), 'D.2.4', [], maat='som', meetwaarde='uren', eenheid='uren') }}
