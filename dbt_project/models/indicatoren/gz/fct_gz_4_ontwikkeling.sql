-- GZ.4 Positieve ontwikkeling binnen 13 weken: per region and period one row per
-- Gezinsopvang trajectory whose startdatum + 91 days (termijn_eind) lies in P
-- (int_gz_4_ontwikkeling). openstaand: termijn_eind is after the region's peildatum (the
-- 13 weeks have not passed); such trajectories are left out of the indicator and counted
-- as pending.
select
    *,
    termijn_eind > regio_peildatum as openstaand
from (
    {{ per_periode(ref('int_gz_4_ontwikkeling'), 'r.termijn_eind between p.periode_start and p.periode_eind') }}
)
