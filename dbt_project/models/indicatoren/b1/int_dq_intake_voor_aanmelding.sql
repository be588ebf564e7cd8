-- Data-quality counter for B.1.1 (indicatoren.md §1: "intake before aanmelding: on time,
-- and flagged on the data quality page"): per region with family B and per provider.
{{ dq_teller('B', 'intake_voor_aanmelding',
    'Aanmeldingen met een intakedatum vóór de aanmeldingsdatum: bij B.1.1 geteld als op tijd',
    "select regio, aanbieder_code from " ~ ref('int_b1_aanmeldingen') ~ " where intake_voor_aanmelding") }}
