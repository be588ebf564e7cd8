-- Data-quality counter for B.2.1: tevredenheid rows without a score (not in B.2.1).
{{ dq_teller('B', 'tevredenheid_zonder_score',
    'Tevredenheidsmetingen zonder score: niet meegeteld in B.2.1',
    "select aanbieder_code from " ~ ref('stg_tevredenheid') ~ " where score is null", per_regio=false) }}
