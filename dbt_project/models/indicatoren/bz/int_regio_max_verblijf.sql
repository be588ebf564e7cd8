-- The region's maximum stay per woonvorm (BZ.2): regios.yml `max_verblijf_dagen`
-- (config.regio_parameters, parameter max_verblijf_dagen, sleutel = woonvorm, waarde =
-- days). The sleutel is matched to code list woonvorm like a delivered code
-- (case-insensitive, trimmed). Data tests fail the build when a sleutel is no woonvorm or
-- a waarde is no whole number of days >= 0 (they would otherwise be ignored silently).
select
    r.regio,
    r.sleutel,
    r.waarde,
    c.waarde as woonvorm,
    case
        when regexp_full_match(trim(r.waarde), '[0-9]{1,6}') then cast(trim(r.waarde) as integer)
    end as max_verblijf_dagen
from {{ source('config', 'regio_parameters') }} as r
left join {{ ref('stg_codelijsten') }} as c
    on c.lijst = 'woonvorm'
   and c.sleutel = lower(trim(r.sleutel))
where r.parameter = 'max_verblijf_dagen'
