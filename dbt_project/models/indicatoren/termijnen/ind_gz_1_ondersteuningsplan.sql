{{ termijn_indicator_rijen(ref('fct_gz_1_ondersteuningsplan'), 'GZ.1') }}
