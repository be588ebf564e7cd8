-- One row per ZRM measurement (zrm_metingen of the actuele deliveries) with its person
-- key: that of the measurement's own client record (int_clienten: the BSN pseudonym,
-- else the client pseudonym, as int_trajecten does). A trajectory is identified by
-- (aanbieder_code, traject_id); meting_id is unique within a provider's delivery.
select
    m.aanbieder_code,
    m.meting_id,
    m.traject_id,
    m.client_pseudoniem,
    coalesce(c.persoon_key, m.client_pseudoniem) as persoon_key,
    m.meetdatum,
    m.soort_meting,
    {{ zrm_leefgebieden() | join(',\n    ') }}
from {{ ref('stg_zrm_metingen') }} as m
left join {{ ref('int_clienten') }} as c
    on c.aanbieder_code = m.aanbieder_code
   and c.client_pseudoniem = m.client_pseudoniem
