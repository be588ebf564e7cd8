-- The contract's code lists with the lookup key used by normaliseer_code().
select
    lijst,
    waarde,
    volgorde,
    lower(trim(waarde)) as sleutel
from {{ source('config', 'codelijsten') }}
