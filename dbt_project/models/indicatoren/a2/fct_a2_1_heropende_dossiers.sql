-- A.2.1 % heropende dossiers: per region and period, one row per person with a
-- trajectory (at one of the region's providers) active in P = the denominator.
-- heropend = the person has a trajectory starting in P that re-opens an earlier ended
-- trajectory of the same person at one of the region's providers (any of them: a person
-- seen by two providers is one person): new.startdatum >= old.einddatum and
-- new.startdatum < old.einddatum + var('heropening_maanden', 6) calendar months
-- (plus_maanden: 31 Aug + 6 months = 28 Feb). The old trajectory is another trajectory
-- than the new one. The evidence columns name the person's earliest-starting re-opening
-- trajectory in P and the trajectory it re-opens (the latest-ending qualifying one).
with trajecten as (
    select
        ra.regio,
        t.persoon_key,
        t.aanbieder_code,
        t.traject_id,
        t.startdatum,
        t.einddatum,
        count(*) over (partition by ra.regio, t.persoon_key) = 1 as enig_traject
    from {{ ref('int_trajecten') }} as t
    inner join {{ ref('int_regio_aanbieders') }} as ra
        on ra.aanbieder_code = t.aanbieder_code
),
heropeningen as (
    select
        n.regio,
        n.persoon_key,
        n.aanbieder_code,
        n.traject_id,
        n.startdatum,
        o.aanbieder_code as vorig_aanbieder_code,
        o.traject_id as vorig_traject_id,
        o.einddatum as vorig_einddatum
    from trajecten as n
    inner join trajecten as o
        on o.regio = n.regio
       and o.persoon_key = n.persoon_key
       and not (o.aanbieder_code = n.aanbieder_code and o.traject_id = n.traject_id)
       and o.einddatum is not null
       and n.startdatum >= o.einddatum
       and n.startdatum < {{ plus_maanden('o.einddatum', var('heropening_maanden', 6)) }}
    qualify row_number() over (
        partition by n.regio, n.aanbieder_code, n.traject_id
        order by o.einddatum desc, o.aanbieder_code, o.traject_id
    ) = 1
),
actief_per_traject as not materialized (
    select
        p.regio,
        p.periode_type,
        p.periode_start,
        p.periode_eind,
        t.persoon_key,
        t.enig_traject
    from {{ ref('dim_periode') }} as p
    inner join trajecten as t
        on t.regio = p.regio
       and {{ actief_in('t.startdatum', 't.einddatum', 'p.periode_start', 'p.periode_eind') }}
),
-- One row per person: a person with one trajectory in the region is there once per P
-- already; only the rows of persons with several are made distinct (saves grouping the
-- whole expansion).
actief as (
    select regio, periode_type, periode_start, periode_eind, persoon_key
    from actief_per_traject
    where enig_traject
    union all
    select distinct regio, periode_type, periode_start, periode_eind, persoon_key
    from actief_per_traject
    where not enig_traject
),
heropend as (
    select
        p.regio,
        p.periode_type,
        p.periode_start,
        h.persoon_key,
        h.aanbieder_code,
        h.traject_id,
        h.startdatum,
        h.vorig_aanbieder_code,
        h.vorig_traject_id,
        h.vorig_einddatum
    from {{ ref('dim_periode') }} as p
    inner join heropeningen as h
        on h.regio = p.regio
       and h.startdatum between p.periode_start and p.periode_eind
    qualify row_number() over (
        partition by p.regio, p.periode_type, p.periode_start, h.persoon_key
        order by h.startdatum, h.aanbieder_code, h.traject_id
    ) = 1
)
select
    a.regio,
    a.periode_type,
    a.periode_start,
    a.periode_eind,
    a.persoon_key,
    h.persoon_key is not null as heropend,
    h.aanbieder_code as heropend_aanbieder_code,
    h.traject_id as heropend_traject_id,
    h.startdatum as heropend_startdatum,
    h.vorig_aanbieder_code,
    h.vorig_traject_id,
    h.vorig_einddatum
from actief as a
left join heropend as h
    on h.regio = a.regio
   and h.periode_type = a.periode_type
   and h.periode_start = a.periode_start
   and h.persoon_key = a.persoon_key
