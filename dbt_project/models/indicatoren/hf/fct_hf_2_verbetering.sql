-- HF.2 Verbetering op >= 2 leefdomeinen binnen 12 maanden: per region and period one row
-- per Housing First trajectory whose nulmeting + 12 months (termijn_eind) lies in P
-- (int_hf_2_verbetering). openstaand: termijn_eind is after the region's peildatum, so a
-- measurement within the 12 months may still come; such trajectories are left out of the
-- indicator (not failures) and counted as pending.
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    v.* exclude (regio),
    v.termijn_eind > p.regio_peildatum as openstaand
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_hf_2_verbetering') }} as v
    on v.regio = p.regio
   and v.termijn_eind between p.periode_start and p.periode_eind
