-- B.1 tijdigheid: one row per region and aanmelding of one of the region's providers, with
-- the dates B.1.1 and B.1.2 measure and whether each was on time (indicatoren.md §1).
--   intake_datum     datum_aanvullend_vragenformulier, else the earliest mijlpaal
--                    'aanvullend vragenformulier' of a trajectory of that aanmelding
--                    (trajecten.aanmelding_id, same provider)
--   actieplan_datum  datum_eerste_actieplan, else the earliest mijlpaal 'eerste actieplan'
--                    of a trajectory of that aanmelding
--   intake_op_tijd   no intake date: false; intake before the aanmelding: true (flagged);
--                    else werkdagen d with aanmeldingsdatum < d <= intake_datum <= 1
--                    (dim_kalender; a date outside the calendar: false, flagged)
--   actieplan_op_tijd  actieplan_datum - aanmeldingsdatum <= 14 days (NULL without date)
with mijlpalen as (
    select
        t.aanbieder_code,
        t.aanmelding_id,
        min(m.datum) filter (where m.mijlpaal = 'aanvullend vragenformulier') as eerste_vragenformulier,
        min(m.datum) filter (where m.mijlpaal = 'eerste actieplan') as eerste_actieplan
    from {{ ref('stg_mijlpalen') }} as m
    inner join {{ ref('int_trajecten') }} as t
        on t.aanbieder_code = m.aanbieder_code
       and t.traject_id = m.traject_id
    where t.aanmelding_id is not null
    group by t.aanbieder_code, t.aanmelding_id
),
datums as (
    select
        {{ aanmelding_velden('a') }},
        coalesce(a.datum_aanvullend_vragenformulier, m.eerste_vragenformulier) as intake_datum,
        case
            when a.datum_aanvullend_vragenformulier is not null then 'aanmelding'
            when m.eerste_vragenformulier is not null then 'mijlpaal'
        end as intake_bron,
        coalesce(a.datum_eerste_actieplan, m.eerste_actieplan) as actieplan_datum,
        case
            when a.datum_eerste_actieplan is not null then 'aanmelding'
            when m.eerste_actieplan is not null then 'mijlpaal'
        end as actieplan_bron
    from {{ ref('int_aanmeldingen') }} as a
    left join mijlpalen as m
        on m.aanbieder_code = a.aanbieder_code
       and m.aanmelding_id = a.aanmelding_id
),
gemeten as (
    select
        d.*,
        {{ werkdagen_tussen('d.aanmeldingsdatum', 'd.intake_datum') }} as werkdagen_tot_intake,
        coalesce(d.intake_datum < d.aanmeldingsdatum, false) as intake_voor_aanmelding,
        datediff('day', d.aanmeldingsdatum, d.actieplan_datum) as dagen_tot_actieplan,
        coalesce(d.actieplan_datum < d.aanmeldingsdatum, false) as actieplan_voor_aanmelding
    from datums as d
),
beoordeeld as (
    select
        ra.regio,
        g.*,
        g.intake_datum is not null
            and not g.intake_voor_aanmelding
            and g.werkdagen_tot_intake is null as intake_buiten_kalender,
        case
            when g.intake_datum is null then false
            when g.intake_voor_aanmelding then true
            else coalesce(g.werkdagen_tot_intake <= 1, false)
        end as intake_op_tijd,
        g.dagen_tot_actieplan <= 14 as actieplan_op_tijd
    from gemeten as g
    inner join {{ ref('int_regio_aanbieders') }} as ra
        on ra.aanbieder_code = g.aanbieder_code
)
{{ met_persoonskenmerken('beoordeeld') }}
