-- Data-quality counter for E.1.1: kosten rows whose periode is not H1, H2 or jaar
-- (outside the code list: 'Onbekend'); they feed no period.
{{ dq_teller('E', 'kosten_periode_onbekend',
    'Kostenregels met een onbekende periode (niet H1, H2 of jaar): niet meegeteld in E.1.1',
    "select aanbieder_code from " ~ ref('stg_kosten') ~ " where periode is null or periode not in ('H1', 'H2', 'jaar')", per_regio=false) }}
