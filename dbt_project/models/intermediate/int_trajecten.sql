-- Trajectories of the actuele deliveries with person key, the fields of their linked
-- aanmelding (trajecten.aanmelding_id within the same provider) and the GGD category of
-- uitstroom_woonvorm (seed uitstroom_ggd).
select
    t.aanbieder_code,
    t.traject_id,
    t.client_pseudoniem,
    coalesce(c.persoon_key, t.client_pseudoniem) as persoon_key,
    t.doelgroep,
    t.systeemcasus,
    t.aantal_kinderen,
    t.startdatum,
    t.einddatum,
    t.reden_einde,
    t.gemeente_opvang,
    t.uitstroom_woonvorm,
    g.ggd_categorie as uitstroom_ggd,
    t.uitstroom_gemeente,
    t.uitstroomperspectief,
    t.aanmelding_id,
    a.aanmelding_id is not null as aanmelding_gevonden,
    a.aanmeldingsdatum,
    a.gemeente_herkomst,
    a.reden_aanmelding,
    a.hoofdprobleem,
    a.oorzaak_instroom
from {{ ref('stg_trajecten') }} as t
left join {{ ref('int_clienten') }} as c
    on c.aanbieder_code = t.aanbieder_code
   and c.client_pseudoniem = t.client_pseudoniem
left join {{ ref('int_aanmeldingen') }} as a
    on a.aanbieder_code = t.aanbieder_code
   and a.aanmelding_id = t.aanmelding_id
left join {{ ref('uitstroom_ggd') }} as g
    on g.uitstroom_woonvorm = t.uitstroom_woonvorm
