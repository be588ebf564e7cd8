-- D.2.4 / D.2.5 Inzet briefadressen: per region and period, one row per trajectory
-- (aanbieder_code, traject_id) with inzet rows for product Briefadres in the months of P
-- (maand = the month's first day, between p_start and p_end), with the sum of their uren.
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    i.aanbieder_code,
    i.traject_id,
    {{ exacte_som('i.uren') }} as uren,
    count(*) as aantal_regels
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.regio = p.regio
inner join {{ ref('stg_inzet') }} as i
    on i.aanbieder_code = ra.aanbieder_code
   and i.product = 'Briefadres'
   and i.maand between p.periode_start and p.periode_eind
group by all
