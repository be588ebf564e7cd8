-- MO.6: mean occupied Nachtopvang places (teller = person-days, noemer = days, waarde =
-- mean places, eenheid aantal) per period and per month (dimension maand), against the
-- contracted places: norm = the mean of the contracted places over the same days, so a
-- month's norm is that month's places and a period's norm their day-weighted mean. Both
-- are indicator_rijen(maat='gemiddelde') over the same fact rows. Without a
-- nachtopvang_contract the norm of config.regio_normen (MO.6) applies, if any.
with bezet as (
    {{ indicator_rijen(ref('fct_mo_6_nachtopvang'), 'MO.6', ['maand'],
        maat='gemiddelde', meetwaarde='bezette_plekken', eenheid='aantal') }}
),
contract as (
    {{ indicator_rijen(ref('fct_mo_6_nachtopvang'), 'MO.6', ['maand'],
        maat='gemiddelde', meetwaarde='contract_plekken', eenheid='aantal') }}
),
genormeerd as (
    select
        b.* exclude (norm, status),
        coalesce(c.waarde, b.norm) as norm
    from bezet as b
    left join contract as c
        on c.regio = b.regio
       and c.periode_type = b.periode_type
       and c.periode_start = b.periode_start
       and c.dimensie = b.dimensie
       and c.dimensie_waarde = b.dimensie_waarde
)
select
    *,
    {{ status_tegen_norm('waarde', 'norm') }} as status
from genormeerd
