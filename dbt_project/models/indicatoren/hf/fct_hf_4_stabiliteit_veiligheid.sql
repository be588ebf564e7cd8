-- HF.4 Stabiliteit en veiligheid (indicatoren.md §3): per region and period one row per
-- tevredenheid row of a Housing First person (int_hf_gz_tevredenheid) with meetdatum in
-- P. beantwoord: both ervaren_stabiliteit and ervaren_veiligheid are answered (rows with
-- one or both missing are left out of the indicator); stabiel_en_veilig: both `ja`.
select
    *,
    ervaren_stabiliteit is not null and ervaren_veiligheid is not null as beantwoord,
    ervaren_stabiliteit and ervaren_veiligheid as stabiel_en_veilig
from (
    {{ per_periode(ref('int_hf_gz_tevredenheid'),
        "r.doelgroep = 'Housing First' and r.meetdatum between p.periode_start and p.periode_eind") }}
)
