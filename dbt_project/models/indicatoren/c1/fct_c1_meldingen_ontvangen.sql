-- C.1.1-C.1.3 (klachten) and C.1.5-C.1.7 (bezwaren): per region and period, one row per
-- melding of the region (int_c1_meldingen) with ontvangstdatum in P.
select
    regio,
    periode_type,
    periode_start,
    periode_eind,
    aanbieder_code,
    melding_id,
    soort,
    ontvangstdatum,
    aard,
    afhandeling,
    afhandeldatum
from (
    {{ per_periode(ref('int_c1_meldingen'), 'r.ontvangstdatum between p.periode_start and p.periode_eind') }}
)
