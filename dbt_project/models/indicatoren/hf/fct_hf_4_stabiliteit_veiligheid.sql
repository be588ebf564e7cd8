-- HF.4 Stabiliteit en veiligheid (indicatoren.md §3): per region and period one row per
-- tevredenheid row of a Housing First person (int_hf_gz_tevredenheid) with meetdatum in
-- P. beantwoord: both ervaren_stabiliteit and ervaren_veiligheid are answered (rows with
-- one or both missing are left out of the indicator); stabiel_en_veilig: both `ja`.
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    r.* exclude (regio, doelgroep),
    r.ervaren_stabiliteit is not null and r.ervaren_veiligheid is not null as beantwoord,
    r.ervaren_stabiliteit and r.ervaren_veiligheid as stabiel_en_veilig
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_hf_gz_tevredenheid') }} as r
    on r.regio = p.regio
   and r.doelgroep = 'Housing First'
   and r.meetdatum between p.periode_start and p.periode_eind
