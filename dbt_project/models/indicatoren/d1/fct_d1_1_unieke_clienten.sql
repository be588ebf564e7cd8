-- D.1.1 Unieke cliënten: per region and period, one row per person with an
-- `Opvang lokaal` period (at one of the region's providers) active in P. The event is
-- the person's latest-starting such period (§0): its start date and trajectory give the
-- gemeente van herkomst, aanleiding and soort opvang; age on p_start.
with actief as (
    select
        p.regio,
        p.periode_type,
        p.periode_start,
        p.periode_eind,
        o.* exclude (regio)
    from {{ ref('dim_periode') }} as p
    inner join {{ ref('int_decentrale_opvang_perioden') }} as o
        on o.regio = p.regio
       and {{ actief_in('o.startdatum', 'o.einddatum', 'p.periode_start', 'p.periode_eind') }}
    qualify row_number() over (
        partition by p.regio, p.periode_type, p.periode_start, o.persoon_key
        order by o.startdatum desc, o.einddatum desc nulls first, o.periode_key desc
    ) = 1
),
gebeurtenissen as (
    select
        *,
        startdatum as gebeurtenis_datum,
        periode_start as leeftijd_datum,
        'lokaal' as opvang
    from actief
),
verrijkt as (
    {{ gebeurtenis_dimensies('gebeurtenissen') }}
)
select
    regio,
    periode_type,
    periode_start,
    periode_eind,
    persoon_key,
    periode_key,
    aanbieder_code,
    traject_id,
    gebeurtenis_datum,
    {{ dimensies_d1() | join(',\n    ') }}
from verrijkt
