{{ indicator_rijen(ref('fct_c1_meldingen_ontvangen'), 'C.1.7', ['afhandeling'], filter="soort = 'bezwaar'") }}
