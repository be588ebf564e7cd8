-- One row per client record (aanbieder_code, client_pseudoniem) of the actuele
-- deliveries, with its person key: the BSN pseudonym when present (valid BSN), else the
-- client pseudonym (aanlevering.md §3).
select
    c.aanbieder_code,
    c.client_pseudoniem,
    coalesce(c.bsn_pseudoniem, c.client_pseudoniem) as persoon_key,
    c.bsn_pseudoniem,
    c.bsn_elfproef_ongeldig,
    c.geboortedatum,
    c.geslacht,
    c.aanmaakdatum,
    l.peildatum as levering_peildatum
from {{ ref('stg_clienten') }} as c
inner join {{ ref('stg_leveringen') }} as l
    on l.levering_id = c.levering_id
