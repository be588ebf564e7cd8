-- Data-quality counter for C.1: meldingen whose soort is neither klacht nor bezwaar
-- (outside the code list: 'Onbekend'); they are in none of C.1.1-C.1.8.
{{ dq_teller('C', 'melding_soort_onbekend',
    'Klachten/bezwaren met een onbekende soort: niet meegeteld in C.1',
    "select aanbieder_code from " ~ ref('stg_klachten_bezwaren') ~ " where soort not in ('klacht', 'bezwaar')", per_regio=false) }}
