-- ZRM scores long: one row per measurement x leefgebied with a non-empty score (UNPIVOT
-- drops the empty ones). The leefgebieden are the score columns of zrm_metingen
-- (macro zrm_leefgebieden).
select
    aanbieder_code,
    meting_id,
    traject_id,
    persoon_key,
    meetdatum,
    soort_meting,
    leefgebied,
    score
from (
    unpivot (
        select
            aanbieder_code, meting_id, traject_id, persoon_key, meetdatum, soort_meting,
            {{ zrm_leefgebieden() | join(', ') }}
        from {{ ref('int_zrm_metingen') }}
    )
    on {{ zrm_leefgebieden() | join(', ') }}
    into name leefgebied value score
)
