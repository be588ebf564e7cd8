-- MO.2 Screening binnen 24 uur: one row per region and aanmelding of one of the region's
-- providers, with
--   eerste_screening   the earliest mijlpaal `screening` of the same person (any of the
--                      region's providers, any trajectory) dated on or after the
--                      aanmeldingsdatum
--   screening_op_tijd  eerste_screening on the aanmeldingsdatum or the calendar day after
--   openstaand         the day after the aanmeldingsdatum lies after the region's
--                      peildatum: the term has not passed, so the aanmelding is left out
--                      of MO.2 (pending, not a failure), whatever its outcome
-- and the aanmelding's own fields and the person's attributes for aanmelding_feiten.
with screenings as (
    select
        ra.regio,
        coalesce(c.persoon_key, m.client_pseudoniem) as persoon_key,
        m.datum
    from {{ ref('stg_mijlpalen') }} as m
    inner join {{ ref('int_regio_aanbieders') }} as ra
        on ra.aanbieder_code = m.aanbieder_code
    left join {{ ref('int_clienten') }} as c
        on c.aanbieder_code = m.aanbieder_code
       and c.client_pseudoniem = m.client_pseudoniem
    where m.mijlpaal = 'screening'
),
aanmeldingen as (
    select
        ra.regio,
        {{ aanmelding_velden('a') }},
        r.peildatum as regio_peildatum
    from {{ ref('int_aanmeldingen') }} as a
    inner join {{ ref('int_regio_aanbieders') }} as ra
        on ra.aanbieder_code = a.aanbieder_code
    inner join {{ ref('int_regio_peildatum') }} as r
        on r.regio = ra.regio
),
gescreend as (
    select
        a.regio,
        a.aanbieder_code,
        a.aanmelding_id,
        min(s.datum) as eerste_screening
    from aanmeldingen as a
    inner join screenings as s
        on s.regio = a.regio
       and s.persoon_key = a.persoon_key
       and s.datum >= a.aanmeldingsdatum
    group by all
),
beoordeeld as (
    select
        a.*,
        g.eerste_screening,
        coalesce(g.eerste_screening <= a.aanmeldingsdatum + 1, false) as screening_op_tijd,
        a.aanmeldingsdatum + 1 > a.regio_peildatum as openstaand
    from aanmeldingen as a
    left join gescreend as g
        on g.regio = a.regio
       and g.aanbieder_code = a.aanbieder_code
       and g.aanmelding_id = a.aanmelding_id
)
{{ met_persoonskenmerken('beoordeeld') }}
