-- A total row has dimensie = '' and dimensie_waarde = ''; a dimension row has both filled.
select *
from {{ ref('indicatoren') }}
where (dimensie = '') <> (dimensie_waarde = '')
