-- Per region every period of every type (kwartaal, halfjaar, jaar) from the first
-- quarter with data up to the quarter that holds the region's peildatum (§0); halfjaar
-- and jaar periods are those overlapping that range of quarters.
with grenzen as (
    select
        regio,
        peildatum as regio_peildatum,
        cast(date_trunc('quarter', least(coalesce(eerste_datum, peildatum), peildatum)) as date) as eerste_kwartaal,
        cast(date_trunc('quarter', peildatum) as date) as laatste_kwartaal
    from {{ ref('int_regio_peildatum') }}
    where peildatum is not null
),
reeksen as (
    select regio, regio_peildatum, 'kwartaal' as periode_type, 3 as maanden,
           eerste_kwartaal as van, laatste_kwartaal as tot
    from grenzen
    union all
    select regio, regio_peildatum, 'halfjaar', 6,
           make_date(year(eerste_kwartaal), case when month(eerste_kwartaal) <= 6 then 1 else 7 end, 1),
           make_date(year(laatste_kwartaal), case when month(laatste_kwartaal) <= 6 then 1 else 7 end, 1)
    from grenzen
    union all
    select regio, regio_peildatum, 'jaar', 12,
           make_date(year(eerste_kwartaal), 1, 1),
           make_date(year(laatste_kwartaal), 1, 1)
    from grenzen
),
perioden as (
    select
        regio,
        regio_peildatum,
        periode_type,
        maanden,
        cast(unnest(generate_series(van, tot, to_months(maanden))) as date) as periode_start
    from reeksen
)
select
    regio,
    periode_type,
    periode_start,
    cast({{ plus_maanden('periode_start', 'maanden') }} - interval 1 day as date) as periode_eind,
    case periode_type
        when 'kwartaal' then cast(year(periode_start) as varchar) || ' K' || cast(quarter(periode_start) as varchar)
        when 'halfjaar' then cast(year(periode_start) as varchar) || ' H' || case when month(periode_start) <= 6 then '1' else '2' end
        else cast(year(periode_start) as varchar)
    end as periode_label,
    regio_peildatum
from perioden
order by regio, periode_type, periode_start
