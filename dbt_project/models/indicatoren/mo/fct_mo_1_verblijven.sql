-- MO.1 Kwartaalrapportage: per region and period, one row per person x onderdeel x
-- locatie with a stay there (int_mo_verblijven) active in [p_start, peilmoment],
-- peilmoment = min(p_end, the region's peildatum). The row describes the person's
-- latest-starting such stay (tie: open / latest end, then highest periode_key):
--   startdatum, einddatum     of that stay
--   maanden_verblijf          whole calendar months from startdatum to
--                             min(peilmoment, einddatum): the largest m with
--                             startdatum + m months <= that date (DuckDB clamps to the
--                             month end: 31 Jan + 1 month = 28/29 Feb)
--   verblijfsduur             its class (seed mo_verblijfsduur_klassen)
--   gemeente_herkomst, leeftijdsgroep (on p_start), geslacht   gebeurtenis_dimensies with
--                             the stay's start as the event
--   uitstroomperspectief      of the stay's trajectory ('Onbekend' when empty)
-- Flags that make each person count once where the indicator counts persons:
--   telt_persoon    the person's latest-starting row of all (the MO.1 total and its
--                   person dimensions)
--   telt_onderdeel  the person's latest-starting row within the onderdeel
--   telt_locatie    the person's latest-starting row within the locatie
{%- set volgorde = 'startdatum desc, einddatum desc nulls first, periode_key desc' %}
with perioden as (
    select
        *,
        least(periode_eind, regio_peildatum) as peilmoment
    from {{ ref('dim_periode') }}
),
actief as (
    select *
    from (
        {{ per_periode(ref('int_mo_verblijven'),
            actief_in('r.startdatum', 'r.einddatum', 'p.periode_start', 'p.peilmoment'), perioden='perioden') }}
    )
    qualify row_number() over (
        partition by regio, periode_type, periode_start, persoon_key, onderdeel, locatie
        order by {{ volgorde }}
    ) = 1
),
gebeurtenissen as (
    select
        *,
        startdatum as gebeurtenis_datum,
        periode_start as leeftijd_datum,
        cast(null as varchar) as opvang
    from actief
),
verrijkt as (
    {{ gebeurtenis_dimensies('gebeurtenissen') }}
),
gemeten as (
    select
        *,
        least(peilmoment, coalesce(einddatum, peilmoment)) as meetdatum,
        (year(least(peilmoment, coalesce(einddatum, peilmoment))) - year(startdatum)) * 12
            + month(least(peilmoment, coalesce(einddatum, peilmoment))) - month(startdatum) as maanden_kalender
    from verrijkt
),
maanden as (
    select
        *,
        maanden_kalender
            - case when {{ plus_maanden('startdatum', 'maanden_kalender') }} > meetdatum then 1 else 0 end
            as maanden_verblijf
    from gemeten
)
select
    m.regio,
    m.periode_type,
    m.periode_start,
    m.periode_eind,
    m.peilmoment,
    m.persoon_key,
    m.onderdeel,
    m.locatie,
    m.periode_key,
    m.aanbieder_code,
    m.traject_id,
    m.startdatum,
    m.einddatum,
    m.maanden_verblijf,
    k.verblijfsduur,
    m.gemeente_herkomst,
    m.leeftijdsgroep,
    m.geslacht,
    coalesce(m.uitstroomperspectief, 'Onbekend') as uitstroomperspectief,
    row_number() over (
        partition by m.regio, m.periode_type, m.periode_start, m.persoon_key
        order by m.{{ volgorde | replace(', ', ', m.') }}
    ) = 1 as telt_persoon,
    row_number() over (
        partition by m.regio, m.periode_type, m.periode_start, m.persoon_key, m.onderdeel
        order by m.{{ volgorde | replace(', ', ', m.') }}
    ) = 1 as telt_onderdeel,
    row_number() over (
        partition by m.regio, m.periode_type, m.periode_start, m.persoon_key, m.locatie
        order by m.{{ volgorde | replace(', ', ', m.') }}
    ) = 1 as telt_locatie
from maanden as m
left join {{ ref('mo_verblijfsduur_klassen') }} as k
    on m.maanden_verblijf >= k.van_maanden
   and (k.tot_maanden is null or m.maanden_verblijf < k.tot_maanden)
