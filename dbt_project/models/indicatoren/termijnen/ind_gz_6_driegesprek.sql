{{ termijn_indicator_rijen(ref('fct_gz_6_driegesprek'), 'GZ.6') }}
