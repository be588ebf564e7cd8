-- Data-quality counter for C.1: meldingen with an afhandeldatum but an empty
-- afhandeling; 'Open' in C.1.3/C.1.7, yet counted in the afhandeltermijn (C.1.4/C.1.8).
{{ dq_teller('C', 'melding_datum_zonder_afhandeling',
    'Klachten/bezwaren met een afhandeldatum maar zonder afhandeling: als Open geteld in C.1.3/C.1.7, wel in de afhandeltermijn',
    "select aanbieder_code from " ~ ref('stg_klachten_bezwaren') ~ " where afhandeling is null and afhandeldatum is not null and soort in ('klacht', 'bezwaar')", per_regio=false) }}
