{{ indicator_rijen(ref('fct_c1_meldingen_ontvangen'), 'C.1.3', ['afhandeling'], filter="soort = 'klacht'") }}
