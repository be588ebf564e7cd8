{{ indicator_rijen(ref('fct_hf_1_woningbehoud'), 'HF.1', dimensies_traject(),
    maat='percentage', meetwaarde='woning_behouden', eenheid='percentage') }}
