-- Every gemeente (seed cbs_gemeenten, CBS 2024) plus 'Onbekend' for values that map to
-- no gemeente, so that every gemeente dimension value has a name.
select statcode as gemeentecode, statnaam as gemeentenaam
from {{ ref('cbs_gemeenten') }}
union all
select 'Onbekend', 'Onbekend'
