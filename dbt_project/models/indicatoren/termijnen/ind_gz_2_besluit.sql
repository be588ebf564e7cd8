{{ termijn_indicator_rijen(ref('fct_gz_2_besluit'), 'GZ.2') }}
