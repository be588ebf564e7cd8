-- ZRM scores long: one row per measurement x leefgebied with a non-empty score (UNPIVOT
-- drops the empty ones). The leefgebieden are the score columns of zrm_metingen
-- (macro zrm_leefgebieden). Only the measurement's key is carried (aanbieder_code,
-- meting_id): its other columns are in int_zrm_metingen, one row per measurement instead
-- of one per score.
select
    aanbieder_code,
    meting_id,
    leefgebied,
    score
from (
    unpivot (
        select
            aanbieder_code, meting_id,
            {{ zrm_leefgebieden() | join(', ') }}
        from {{ ref('int_zrm_metingen') }}
    )
    on {{ zrm_leefgebieden() | join(', ') }}
    into name leefgebied value score
)
