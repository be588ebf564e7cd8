-- Data-quality counter for C.1: meldingen with an afhandeling but no afhandeldatum; in
-- C.1.3/C.1.7 under their afhandeling, but not in the afhandeltermijn (C.1.4/C.1.8).
{{ dq_teller('C', 'melding_afgehandeld_zonder_datum',
    'Klachten/bezwaren met een afhandeling maar zonder afhandeldatum: niet in de afhandeltermijn (C.1.4/C.1.8)',
    "select aanbieder_code from " ~ ref('stg_klachten_bezwaren') ~ " where afhandeling is not null and afhandeldatum is null and soort in ('klacht', 'bezwaar')", per_regio=false) }}
