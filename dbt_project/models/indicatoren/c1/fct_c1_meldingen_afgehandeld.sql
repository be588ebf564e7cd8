-- C.1.4 (klachten) and C.1.8 (bezwaren) Afhandeltermijn: per region and period, one row
-- per melding of one of the region's providers with afhandeldatum in P and soort klacht
-- or bezwaar. afhandeltermijn_dagen = afhandeldatum - ontvangstdatum in calendar days
-- (same day = 0); binnen_termijn = afhandeltermijn_dagen <= the region's termijn for the
-- soort (int_c1_termijnen; exactly at the termijn is within it). A melding with an
-- afhandeldatum counts even when its afhandeling is empty (counter
-- int_dq_melding_datum_zonder_afhandeling); one without afhandeldatum never (counter
-- int_dq_melding_afgehandeld_zonder_datum).
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    m.aanbieder_code,
    m.melding_id,
    m.soort,
    m.ontvangstdatum,
    m.afhandeldatum,
    coalesce(m.afhandeling, 'Open') as afhandeling,
    m.afhandeldatum - m.ontvangstdatum as afhandeltermijn_dagen,
    t.termijn_dagen,
    (m.afhandeldatum - m.ontvangstdatum) <= t.termijn_dagen as binnen_termijn
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.regio = p.regio
inner join {{ ref('stg_klachten_bezwaren') }} as m
    on m.aanbieder_code = ra.aanbieder_code
   and m.afhandeldatum between p.periode_start and p.periode_eind
inner join {{ ref('int_c1_termijnen') }} as t
    on t.regio = p.regio
   and t.soort = m.soort
