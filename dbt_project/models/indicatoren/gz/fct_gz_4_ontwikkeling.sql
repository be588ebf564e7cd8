-- GZ.4 Positieve ontwikkeling binnen 13 weken: per region and period one row per
-- Gezinsopvang trajectory whose startdatum + 91 days (termijn_eind) lies in P
-- (int_gz_4_ontwikkeling). openstaand: termijn_eind is after the region's peildatum (the
-- 13 weeks have not passed); such trajectories are left out of the indicator and counted
-- as pending.
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    o.* exclude (regio),
    o.termijn_eind > p.regio_peildatum as openstaand
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_gz_4_ontwikkeling') }} as o
    on o.regio = p.regio
   and o.termijn_eind between p.periode_start and p.periode_eind
