-- BZ.1 Bezetting: per region, period and locatie (aanbieder_code, locatie_id of the
-- region's voorzieningen) valid or occupied in P:
--   bezette_dagen     person-days of woonvorm periods at the locatie within P: per period
--                     the days d with start <= d <= end (both inclusive, open end = still
--                     there) and p_start <= d <= meet_eind
--   capaciteitsdagen  sum over the locatie's voorzieningen rows of capaciteit x the days of
--                     P (up to meet_eind) within [geldig_van, geldig_tot]
-- meet_eind = min(p_end, the region's peildatum): the data end at the peildatum, so both
-- sides stop there (for complete periods meet_eind = p_end). Days of a stay outside the
-- locatie's validity count as occupied (indicatoren.md §2) and on the data-quality page.
with perioden as (
    select
        regio,
        periode_type,
        periode_start,
        periode_eind,
        least(periode_eind, regio_peildatum) as meet_eind
    from {{ ref('dim_periode') }}
),
locaties as (
    select distinct regio, aanbieder_code, locatie_id, locatie, naam, soort
    from {{ ref('int_regio_voorzieningen') }}
),
capaciteit as (
    select
        p.regio,
        p.periode_type,
        p.periode_start,
        v.aanbieder_code,
        v.locatie_id,
        sum(
            v.capaciteit
            * (least(coalesce(v.geldig_tot, p.meet_eind), p.meet_eind) - greatest(v.geldig_van, p.periode_start) + 1)
        ) as capaciteitsdagen
    from perioden as p
    inner join {{ ref('int_regio_voorzieningen') }} as v
        on v.regio = p.regio
       and {{ actief_in('v.geldig_van', 'v.geldig_tot', 'p.periode_start', 'p.meet_eind') }}
    group by all
),
bezetting as (
    select
        p.regio,
        p.periode_type,
        p.periode_start,
        w.aanbieder_code,
        w.locatie_id,
        sum(
            least(coalesce(w.einddatum, p.meet_eind), p.meet_eind) - greatest(w.startdatum, p.periode_start) + 1
        ) as bezette_dagen,
        count(*) as aantal_perioden,
        count(distinct w.persoon_key) as aantal_personen
    from perioden as p
    inner join {{ ref('int_regio_woonvorm_perioden') }} as w
        on w.regio = p.regio
       and w.locatie_bekend
       and {{ actief_in('w.startdatum', 'w.einddatum', 'p.periode_start', 'p.meet_eind') }}
    group by all
)
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    p.meet_eind,
    l.aanbieder_code,
    l.locatie_id,
    l.locatie,
    l.naam,
    l.soort,
    cast(coalesce(b.bezette_dagen, 0) as bigint) as bezette_dagen,
    cast(coalesce(c.capaciteitsdagen, 0) as bigint) as capaciteitsdagen,
    coalesce(b.aantal_perioden, 0) as aantal_perioden,
    coalesce(b.aantal_personen, 0) as aantal_personen
from perioden as p
inner join locaties as l
    on l.regio = p.regio
left join capaciteit as c
    on c.regio = p.regio
   and c.periode_type = p.periode_type
   and c.periode_start = p.periode_start
   and c.aanbieder_code = l.aanbieder_code
   and c.locatie_id = l.locatie_id
left join bezetting as b
    on b.regio = p.regio
   and b.periode_type = p.periode_type
   and b.periode_start = p.periode_start
   and b.aanbieder_code = l.aanbieder_code
   and b.locatie_id = l.locatie_id
where c.capaciteitsdagen is not null
   or b.bezette_dagen is not null
