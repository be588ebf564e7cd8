{{ config(meta={'dagster': {'ref': {'name': 'uitstroom_ggd'}}}) }}
-- The seed uitstroom_ggd maps exactly the values of code list uitstroom_woonvorm
-- (config.codelijsten): returns values missing on either side.
with lijst as (
    select waarde from {{ source('config', 'codelijsten') }} where lijst = 'uitstroom_woonvorm'
)
select l.waarde as codelijst, s.uitstroom_woonvorm as seed
from lijst as l
full outer join {{ ref('uitstroom_ggd') }} as s
    on s.uitstroom_woonvorm = l.waarde
where l.waarde is null or s.uitstroom_woonvorm is null
