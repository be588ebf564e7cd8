-- BZ.2 variants: gemiddelde / mediaan (days) of the stays ending in P; lopend (count of the
-- stays running on min(p_end, peildatum)) and boven_maximum (how many of those exceed the
-- region's maximum stay for their woonvorm). Dimension soort (= woonvorm).
{{ indicator_rijen(ref('fct_bz_2_verblijfsduur'), 'BZ.2', ['soort'],
    maat='gemiddelde', meetwaarde='verblijfsdagen', eenheid='dagen', variant='gemiddelde') }}
union all
{{ indicator_rijen(ref('fct_bz_2_verblijfsduur'), 'BZ.2', ['soort'],
    maat='mediaan', meetwaarde='verblijfsdagen', eenheid='dagen', variant='mediaan') }}
union all
{{ indicator_rijen(ref('fct_bz_2_lopend'), 'BZ.2', ['soort'], variant='lopend') }}
union all
{{ indicator_rijen(ref('fct_bz_2_lopend'), 'BZ.2', ['soort'], variant='boven_maximum', filter='boven_maximum') }}
