-- Per ZRM trajectory (aanbieder_code, traject_id) with a nulmeting: the measurements A.1
-- compares (indicatoren.md §1 A.1).
--   nulmeting  the earliest measurement with soort nulmeting (tie on the date: lowest
--              meting_id); its client gives the trajectory's persoon_key
--   kort       the first tussenmeting dated after the nulmeting (strictly; tie: lowest
--              meting_id); NULL when there is none
--   lang       the latest eindmeting of the trajectory (tie: highest meting_id), whatever
--              its date (int_dq_eindmeting_niet_na_nulmeting counts those dated on or
--              before the nulmeting); NULL when there is none
-- Trajectories without a nulmeting are left out (int_dq_traject_zonder_nulmeting).
with metingen as (
    select aanbieder_code, traject_id, meting_id, persoon_key, meetdatum, soort_meting
    from {{ ref('int_zrm_metingen') }}
),
nulmetingen as (
    select
        aanbieder_code,
        traject_id,
        persoon_key,
        meting_id as nulmeting_id,
        meetdatum as nulmeting_datum
    from metingen
    where soort_meting = 'nulmeting'
    qualify row_number() over (
        partition by aanbieder_code, traject_id
        order by meetdatum, meting_id
    ) = 1
),
kort as (
    select
        n.aanbieder_code,
        n.traject_id,
        m.meting_id as kort_meting_id,
        m.meetdatum as kort_datum
    from nulmetingen as n
    inner join metingen as m
        on m.aanbieder_code = n.aanbieder_code
       and m.traject_id = n.traject_id
       and m.soort_meting = 'tussenmeting'
       and m.meetdatum > n.nulmeting_datum
    qualify row_number() over (
        partition by n.aanbieder_code, n.traject_id
        order by m.meetdatum, m.meting_id
    ) = 1
),
lang as (
    select
        aanbieder_code,
        traject_id,
        meting_id as lang_meting_id,
        meetdatum as lang_datum
    from metingen
    where soort_meting = 'eindmeting'
    qualify row_number() over (
        partition by aanbieder_code, traject_id
        order by meetdatum desc, meting_id desc
    ) = 1
)
select
    n.aanbieder_code,
    n.traject_id,
    n.persoon_key,
    n.nulmeting_id,
    n.nulmeting_datum,
    k.kort_meting_id,
    k.kort_datum,
    l.lang_meting_id,
    l.lang_datum
from nulmetingen as n
left join kort as k
    on k.aanbieder_code = n.aanbieder_code
   and k.traject_id = n.traject_id
left join lang as l
    on l.aanbieder_code = n.aanbieder_code
   and l.traject_id = n.traject_id
