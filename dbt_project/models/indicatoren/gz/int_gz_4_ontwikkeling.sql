-- GZ.4 Positieve ontwikkeling binnen 13 weken (indicatoren.md §4), per region and
-- Gezinsopvang trajectory with a nulmeting (int_zrm_paren: the earliest nulmeting;
-- trajectories without one are left out) whose Zelfredzamer cluster score (A.1.1 of
-- int_zrm_clusterscores, leefgebieden 1 t/m 10 or 11 by var zrm_zelfredzamer_met_justitie)
-- is defined at the nulmeting (else left out: nothing to compare with).
--   termijn_eind  startdatum + 91 days
--   positief      a tussen- or eindmeting dated after the nulmeting and on or before
--                 termijn_eind has a Zelfredzamer score above the nulmeting's (strictly);
--                 none: false
--   eerste_positieve_meting_datum  the first such measurement
with paren as (
    select
        x.*,
        cast(x.startdatum + 91 as date) as termijn_eind,
        n.score as score_nulmeting
    from (
        {{ trajecten_met_nulmeting('Gezinsopvang') }}
    ) as x
    inner join {{ ref('int_zrm_clusterscores') }} as n
        on n.aanbieder_code = x.aanbieder_code
       and n.meting_id = x.nulmeting_id
       and n.cluster_code = 'A.1.1'
    where n.score is not null
),
positief as (
    select
        p.regio,
        p.aanbieder_code,
        p.traject_id,
        min(m.meetdatum) as eerste_positieve_meting_datum
    from paren as p
    inner join {{ ref('int_zrm_clusterscores') }} as m
        on m.aanbieder_code = p.aanbieder_code
       and m.traject_id = p.traject_id
       and m.cluster_code = 'A.1.1'
       and m.soort_meting in ('tussenmeting', 'eindmeting')
       and m.meetdatum > p.nulmeting_datum
       and m.meetdatum <= p.termijn_eind
       and m.score > p.score_nulmeting
    group by p.regio, p.aanbieder_code, p.traject_id
)
select
    p.*,
    x.eerste_positieve_meting_datum,
    x.eerste_positieve_meting_datum is not null as positief
from paren as p
left join positief as x
    on x.regio = p.regio
   and x.aanbieder_code = p.aanbieder_code
   and x.traject_id = p.traject_id
