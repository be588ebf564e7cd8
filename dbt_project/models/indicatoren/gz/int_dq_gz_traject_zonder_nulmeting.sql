-- Data-quality counter gz_traject_zonder_nulmeting (GZ.4): per region with family GZ and
-- each of its providers that delivered, the Gezinsopvang trajectories whose 13 weeks have
-- passed at the region's peildatum (startdatum + 91 days <= peildatum) but that GZ.4
-- leaves out: no ZRM nulmeting, or no Zelfredzamer score at the nulmeting (not in
-- int_gz_4_ontwikkeling). Also 0.
with gevallen as (
    select t.regio, t.aanbieder_code
    from {{ ref('int_hf_gz_trajecten') }} as t
    inner join {{ ref('int_regio_peildatum') }} as r
        on r.regio = t.regio
    where t.doelgroep = 'Gezinsopvang'
      and t.startdatum + 91 <= r.peildatum
      and not exists (
          select 1
          from {{ ref('int_gz_4_ontwikkeling') }} as o
          where o.regio = t.regio
            and o.aanbieder_code = t.aanbieder_code
            and o.traject_id = t.traject_id
      )
)
{{ dq_teller('GZ', 'gz_traject_zonder_nulmeting',
    'Gezinsopvang-trajecten van ten minste 13 weken zonder ZRM-nulmeting (of zonder Zelfredzamer-score daarin): niet meegeteld in GZ.4 (positieve ontwikkeling)', 'gevallen') }}
