-- MO.6 Prestatielevering nachtopvang: per region and period, one row per day of P up to
-- min(p_end, the region's peildatum) with the occupied and contracted Nachtopvang places
-- that day (int_mo_6_bezetting_per_dag) and its month ('JJJJ-MM', the dimension maand).
-- A mean over these rows is person-days / days: per month the mean occupied places of
-- that month, over P the mean of P (each day weighs the same).
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    d.datum,
    d.maand,
    d.bezette_plekken,
    d.contract_plekken
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_mo_6_bezetting_per_dag') }} as d
    on d.regio = p.regio
   and d.datum between p.periode_start and least(p.periode_eind, p.regio_peildatum)
