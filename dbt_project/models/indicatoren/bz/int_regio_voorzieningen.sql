-- Per region the voorzieningen rows (locatie x validity) of its providers, with the
-- locatie's label and soort. A locatie is (aanbieder_code, locatie_id); its naam and soort
-- are those of its latest row (highest geldig_van), so that a locatie keeps one label and
-- one soort over time. dagen_geldig_tot: geldig_tot, open = 9999-12-31.
select
    ra.regio,
    v.aanbieder_code,
    v.locatie_id,
    v.levering_id || ':' || v.regel as voorziening_key,
    v.capaciteit,
    v.geldig_van,
    v.geldig_tot,
    v.naam as naam_regel,
    v.soort as soort_regel,
    arg_max(v.naam, v.geldig_van) over locatie as naam,
    coalesce(arg_max(v.soort, v.geldig_van) over locatie, 'Onbekend') as soort,
    arg_max(v.naam, v.geldig_van) over locatie || ' (' || v.locatie_id || ')' as locatie
from {{ ref('stg_voorzieningen') }} as v
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.aanbieder_code = v.aanbieder_code
window locatie as (
    partition by ra.regio, v.aanbieder_code, v.locatie_id
    rows between unbounded preceding and unbounded following
)
