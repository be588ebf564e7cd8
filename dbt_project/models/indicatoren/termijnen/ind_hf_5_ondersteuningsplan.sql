{{ termijn_indicator_rijen(ref('fct_hf_5_ondersteuningsplan'), 'HF.5') }}
