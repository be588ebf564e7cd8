{{ indicator_rijen(ref('fct_c1_meldingen_ontvangen'), 'C.1.1', [], filter="soort = 'klacht'") }}
