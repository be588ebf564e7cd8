-- Per region: its peildatum = the earliest peildatum of its providers' actuele
-- deliveries (indicatoren.md §0; providers that have not delivered are left out), and
-- the first date with data (earliest aanmeldingsdatum, trajectory start or woonvorm start
-- in those deliveries), from which dim_periode starts.
with datums as (
    select aanbieder_code, aanmeldingsdatum as datum from {{ ref('stg_aanmeldingen') }}
    union all
    select aanbieder_code, startdatum from {{ ref('stg_trajecten') }}
    union all
    select aanbieder_code, startdatum from {{ ref('stg_woonvormen') }}
),
eerste_per_aanbieder as (
    select aanbieder_code, min(datum) as eerste_datum
    from datums
    group by aanbieder_code
)
select
    ra.regio,
    min(ra.peildatum) as peildatum,
    min(e.eerste_datum) as eerste_datum,
    count(*) as aantal_aanbieders,
    count(ra.levering_id) as aantal_aanbieders_geleverd
from {{ ref('int_regio_aanbieders') }} as ra
left join eerste_per_aanbieder as e
    on e.aanbieder_code = ra.aanbieder_code
group by ra.regio
