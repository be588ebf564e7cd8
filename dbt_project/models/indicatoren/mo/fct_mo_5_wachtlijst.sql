-- MO.5 Wachtlijsten C en D: per region and period, one row per person and voorziening on
-- the waiting list for onderdeel C (Doorstroomwoning) or D (Woonzorgconcept) on
-- min(p_end, peildatum) (int_wachtlijst_stand, as D.1.5). voorziening = the onderdeel's
-- label (seed mo_onderdelen). telt_persoon: one row per person (first voorziening label),
-- so that a person on both lists counts once in the total and once per list.
select
    w.regio,
    w.periode_type,
    w.periode_start,
    w.periode_eind,
    w.peilmoment,
    w.persoon_key,
    o.onderdeel as voorziening,
    w.datum_op,
    w.aanbieder_code,
    row_number() over (
        partition by w.regio, w.periode_type, w.periode_start, w.persoon_key
        order by o.onderdeel
    ) = 1 as telt_persoon
from {{ ref('int_wachtlijst_stand') }} as w
inner join {{ ref('mo_onderdelen') }} as o
    on o.woonvorm = w.voorziening
   and o.onderdeel_code in ('C', 'D')
