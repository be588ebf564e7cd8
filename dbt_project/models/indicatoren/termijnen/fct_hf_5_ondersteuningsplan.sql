-- HF.5 Ondersteuningsplan binnen 6 weken (indicatoren.md §3): per region and period, one
-- row per Housing First trajectory starting in P; on time when a mijlpaal
-- `ondersteuningsplan` of that trajectory is dated <= start + 42 days; pending
-- (openstaand, out of the denominator) when start + 42 days > the region's peildatum.
{{ termijn_feiten(ref('int_traject_eenheden'), "e.eenheid = 'traject' and e.doelgroep = 'Housing First'",
    'ondersteuningsplan', 42) }}
