-- Data-quality counter tevredenheid_zonder_doelgroep (HF.4, GZ.5): per region with family
-- HF and each of its providers that delivered, the tevredenheid rows of that provider that
-- belong to no Housing First or Gezinsopvang trajectory (int_hf_gz_tevredenheid): rows
-- without a client, or whose client has no such trajectory running on the meetdatum.
-- They are in neither HF.4 nor GZ.5. Also 0.
with gevallen as (
    select ra.regio, r.aanbieder_code
    from {{ ref('stg_tevredenheid') }} as r
    inner join {{ ref('int_regio_aanbieders') }} as ra
        on ra.aanbieder_code = r.aanbieder_code
    where not exists (
        select 1
        from {{ ref('int_hf_gz_tevredenheid') }} as h
        where h.regio = ra.regio
          and h.levering_id = r.levering_id
          and h.regel = r.regel
    )
)
{{ dq_teller('HF', 'tevredenheid_zonder_doelgroep',
    'Tevredenheidsregels zonder cliënt of zonder lopend Housing First- of gezinsopvangtraject op de meetdatum: niet meegeteld in HF.4 en GZ.5', 'gevallen') }}
