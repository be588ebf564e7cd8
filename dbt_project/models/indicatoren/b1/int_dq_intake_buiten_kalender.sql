-- Data-quality counter for B.1.1: aanmeldingen with an intake date on or after the
-- aanmeldingsdatum whose werkdagen cannot be counted because a date lies outside
-- dim_kalender (counted as not on time).
{{ dq_teller('B', 'intake_buiten_kalender',
    'Aanmeldingen met een datum buiten de werkdagenkalender: bij B.1.1 geteld als niet op tijd',
    "select regio, aanbieder_code from " ~ ref('int_b1_aanmeldingen') ~ " where intake_buiten_kalender") }}
