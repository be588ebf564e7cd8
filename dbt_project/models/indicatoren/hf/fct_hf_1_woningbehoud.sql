-- HF.1 Woningbehoud (indicatoren.md §3): per region and period one row per Housing First
-- trajectory active in P. woning_behouden = false only when the trajectory ended on or
-- before p_end with reden_einde `Huisuitzetting of woning verloren`; an eviction ending
-- after p_end still counts as kept in P.
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    t.aanbieder_code,
    t.traject_id,
    t.persoon_key,
    t.startdatum,
    t.einddatum,
    t.reden_einde,
    not coalesce(
        t.einddatum <= p.periode_eind and t.reden_einde = 'Huisuitzetting of woning verloren',
        false
    ) as woning_behouden,
    t.gemeente_herkomst,
    t.leeftijdsgroep,
    t.geslacht
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_hf_gz_trajecten') }} as t
    on t.regio = p.regio
   and t.doelgroep = 'Housing First'
   and {{ actief_in('t.startdatum', 't.einddatum', 'p.periode_start', 'p.periode_eind') }}
