-- MO.6 contracted Nachtopvang places per region and calendar month (1-12), from regios.yml
-- `nachtopvang_contract` (config.regio_parameters): winter_maanden (comma-separated month
-- numbers), winter_plekken (places in those months), overig_plekken (the other months).
-- Only regions that configure it have rows. The data tests fail the build on a month that
-- is no number 1-12 or a number of places that is missing or no whole number, instead of
-- ignoring it.
with instelling as (
    select
        regio,
        any_value(waarde) filter (where sleutel = 'winter_maanden') as winter_maanden,
        any_value(waarde) filter (where sleutel = 'winter_plekken') as winter_plekken,
        any_value(waarde) filter (where sleutel = 'overig_plekken') as overig_plekken
    from {{ source('config', 'regio_parameters') }}
    where parameter = 'nachtopvang_contract'
    group by regio
),
gelezen as (
    select
        regio,
        winter_maanden,
        case when regexp_full_match(trim(winter_plekken), '[0-9]{1,6}') then cast(trim(winter_plekken) as integer) end as winter_plekken,
        case when regexp_full_match(trim(overig_plekken), '[0-9]{1,6}') then cast(trim(overig_plekken) as integer) end as overig_plekken
    from instelling
),
winter as (
    -- one row per listed month; maand NULL when the item is no number 1-12
    select
        regio,
        case
            when regexp_full_match(item, '[0-9]{1,2}') and cast(item as integer) between 1 and 12
            then cast(item as integer)
        end as maand
    from (
        select regio, trim(unnest(string_split(coalesce(winter_maanden, ''), ','))) as item
        from gelezen
    )
    where item <> ''
),
winter_per_regio as (
    select regio, count(*) = count(maand) as geldig
    from winter
    group by regio
)
select
    g.regio,
    cast(m.maand as integer) as maand,
    g.winter_maanden,
    coalesce(wr.geldig, true) as winter_maanden_geldig,
    w.maand is not null as is_winter,
    case when w.maand is not null then g.winter_plekken else g.overig_plekken end as contract_plekken
from gelezen as g
cross join range(1, 13) as m(maand)
left join (select distinct regio, maand from winter where maand is not null) as w
    on w.regio = g.regio
   and w.maand = m.maand
left join winter_per_regio as wr
    on wr.regio = g.regio
