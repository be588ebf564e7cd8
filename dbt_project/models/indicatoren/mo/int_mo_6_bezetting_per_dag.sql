-- MO.6 per region and day, from the first day of its first period (dim_periode) up to its
-- peildatum: bezette_plekken = the number of persons with a Nachtopvang stay
-- (int_mo_verblijven, woonvorm Nachtopvang) on that day (startdatum <= d <= einddatum,
-- both inclusive, open = still there; a person with two stays on one day counts once),
-- and contract_plekken = the region's contracted places in that calendar month
-- (int_mo_6_contract; NULL when the region configures none).
with grenzen as (
    select regio, min(periode_start) as van, any_value(regio_peildatum) as tot
    from {{ ref('dim_periode') }}
    group by regio
),
dagen as (
    select regio, cast(unnest(generate_series(van, tot, interval 1 day)) as date) as datum
    from grenzen
),
bezet as (
    select
        d.regio,
        d.datum,
        count(distinct v.persoon_key) as bezette_plekken
    from dagen as d
    inner join {{ ref('int_mo_verblijven') }} as v
        on v.regio = d.regio
       and v.woonvorm = 'Nachtopvang'
       and v.startdatum <= d.datum
       and (v.einddatum is null or v.einddatum >= d.datum)
    group by all
)
select
    d.regio,
    d.datum,
    strftime(d.datum, '%Y-%m') as maand,
    cast(coalesce(b.bezette_plekken, 0) as integer) as bezette_plekken,
    c.contract_plekken
from dagen as d
left join bezet as b
    on b.regio = d.regio
   and b.datum = d.datum
left join {{ ref('int_mo_6_contract') }} as c
    on c.regio = d.regio
   and c.maand = month(d.datum)
