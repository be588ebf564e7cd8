-- MO.2 Screening binnen 24 uur: per region and period, one row per aanmelding (of one of
-- the region's providers) with aanmeldingsdatum in P (macro aanmelding_feiten: the
-- aanmelding is the event, age on the aanmeldingsdatum). op_tijd = screening_op_tijd of
-- int_mo_2_aanmeldingen, NULL for a pending aanmelding (openstaand: left out of MO.2).
{{ aanmelding_feiten(ref('int_mo_2_aanmeldingen'), 'aanmeldingsdatum',
    'case when a.openstaand then null else a.screening_op_tijd end',
    ['eerste_screening', 'openstaand']) }}
