-- MO.4 Doorstroom binnen drie maanden: per region and period, one row per stay (one
-- woonvormen row, int_mo_verblijven) in onderdeel A (Centrale opvang) or B (Nachtopvang)
-- whose einddatum lies in P. binnen_drie_maanden = einddatum < startdatum + 3 calendar
-- months (a stay ending exactly on startdatum + 3 months is not within; DuckDB clamps:
-- 30 Nov + 3 months = 28/29 Feb). Dimensions via gebeurtenis_dimensies with the stay's
-- start as the event (gemeente van herkomst of its trajectory's aanmelding, age on the
-- startdatum), and the onderdeel.
with gebeurtenissen as (
    select
        p.regio,
        p.periode_type,
        p.periode_start,
        p.periode_eind,
        v.* exclude (regio),
        {{ plus_maanden('v.startdatum', 3) }} as grens,
        v.einddatum < {{ plus_maanden('v.startdatum', 3) }} as binnen_drie_maanden,
        v.startdatum as gebeurtenis_datum,
        v.startdatum as leeftijd_datum,
        cast(null as varchar) as opvang
    from {{ ref('dim_periode') }} as p
    inner join {{ ref('int_mo_verblijven') }} as v
        on v.regio = p.regio
       and v.onderdeel_code in ('A', 'B')
       and v.einddatum between p.periode_start and p.periode_eind
),
verrijkt as (
    {{ gebeurtenis_dimensies('gebeurtenissen') }}
)
select
    regio,
    periode_type,
    periode_start,
    periode_eind,
    periode_key,
    aanbieder_code,
    persoon_key,
    traject_id,
    onderdeel,
    startdatum,
    einddatum,
    grens,
    binnen_drie_maanden,
    gemeente_herkomst,
    leeftijdsgroep,
    geslacht
from verrijkt
