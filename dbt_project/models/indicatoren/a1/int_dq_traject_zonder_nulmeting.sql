-- Data-quality counter traject_zonder_nulmeting (indicatoren.md §1 A.1): per region with
-- indicator family A and each of its providers with a delivery, the number of
-- trajectories (aanbieder_code, traject_id) that have ZRM measurements but no nulmeting;
-- they are left out of A.1.1 and A.1.1.a-d. One row per region and provider, also when 0.
with gevallen as (
    select aanbieder_code
    from {{ ref('int_zrm_metingen') }}
    group by aanbieder_code, traject_id
    having count(*) filter (where soort_meting = 'nulmeting') = 0
)
{{ dq_teller('A', 'traject_zonder_nulmeting',
    'Trajecten met ZRM-metingen maar zonder nulmeting: niet meegeteld in A.1.1 (zelfredzaamheid)', 'gevallen', per_regio=false) }}
