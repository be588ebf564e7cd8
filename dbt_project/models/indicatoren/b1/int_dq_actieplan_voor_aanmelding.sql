-- Data-quality counter for B.1.2: aanmeldingen whose first actieplan is dated before the
-- aanmeldingsdatum (counted as on time: the difference is below 14 days).
{{ dq_teller('B', 'actieplan_voor_aanmelding',
    'Aanmeldingen met een eerste actieplan vóór de aanmeldingsdatum: bij B.1.2 geteld als op tijd',
    "select regio, aanbieder_code from " ~ ref('int_b1_aanmeldingen') ~ " where actieplan_voor_aanmelding") }}
