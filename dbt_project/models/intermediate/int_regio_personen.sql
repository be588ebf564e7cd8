-- One row per region and person seen by one of the region's providers. aanmaakdatum is
-- the earliest aanmaakdatum of the person's client records at the region's providers
-- (a person known to another provider of the region is not 'Nieuw').
select
    ra.regio,
    c.persoon_key,
    min(c.aanmaakdatum) as aanmaakdatum,
    any_value(p.geboortedatum) as geboortedatum,
    any_value(p.geslacht) as geslacht
from {{ ref('int_clienten') }} as c
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.aanbieder_code = c.aanbieder_code
inner join {{ ref('int_personen') }} as p
    on p.persoon_key = c.persoon_key
group by ra.regio, c.persoon_key
