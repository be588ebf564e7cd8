-- Per region the woonvorm periods of its providers (int_woonvorm_perioden), with whether
-- the woonvorm is a stay for BZ.2 (seed verblijfsvormen) and whether the period's
-- locatie_id is a locatie in the provider's voorzieningen (BZ.1).
with locaties as (
    select distinct regio, aanbieder_code, locatie_id
    from {{ ref('int_regio_voorzieningen') }}
)
select
    ra.regio,
    w.periode_key,
    w.aanbieder_code,
    w.persoon_key,
    w.traject_id,
    w.woonvorm,
    w.locatie_id,
    w.startdatum,
    w.einddatum,
    coalesce(v.telt_als_verblijf, false) as telt_als_verblijf,
    l.locatie_id is not null as locatie_bekend
from {{ ref('int_woonvorm_perioden') }} as w
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.aanbieder_code = w.aanbieder_code
left join {{ ref('verblijfsvormen') }} as v
    on v.woonvorm = w.woonvorm
left join locaties as l
    on l.regio = ra.regio
   and l.aanbieder_code = w.aanbieder_code
   and l.locatie_id = w.locatie_id
