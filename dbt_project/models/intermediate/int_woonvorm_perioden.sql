-- Woonvorm periods of the actuele deliveries with person key and their trajectory: the
-- delivered traject_id, else (traject_id empty) the same client's trajectory at the same
-- provider running on the period's startdatum (latest-starting one; traject_afgeleid).
-- periode_key = levering_id:regel identifies the delivered row.
with perioden as (
    select
        w.levering_id || ':' || w.regel as periode_key,
        w.aanbieder_code,
        w.levering_id,
        w.regel,
        w.client_pseudoniem,
        coalesce(c.persoon_key, w.client_pseudoniem) as persoon_key,
        w.traject_id as traject_id_geleverd,
        w.woonvorm,
        w.locatie_id,
        w.startdatum,
        w.einddatum
    from {{ ref('stg_woonvormen') }} as w
    left join {{ ref('int_clienten') }} as c
        on c.aanbieder_code = w.aanbieder_code
       and c.client_pseudoniem = w.client_pseudoniem
),
afgeleid as (
    select
        p.periode_key,
        t.traject_id
    from perioden as p
    inner join {{ ref('int_trajecten') }} as t
        on t.aanbieder_code = p.aanbieder_code
       and t.client_pseudoniem = p.client_pseudoniem
       and {{ actief_in('t.startdatum', 't.einddatum', 'p.startdatum', 'p.startdatum') }}
    where p.traject_id_geleverd is null
    qualify row_number() over (
        partition by p.periode_key
        order by t.startdatum desc, t.traject_id
    ) = 1
)
select
    p.periode_key,
    p.aanbieder_code,
    p.levering_id,
    p.regel,
    p.client_pseudoniem,
    p.persoon_key,
    p.woonvorm,
    p.locatie_id,
    p.startdatum,
    p.einddatum,
    coalesce(p.traject_id_geleverd, a.traject_id) as traject_id,
    p.traject_id_geleverd is null and a.traject_id is not null as traject_afgeleid,
    t.traject_id is not null as traject_gevonden,
    t.doelgroep,
    t.systeemcasus,
    t.startdatum as traject_startdatum,
    t.einddatum as traject_einddatum,
    t.reden_einde,
    t.gemeente_opvang,
    t.uitstroom_woonvorm,
    t.uitstroom_ggd,
    t.uitstroom_gemeente,
    t.aanmelding_id,
    coalesce(t.aanmelding_gevonden, false) as aanmelding_gevonden,
    t.gemeente_herkomst,
    t.reden_aanmelding,
    t.hoofdprobleem,
    t.oorzaak_instroom
from perioden as p
left join afgeleid as a
    on a.periode_key = p.periode_key
left join {{ ref('int_trajecten') }} as t
    on t.aanbieder_code = p.aanbieder_code
   and t.traject_id = coalesce(p.traject_id_geleverd, a.traject_id)
