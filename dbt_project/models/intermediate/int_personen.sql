-- One row per person (persoon_key) with the attributes used for dimensions. When the
-- client records of several providers disagree: geboortedatum comes from the leading
-- record (the one from the delivery with the latest peildatum, then the latest
-- aanmaakdatum, then the first aanbieder_code); geslacht likewise, except that a known
-- value (not Onbekend) of another record wins over an unknown one of the leading record.
with gerangschikt as (
    select
        *,
        row_number() over (
            partition by persoon_key
            order by levering_peildatum desc, aanmaakdatum desc, aanbieder_code, client_pseudoniem
        ) as rang
    from {{ ref('int_clienten') }}
)
select
    persoon_key,
    arg_min(geboortedatum, rang) as geboortedatum,
    coalesce(
        arg_min(geslacht, rang) filter (where geslacht is not null and geslacht <> 'Onbekend'),
        arg_min(geslacht, rang)
    ) as geslacht,
    min(aanmaakdatum) as eerste_aanmaakdatum,
    count(*) as aantal_clientrecords,
    count(distinct geboortedatum) > 1 as geboortedatum_wijkt_af,
    count(distinct geslacht) > 1 as geslacht_wijkt_af
from gerangschikt
group by persoon_key
