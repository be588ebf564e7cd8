-- Aanmeldingen of the actuele deliveries with the person key of their client (the client
-- pseudonym when the client is missing from clienten).
select
    a.aanbieder_code,
    a.aanmelding_id,
    a.client_pseudoniem,
    coalesce(c.persoon_key, a.client_pseudoniem) as persoon_key,
    a.aanmeldingsdatum,
    a.gemeente_herkomst,
    a.reden_aanmelding,
    a.hoofdprobleem,
    a.oorzaak_instroom,
    a.datum_aanvullend_vragenformulier,
    a.datum_eerste_actieplan
from {{ ref('stg_aanmeldingen') }} as a
left join {{ ref('int_clienten') }} as c
    on c.aanbieder_code = a.aanbieder_code
   and c.client_pseudoniem = a.client_pseudoniem
