-- HF.1 Woningbehoud (indicatoren.md §3): per region and period one row per Housing First
-- trajectory active in P. woning_behouden = false only when the trajectory ended on or
-- before p_end with reden_einde `Huisuitzetting of woning verloren`; an eviction ending
-- after p_end still counts as kept in P.
select
    *,
    not coalesce(
        einddatum <= periode_eind and reden_einde = 'Huisuitzetting of woning verloren',
        false
    ) as woning_behouden
from (
    {{ per_periode(ref('int_hf_gz_trajecten'),
        "r.doelgroep = 'Housing First' and " ~ actief_in('r.startdatum', 'r.einddatum', 'p.periode_start', 'p.periode_eind')) }}
)
