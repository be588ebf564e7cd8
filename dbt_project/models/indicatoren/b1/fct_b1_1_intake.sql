-- B.1.1 Intake binnen één werkdag: per region and period, one row per aanmelding (of one
-- of the region's providers) with aanmeldingsdatum in P; op_tijd = intake_op_tijd of
-- int_b1_aanmeldingen. The aanmelding is the event (macro aanmelding_feiten).
{{ aanmelding_feiten(ref('int_b1_aanmeldingen'), 'aanmeldingsdatum', 'a.intake_op_tijd',
    ['intake_datum', 'intake_bron', 'werkdagen_tot_intake']) }}
