-- Episodes of decentrale opvang (indicatoren.md D.1) per region and person: the person's
-- `Opvang lokaal` periods at the region's providers, in start order, merged while the
-- next one starts less than var('uitstroom_terugkeer_maanden') (6) calendar months after
-- the latest end so far (overlaps merge; an open period keeps the episode open).
-- Exactly 6 months after the end is a new episode.
with geordend as (
    select
        *,
        max(coalesce(einddatum, date '9999-12-31')) over (
            partition by regio, persoon_key
            order by startdatum, einddatum nulls last, periode_key
            rows between unbounded preceding and 1 preceding
        ) as eind_tot_nu
    from {{ ref('int_decentrale_opvang_perioden') }}
),
gemarkeerd as (
    select
        *,
        case
            when eind_tot_nu is null then 1
            when eind_tot_nu = date '9999-12-31' then 0
            when startdatum >= {{ plus_maanden('eind_tot_nu', var('uitstroom_terugkeer_maanden')) }} then 1
            else 0
        end as begint_episode
    from geordend
),
genummerd as (
    select
        *,
        sum(begint_episode) over (
            partition by regio, persoon_key
            order by startdatum, einddatum nulls last, periode_key
            rows between unbounded preceding and current row
        ) as episode_nr
    from gemarkeerd
)
select
    regio,
    persoon_key,
    cast(episode_nr as integer) as episode_nr,
    min(startdatum) as episode_start,
    case when bool_or(einddatum is null) then null else max(einddatum) end as episode_eind,
    cast(count(*) as integer) as aantal_perioden,
    first(periode_key order by startdatum, einddatum nulls last, periode_key) as eerste_periode_key,
    first(aanbieder_code order by startdatum, einddatum nulls last, periode_key) as eerste_aanbieder_code,
    first(traject_id order by startdatum, einddatum nulls last, periode_key) as eerste_traject_id,
    first(periode_key order by einddatum desc nulls first, startdatum desc, periode_key desc) as laatste_periode_key,
    first(aanbieder_code order by einddatum desc nulls first, startdatum desc, periode_key desc) as laatste_aanbieder_code,
    first(traject_id order by einddatum desc nulls first, startdatum desc, periode_key desc) as laatste_traject_id
from genummerd
group by regio, persoon_key, episode_nr
