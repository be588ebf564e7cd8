-- Data-quality counter for E.1.1: combinations of jaar, financiering and module with H1
-- or H2 rows but no jaar row, for years that ended on or before the delivery's
-- peildatum (a running year has no jaar row yet). The jaar period takes only jaar rows
-- (indicatoren.md E.1.1), so these costs are missing from that year's total.
{{ dq_teller('E', 'kosten_jaar_ontbreekt',
    'Kosten van een afgelopen jaar met H1/H2-regels maar zonder jaarregel (per jaar, financiering en module): ontbreken in het jaartotaal van E.1.1',
    "select k.aanbieder_code from " ~ ref('stg_kosten') ~ " as k"
    ~ " inner join " ~ ref('stg_leveringen') ~ " as l on l.levering_id = k.levering_id"
    ~ " where make_date(k.jaar, 12, 31) <= l.peildatum"
    ~ " group by k.aanbieder_code, k.jaar, k.financiering, k.module"
    ~ " having count(*) filter (where k.periode in ('H1', 'H2')) > 0"
    ~ " and count(*) filter (where k.periode = 'jaar') = 0", per_regio=false) }}
