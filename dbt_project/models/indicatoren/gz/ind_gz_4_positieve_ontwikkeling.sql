-- GZ.4: % of the trajectories whose 13 weeks ended in P (and by the peildatum) with a
-- higher Zelfredzamer score within those weeks; pending trajectories are left out.
{{ indicator_rijen(ref('fct_gz_4_ontwikkeling'), 'GZ.4', dimensies_traject(),
    maat='percentage', meetwaarde='positief', eenheid='percentage', filter='not f.openstaand') }}
