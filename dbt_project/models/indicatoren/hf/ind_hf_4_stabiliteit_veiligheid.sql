-- HF.4: % of the answered rows (both questions) with both `ja`.
{{ indicator_rijen(ref('fct_hf_4_stabiliteit_veiligheid'), 'HF.4', dimensies_traject(),
    maat='percentage', meetwaarde='stabiel_en_veilig', eenheid='percentage', filter='f.beantwoord') }}
