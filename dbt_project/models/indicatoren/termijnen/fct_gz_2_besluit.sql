-- GZ.2 Besluit binnen 13 weken (indicatoren.md §4): per region and period, one row per
-- Gezinsopvang trajectory starting in P; on time when a mijlpaal `besluit voortzetting`
-- of that trajectory is dated <= start + 91 days; pending when start + 91 days > the
-- region's peildatum.
{{ termijn_feiten(ref('int_traject_eenheden'), "e.eenheid = 'traject' and e.doelgroep = 'Gezinsopvang'",
    'besluit voortzetting', 91) }}
