{{ indicator_rijen(ref('fct_hf_1_woningbehoud'), 'HF.1', dimensies_termijnen(),
    maat='percentage', meetwaarde='woning_behouden', eenheid='percentage') }}
