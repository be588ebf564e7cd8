-- Tevredenheid rows of Housing First and Gezinsopvang persons (HF.4, GZ.5): per region
-- one row per tevredenheid row (levering_id, regel) of one of the region's providers and
-- doelgroep, when the row's client has a trajectory of that doelgroep at the same
-- provider that is active on the meetdatum (start <= meetdatum <= einddatum, open = still
-- running; the survey at the end of a trajectory counts). With two such trajectories the
-- latest-starting one counts (tie: highest traject_id). Rows without a client cannot be
-- attributed to a doelgroep and are not here. The row takes the dimensions of its
-- trajectory (int_hf_gz_trajecten: event = the trajectory's start).
select
    t.regio,
    t.doelgroep,
    r.aanbieder_code,
    r.levering_id,
    r.regel,
    t.traject_id,
    t.persoon_key,
    r.meetdatum,
    r.ervaren_stabiliteit,
    r.ervaren_veiligheid,
    t.gemeente_herkomst,
    t.leeftijdsgroep,
    t.geslacht
from {{ ref('stg_tevredenheid') }} as r
inner join {{ ref('int_hf_gz_trajecten') }} as t
    on t.aanbieder_code = r.aanbieder_code
   and t.client_pseudoniem = r.client_pseudoniem
   and {{ actief_in('t.startdatum', 't.einddatum', 'r.meetdatum', 'r.meetdatum') }}
qualify row_number() over (
    partition by t.regio, t.doelgroep, r.levering_id, r.regel
    order by t.startdatum desc, t.traject_id desc
) = 1
