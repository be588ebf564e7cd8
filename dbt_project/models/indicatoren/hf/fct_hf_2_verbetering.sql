-- HF.2 Verbetering op >= 2 leefdomeinen binnen 12 maanden: per region and period one row
-- per Housing First trajectory whose nulmeting + 12 months (termijn_eind) lies in P
-- (int_hf_2_verbetering). openstaand: termijn_eind is after the region's peildatum, so a
-- measurement within the 12 months may still come; such trajectories are left out of the
-- indicator (not failures) and counted as pending.
select
    *,
    termijn_eind > regio_peildatum as openstaand
from (
    {{ per_periode(ref('int_hf_2_verbetering'), 'r.termijn_eind between p.periode_start and p.periode_eind') }}
)
