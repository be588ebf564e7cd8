{{ termijn_indicator_rijen(ref('fct_mo_3_triage'), 'MO.3', extra_dimensies=['onderdeel']) }}
