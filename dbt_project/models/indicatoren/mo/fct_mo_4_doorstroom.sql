-- MO.4 Doorstroom binnen drie maanden: per region and period, one row per stay (one
-- woonvormen row, int_mo_verblijven) in onderdeel A (Centrale opvang) or B (Nachtopvang)
-- whose einddatum lies in P. binnen_drie_maanden = einddatum < startdatum + 3 calendar
-- months (a stay ending exactly on startdatum + 3 months is not within; DuckDB clamps:
-- 30 Nov + 3 months = 28/29 Feb). Dimensions via gebeurtenis_dimensies with the stay's
-- start as the event (gemeente van herkomst of its trajectory's aanmelding, age on the
-- startdatum), and the onderdeel.
with gebeurtenissen as (
    select
        *,
        {{ plus_maanden('startdatum', 3) }} as grens,
        einddatum < {{ plus_maanden('startdatum', 3) }} as binnen_drie_maanden,
        startdatum as gebeurtenis_datum,
        startdatum as leeftijd_datum,
        cast(null as varchar) as opvang
    from (
        {{ per_periode(ref('int_mo_verblijven'),
            "r.onderdeel_code in ('A', 'B') and r.einddatum between p.periode_start and p.periode_eind") }}
    )
)
{{ gebeurtenis_rijen('gebeurtenissen', ['periode_key', 'aanbieder_code', 'persoon_key', 'traject_id', 'onderdeel', 'startdatum', 'einddatum', 'grens', 'binnen_drie_maanden'] + dimensies_traject()) }}
