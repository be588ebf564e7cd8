-- HF.6 Stoplicht (indicatoren.md §3): per region and period one row per Housing First
-- trajectory active on peilmoment d = min(p_end, the region's peildatum) (§0: a
-- point-in-time figure), with its latest voortgang dated on or before d (same provider
-- and traject_id; tie on the date: the most severe light, rood before oranje before
-- groen). laatste_stoplicht is NULL without such a row; the dimension value stoplicht is
-- then `geen beoordeling`. Also the source of marts.hf_stoplicht (the quarter holding the
-- peildatum).
with perioden as (
    select
        *,
        least(periode_eind, regio_peildatum) as peilmoment
    from {{ ref('dim_periode') }}
),
actief as (
    {{ per_periode(ref('int_hf_gz_trajecten'),
        "r.doelgroep = 'Housing First' and " ~ actief_in('r.startdatum', 'r.einddatum', 'p.peilmoment', 'p.peilmoment'),
        perioden='perioden') }}
),
laatste as (
    select
        a.regio,
        a.periode_type,
        a.periode_start,
        a.aanbieder_code,
        a.traject_id,
        v.stoplicht,
        v.datum
    from actief as a
    inner join {{ ref('stg_voortgang') }} as v
        on v.aanbieder_code = a.aanbieder_code
       and v.traject_id = a.traject_id
       and v.datum <= a.peilmoment
    qualify row_number() over (
        partition by a.regio, a.periode_type, a.periode_start, a.aanbieder_code, a.traject_id
        order by v.datum desc,
                 case v.stoplicht when 'rood' then 1 when 'oranje' then 2 when 'groen' then 3 else 4 end,
                 v.levering_id desc, v.regel desc
    ) = 1
)
select
    a.*,
    l.stoplicht as laatste_stoplicht,
    l.datum as laatste_stoplicht_datum,
    coalesce(l.stoplicht, 'geen beoordeling') as stoplicht
from actief as a
left join laatste as l
    on l.regio = a.regio
   and l.periode_type = a.periode_type
   and l.periode_start = a.periode_start
   and l.aanbieder_code = a.aanbieder_code
   and l.traject_id = a.traject_id
