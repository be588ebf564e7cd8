-- Lookup keys of every gemeente (its CBS code and its name, see gemeente_sleutel()),
-- used by gemeente_code() to map delivered gemeente values to the CBS code.
select distinct
    {{ gemeente_sleutel('statcode') }} as sleutel,
    statcode as gemeentecode
from {{ ref('cbs_gemeenten') }}
union all
select distinct
    {{ gemeente_sleutel('statnaam') }} as sleutel,
    statcode as gemeentecode
from {{ ref('cbs_gemeenten') }}
