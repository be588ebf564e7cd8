-- HF.2 Verbetering op >= 2 leefdomeinen binnen 12 maanden (indicatoren.md §3), per region
-- and Housing First trajectory with a nulmeting (int_zrm_paren: the earliest nulmeting;
-- trajectories without one are left out).
--   termijn_eind    nulmeting + 12 calendar months (macro plus_maanden)
--   vervolgmeting   the latest tussen- or eindmeting dated after the nulmeting and on or
--                   before termijn_eind (tie on the date: highest meting_id)
--   verbeterde_leefgebieden  of the 11 leefgebieden scored in both measurements, the
--                   number scoring higher at the vervolgmeting than at the nulmeting
--   verbeterd       verbeterde_leefgebieden >= 2; no vervolgmeting: false
with paren as (
    select
        x.*,
        {{ plus_maanden('x.nulmeting_datum', 12) }} as termijn_eind
    from (
        {{ trajecten_met_nulmeting('Housing First') }}
    ) as x
),
vervolg as (
    select
        p.regio,
        p.aanbieder_code,
        p.traject_id,
        m.meting_id,
        m.meetdatum
    from paren as p
    inner join {{ ref('int_zrm_metingen') }} as m
        on m.aanbieder_code = p.aanbieder_code
       and m.traject_id = p.traject_id
       and m.soort_meting in ('tussenmeting', 'eindmeting')
       and m.meetdatum > p.nulmeting_datum
       and m.meetdatum <= p.termijn_eind
    qualify row_number() over (
        partition by p.regio, p.aanbieder_code, p.traject_id
        order by m.meetdatum desc, m.meting_id desc
    ) = 1
),
vergeleken as (
    select
        v.regio,
        v.aanbieder_code,
        v.traject_id,
        count(*) as vergeleken_leefgebieden,
        count(*) filter (where s.score > n.score) as verbeterde_leefgebieden
    from vervolg as v
    inner join paren as p
        on p.regio = v.regio
       and p.aanbieder_code = v.aanbieder_code
       and p.traject_id = v.traject_id
    inner join {{ ref('int_zrm_scores') }} as n
        on n.aanbieder_code = p.aanbieder_code
       and n.meting_id = p.nulmeting_id
    inner join {{ ref('int_zrm_scores') }} as s
        on s.aanbieder_code = v.aanbieder_code
       and s.meting_id = v.meting_id
       and s.leefgebied = n.leefgebied
    group by v.regio, v.aanbieder_code, v.traject_id
)
select
    p.*,
    v.meting_id as vervolgmeting_id,
    v.meetdatum as vervolgmeting_datum,
    coalesce(c.vergeleken_leefgebieden, 0) as vergeleken_leefgebieden,
    coalesce(c.verbeterde_leefgebieden, 0) as verbeterde_leefgebieden,
    coalesce(c.verbeterde_leefgebieden, 0) >= 2 as verbeterd
from paren as p
left join vervolg as v
    on v.regio = p.regio
   and v.aanbieder_code = p.aanbieder_code
   and v.traject_id = p.traject_id
left join vergeleken as c
    on c.regio = p.regio
   and c.aanbieder_code = p.aanbieder_code
   and c.traject_id = p.traject_id
