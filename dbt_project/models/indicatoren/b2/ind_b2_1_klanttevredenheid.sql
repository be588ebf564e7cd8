-- B.2.1: variant gemiddelde (mean score; norm = the region's B.2.1 norm, default
-- var('klanttevredenheid_norm', 7), status on the mean) and variant binnen_norm (% of
-- scores >= that norm; no norm of its own).
{{ rijen_met_standaardnorm(
    indicator_rijen(ref('fct_b2_1_klanttevredenheid'), 'B.2.1', [],
        maat='gemiddelde', meetwaarde='score', eenheid='score', variant='gemiddelde'),
    var('klanttevredenheid_norm', 7)) }}
union all
{{ rijen_zonder_norm(
    indicator_rijen(ref('fct_b2_1_klanttevredenheid'), 'B.2.1', [],
        maat='percentage', meetwaarde='binnen_norm', eenheid='percentage', variant='binnen_norm')) }}
