-- BZ.2 Verblijfsduur, ended stays: per region and period, one row per stay (one woonvorm
-- period whose woonvorm is a stay, seed verblijfsvormen) of the region's providers whose
-- einddatum lies in P, with its length einddatum - startdatum in days. soort = woonvorm.
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    w.periode_key,
    w.aanbieder_code,
    w.persoon_key,
    w.woonvorm as soort,
    w.locatie_id,
    w.startdatum,
    w.einddatum,
    w.einddatum - w.startdatum as verblijfsdagen
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_regio_woonvorm_perioden') }} as w
    on w.regio = p.regio
   and w.telt_als_verblijf
   and w.einddatum between p.periode_start and p.periode_eind
