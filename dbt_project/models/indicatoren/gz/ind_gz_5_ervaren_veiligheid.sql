-- GZ.5: % of the answered rows with ervaren_veiligheid `ja`.
{{ indicator_rijen(ref('fct_gz_5_ervaren_veiligheid'), 'GZ.5', dimensies_traject(),
    maat='percentage', meetwaarde='veilig', eenheid='percentage', filter='f.beantwoord') }}
