{{ indicator_rijen(ref('fct_d1_4_woningaanvragen'), 'D.1.4', ['soort'],
    maat='gemiddelde', meetwaarde='dagen', eenheid='dagen', variant='gemiddelde') }}
union all
{{ indicator_rijen(ref('fct_d1_4_woningaanvragen'), 'D.1.4', ['soort'],
    maat='mediaan', meetwaarde='dagen', eenheid='dagen', variant='mediaan') }}
