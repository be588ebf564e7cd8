{{ config(schema='marts') }}
-- MO.1 person-level list for the accounthouder export (indicatoren.md §5), published
-- with the marts: per region with family MO, period (every type), onderdeel, locatie and
-- person one row (fct_mo_1_verblijven). Pseudonymous: the person key only, no client id,
-- BSN or date of birth.
select
    f.regio,
    f.periode_type,
    f.periode_start,
    f.periode_eind,
    f.onderdeel,
    f.locatie,
    f.persoon_key,
    f.gemeente_herkomst,
    f.startdatum,
    f.maanden_verblijf,
    f.verblijfsduur,
    f.einddatum,
    f.uitstroomperspectief
from {{ ref('fct_mo_1_verblijven') }} as f
where exists (
    select 1
    from {{ source('config', 'regio_indicatorfamilies') }} as fam
    where fam.regio = f.regio
      and fam.familie = 'MO'
)
order by f.regio, f.periode_type, f.periode_start, f.onderdeel, f.locatie, f.persoon_key
