-- E.1.1 Kosten: per region and period, one row per kosten row of one of the region's
-- providers that feeds that period: periode H1 -> the halfjaar period starting 1 Jan of
-- jaar, H2 -> the halfjaar period starting 1 Jul, jaar -> the jaar period (a year is
-- never summed from H1 + H2: counter int_dq_kosten_jaar_ontbreekt). No row feeds a
-- kwartaal period. periode Onbekend feeds nothing (counter int_dq_kosten_periode_onbekend).
-- module_groep from the seed kosten_modulegroepen ('Onbekend' for a module outside it);
-- financiering_module_groep combines both dimensions ('<financiering> | <module_groep>').
with kosten as (
    select
        k.aanbieder_code,
        k.levering_id,
        k.regel,
        k.jaar,
        k.periode,
        case k.periode when 'jaar' then 'jaar' else 'halfjaar' end as periode_type,
        make_date(k.jaar, case k.periode when 'H2' then 7 else 1 end, 1) as periode_start,
        k.financiering,
        coalesce(k.module, 'Onbekend') as module,
        coalesce(g.module_groep, 'Onbekend') as module_groep,
        k.bedrag
    from {{ ref('stg_kosten') }} as k
    left join {{ ref('kosten_modulegroepen') }} as g
        on g.module = k.module
    where k.periode in ('H1', 'H2', 'jaar')
)
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    k.aanbieder_code,
    k.levering_id,
    k.regel,
    k.jaar,
    k.periode,
    k.financiering,
    k.module,
    k.module_groep,
    k.financiering || ' | ' || k.module_groep as financiering_module_groep,
    k.bedrag
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.regio = p.regio
inner join kosten as k
    on k.aanbieder_code = ra.aanbieder_code
   and k.periode_type = p.periode_type
   and k.periode_start = p.periode_start
