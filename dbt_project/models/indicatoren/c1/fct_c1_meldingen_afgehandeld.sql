-- C.1.4 (klachten) and C.1.8 (bezwaren) Afhandeltermijn: per region and period, one row
-- per melding of the region (int_c1_meldingen) with afhandeldatum in P.
-- afhandeltermijn_dagen = afhandeldatum - ontvangstdatum in calendar days (same day = 0);
-- binnen_termijn = afhandeltermijn_dagen <= the region's termijn for the soort
-- (int_c1_termijnen; exactly at the termijn is within it). A melding with an
-- afhandeldatum counts even when its afhandeling is empty (counter
-- int_dq_melding_datum_zonder_afhandeling); one without afhandeldatum never (counter
-- int_dq_melding_afgehandeld_zonder_datum).
with afgehandeld as (
    {{ per_periode(ref('int_c1_meldingen'), 'r.afhandeldatum between p.periode_start and p.periode_eind') }}
)

select
    a.regio,
    a.periode_type,
    a.periode_start,
    a.periode_eind,
    a.aanbieder_code,
    a.melding_id,
    a.soort,
    a.ontvangstdatum,
    a.afhandeldatum,
    a.afhandeling,
    a.afhandeldatum - a.ontvangstdatum as afhandeltermijn_dagen,
    t.termijn_dagen,
    (a.afhandeldatum - a.ontvangstdatum) <= t.termijn_dagen as binnen_termijn
from afgehandeld as a
inner join {{ ref('int_c1_termijnen') }} as t
    on t.regio = a.regio
   and t.soort = a.soort
