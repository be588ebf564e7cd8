-- Every loaded delivery; is_actueel marks the latest delivery of each provider
-- (latest leverdatum, then peildatum, then geladen_op; levering_id as last tie-break).
select
    levering_id,
    aanbieder_code,
    aanbieder_naam,
    leverdatum,
    peildatum,
    spec_versie,
    bron,
    bronvorm,
    inhoud_hash,
    geladen_op,
    row_number() over (
        partition by aanbieder_code
        order by leverdatum desc, peildatum desc, geladen_op desc, levering_id desc
    ) = 1 as is_actueel
from {{ source('raw', 'leveringen') }}
