-- Data-quality counter hf_traject_zonder_nulmeting (HF.2): per region with family HF and
-- each of its providers that delivered, the Housing First trajectories without a ZRM
-- nulmeting (not in int_zrm_paren); HF.2 leaves them out. Also 0.
with gevallen as (
    select t.regio, t.aanbieder_code
    from {{ ref('int_hf_gz_trajecten') }} as t
    where t.doelgroep = 'Housing First'
      and not exists (
          select 1
          from {{ ref('int_zrm_paren') }} as z
          where z.aanbieder_code = t.aanbieder_code
            and z.traject_id = t.traject_id
      )
)
{{ dq_teller('HF', 'hf_traject_zonder_nulmeting',
    'Housing First-trajecten zonder (of nog zonder) ZRM-nulmeting: niet meegeteld in HF.2 (verbetering op leefdomeinen)', 'gevallen') }}
