-- GZ.6 Driegesprek binnen 2 weken (indicatoren.md §4): per region and period, one row per
-- Gezinsopvang trajectory starting in P; on time when a mijlpaal `driegesprek` of that
-- trajectory is dated <= start + 14 days; pending when start + 14 days > the region's
-- peildatum.
{{ termijn_feiten(ref('int_traject_eenheden'), "e.eenheid = 'traject' and e.doelgroep = 'Gezinsopvang'",
    'driegesprek', 14) }}
