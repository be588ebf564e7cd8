{{ indicator_rijen(ref('fct_c1_meldingen_ontvangen'), 'C.1.5', [], filter="soort = 'bezwaar'") }}
