-- B.1.2 Eerste actieplan binnen twee weken: per region and period, one row per aanmelding
-- (of one of the region's providers) whose actieplan_datum lies in P; op_tijd =
-- actieplan_op_tijd of int_b1_aanmeldingen (actieplan_datum - aanmeldingsdatum <= 14 days).
-- The aanmelding is the event (macro aanmelding_feiten).
{{ aanmelding_feiten(ref('int_b1_aanmeldingen'), 'actieplan_datum', 'a.actieplan_op_tijd',
    ['actieplan_datum', 'actieplan_bron', 'dagen_tot_actieplan']) }}
