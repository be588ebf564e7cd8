-- B.2.1 Klanttevredenheid: per region and period, one row per tevredenheid row (of one
-- of the region's providers) with meetdatum in P, also rows without a score (they count
-- in neither variant: the measure ignores NULL). norm_score = the region's norm for B.2.1
-- (config.regio_normen), else var('klanttevredenheid_norm', 7); binnen_norm = score >=
-- norm_score (NULL without a score).
with normen as (
    select regio, norm
    from {{ source('config', 'regio_normen') }}
    where indicator = 'B.2.1'
)
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    t.aanbieder_code,
    t.levering_id,
    t.regel,
    t.client_pseudoniem,
    t.meetdatum,
    t.score,
    coalesce(n.norm, cast({{ var('klanttevredenheid_norm', 7) }} as double)) as norm_score,
    t.score >= coalesce(n.norm, cast({{ var('klanttevredenheid_norm', 7) }} as double)) as binnen_norm
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.regio = p.regio
inner join {{ ref('stg_tevredenheid') }} as t
    on t.aanbieder_code = ra.aanbieder_code
   and t.meetdatum between p.periode_start and p.periode_eind
left join normen as n
    on n.regio = p.regio
