{{ config(meta={'dagster': {'ref': {'name': 'indicatoren'}}}) }}
-- Every indicator and variant of a region has exactly one total row (dimensie = '') for
-- every period of dim_periode of that region, and no row outside dim_periode
-- (indicatoren.md §6). Returns the offending (regio, indicator, variant, period).
with totalen as (
    select regio, indicator, variant, periode_type, periode_start, periode_eind, count(*) as aantal
    from {{ ref('indicatoren') }}
    where dimensie = ''
    group by all
),
verwacht as (
    select p.regio, i.indicator, i.variant, p.periode_type, p.periode_start, p.periode_eind
    from {{ ref('dim_periode') }} as p
    inner join (select distinct regio, indicator, variant from {{ ref('indicatoren') }}) as i
        on i.regio = p.regio
)
select coalesce(v.regio, t.regio) as regio, coalesce(v.indicator, t.indicator) as indicator,
       coalesce(v.variant, t.variant) as variant, coalesce(v.periode_type, t.periode_type) as periode_type,
       coalesce(v.periode_start, t.periode_start) as periode_start, t.aantal
from verwacht as v
full outer join totalen as t
    on t.regio = v.regio and t.indicator = v.indicator and t.variant = v.variant
   and t.periode_type = v.periode_type and t.periode_start = v.periode_start
   and t.periode_eind = v.periode_eind
where v.regio is null or t.regio is null or t.aantal <> 1
