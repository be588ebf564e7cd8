-- MO.3 Triage-plan binnen 14 dagen (indicatoren.md §5): per region and period, one row per
-- stay (one woonvorm row) in onderdeel A (Centrale opvang) or B (Nachtopvang; seed
-- mo_onderdelen) starting in P; on time when a mijlpaal `triage` of the stay's trajectory
-- is dated <= start + 14 days; pending when start + 14 days > the region's peildatum.
-- Extra dimension: onderdeel.
{{ termijn_feiten(ref('int_traject_eenheden'), "e.eenheid = 'verblijf' and e.onderdeel_code in ('A', 'B')",
    'triage', 14, extra_dimensies=['onderdeel']) }}
