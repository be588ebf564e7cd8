-- GZ.1 Ondersteuningsplan binnen 6 weken (indicatoren.md §4, as HF.5): per region and
-- period, one row per Gezinsopvang trajectory starting in P; on time when a mijlpaal
-- `ondersteuningsplan` of that trajectory is dated <= start + 42 days; pending when
-- start + 42 days > the region's peildatum.
{{ termijn_feiten(ref('int_traject_eenheden'), "e.eenheid = 'traject' and e.doelgroep = 'Gezinsopvang'",
    'ondersteuningsplan', 42) }}
