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
-- The stay's gemeente_herkomst and geslacht (gebeurtenis_dimensies, the stay's start as
-- the event) do not depend on the period: they are looked up once per stay, before the
-- stays are repeated per period; leeftijdsgroep (on p_start) is computed per period.
{%- set volgorde = 'startdatum desc, einddatum desc nulls first, periode_key desc' %}
with perioden as (
    select
        *,
        least(periode_eind, regio_peildatum) as peilmoment
    from {{ ref('dim_periode') }}
),
gebeurtenissen as (
    select
        *,
        startdatum as gebeurtenis_datum,
        cast(null as date) as leeftijd_datum,
        cast(null as date) as periode_start,
        cast(null as date) as periode_eind,
        cast(null as varchar) as opvang
    from {{ ref('int_mo_verblijven') }}
),
verrijkt as (
    -- per stay; the period-dependent columns of the macro are dropped below
    {{ gebeurtenis_dimensies('gebeurtenissen') }}
),
verblijven as (
    select * exclude (
        gebeurtenis_datum, leeftijd_datum, periode_start, periode_eind, opvang,
        leeftijdsgroep, nieuw_bekend, soort_opvang
    )
    from verrijkt
),
-- One window (per person and period, latest-starting first; periode_key is unique, so the
-- order is total) gives all flags: a row is the first of its onderdeel / locatie / pair
-- when no earlier row has the same value. The rows that are not the first of their
-- onderdeel x locatie pair are left out; they never decide another row's flags (an earlier
-- row with the same pair, which is kept, has the same onderdeel and locatie).
-- (onderdeel and locatie are never NULL: tests on int_mo_verblijven.)
per_periode_verblijf as (
    select
        *,
        {{ leeftijdsgroep('geboortedatum', 'periode_start') }} as leeftijdsgroep,
        row_number() over per_persoon = 1 as telt_persoon,
        not coalesce(list_contains(list(onderdeel) over eerder, onderdeel), false) as telt_onderdeel,
        not coalesce(list_contains(list(locatie) over eerder, locatie), false) as telt_locatie,
        not coalesce(
            list_contains(list(struct_pack(onderdeel, locatie)) over eerder, struct_pack(onderdeel, locatie)),
            false
        ) as eerste_van_paar
    from (
        {{ per_periode('verblijven',
            actief_in('r.startdatum', 'r.einddatum', 'p.periode_start', 'p.peilmoment'), perioden='perioden') }}
    )
    window
        per_persoon as (
            partition by regio, periode_type, periode_start, persoon_key
            order by {{ volgorde }}
        ),
        eerder as (per_persoon rows between unbounded preceding and 1 preceding)
),
actief as (
    select *
    from per_periode_verblijf
    where eerste_van_paar
),
gemeten as (
    select
        *,
        least(peilmoment, coalesce(einddatum, peilmoment)) as meetdatum,
        (year(least(peilmoment, coalesce(einddatum, peilmoment))) - year(startdatum)) * 12
            + month(least(peilmoment, coalesce(einddatum, peilmoment))) - month(startdatum) as maanden_kalender
    from actief
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
    m.telt_persoon,
    m.telt_onderdeel,
    m.telt_locatie
from maanden as m
left join {{ ref('mo_verblijfsduur_klassen') }} as k
    on m.maanden_verblijf >= k.van_maanden
   and (k.tot_maanden is null or m.maanden_verblijf < k.tot_maanden)
