-- Data quality per delivery: every delivery of stg_leveringen (all loaded deliveries, not
-- only the actuele ones; with var tot_geladen_op those loaded up to that moment) × every
-- contract file, with the reconciliation of raw.leverbestanden (rows read / loaded /
-- quarantined). Long format: one row per delivery and contract file, absent files too
-- (aanwezig = false, 0 rows). A delivery without file rows keeps one row with bestand NULL.
-- No person-level data: this mart is published.
select
    l.levering_id,
    l.aanbieder_code,
    l.aanbieder_naam,
    l.leverdatum,
    l.peildatum,
    l.is_actueel,
    l.geladen_op,
    l.bronvorm,
    b.bestand,
    b.aanwezig,
    b.rijen_gelezen,
    b.rijen_geladen,
    b.rijen_quarantaine,
    b.rijen_gelezen = b.rijen_geladen + b.rijen_quarantaine as reconciliatie_klopt
from {{ ref('stg_leveringen') }} as l
left join {{ source('raw', 'leverbestanden') }} as b
    on b.levering_id = l.levering_id
