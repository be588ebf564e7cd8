-- HF.2: % of the trajectories whose 12 months ended in P (and by the peildatum) that
-- improved on at least two leefgebieden; pending trajectories (openstaand) are left out.
{{ indicator_rijen(ref('fct_hf_2_verbetering'), 'HF.2', dimensies_traject(),
    maat='percentage', meetwaarde='verbeterd', eenheid='percentage', filter='not f.openstaand') }}
