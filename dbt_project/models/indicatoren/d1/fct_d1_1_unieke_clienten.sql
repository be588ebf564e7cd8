-- D.1.1 Unieke cliënten: per region and period, one row per person with an
-- `Opvang lokaal` period (at one of the region's providers) active in P. The event is
-- the person's latest-starting such period (§0): its start date and trajectory give the
-- gemeente van herkomst, aanleiding and soort opvang; age on p_start.
with actief as (
    select *
    from (
        {{ per_periode(ref('int_decentrale_opvang_perioden'),
            actief_in('r.startdatum', 'r.einddatum', 'p.periode_start', 'p.periode_eind')) }}
    )
    qualify row_number() over (
        partition by regio, periode_type, periode_start, persoon_key
        order by startdatum desc, einddatum desc nulls first, periode_key desc
    ) = 1
),
gebeurtenissen as (
    select
        *,
        startdatum as gebeurtenis_datum,
        periode_start as leeftijd_datum,
        'lokaal' as opvang
    from actief
)
{{ gebeurtenis_rijen('gebeurtenissen', ['persoon_key', 'periode_key', 'aanbieder_code', 'traject_id', 'gebeurtenis_datum'] + dimensies_d1()) }}
