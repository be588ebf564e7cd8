{{ indicator_rijen(ref('fct_c1_meldingen_ontvangen'), 'C.1.6', ['aard'], filter="soort = 'bezwaar'") }}
