-- Who is on a waiting list at the end of each period (D.1.5, and MO.5 per voorziening):
-- per region, period (dim_periode), voorziening and person, the persons with a wachtlijst
-- row at one of the region's providers with datum_op <= d and (datum_af empty or
-- datum_af > d), on d = peilmoment = min(p_end, the region's peildatum) (§0: point-in-time
-- figures). Taken off on d itself = no longer on the list. A person on the list at two
-- providers (or twice) counts once per voorziening: the earliest datum_op, and the
-- provider of that row (tie: first aanbieder_code).
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    least(p.periode_eind, p.regio_peildatum) as peilmoment,
    coalesce(w.voorziening, 'Onbekend') as voorziening,
    coalesce(c.persoon_key, w.client_pseudoniem) as persoon_key,
    min(w.datum_op) as datum_op,
    arg_min(w.aanbieder_code, (w.datum_op, w.aanbieder_code)) as aanbieder_code,
    count(*) as aantal_regels
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.regio = p.regio
inner join {{ ref('stg_wachtlijst') }} as w
    on w.aanbieder_code = ra.aanbieder_code
   and w.datum_op <= least(p.periode_eind, p.regio_peildatum)
   and (w.datum_af is null or w.datum_af > least(p.periode_eind, p.regio_peildatum))
left join {{ ref('int_clienten') }} as c
    on c.aanbieder_code = w.aanbieder_code
   and c.client_pseudoniem = w.client_pseudoniem
group by all
