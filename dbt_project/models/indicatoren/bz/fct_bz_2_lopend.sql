-- BZ.2 Verblijfsduur, running stays: per region and period, one row per stay (woonvorm
-- period whose woonvorm is a stay) of the region's providers still running on
-- peilmoment d = min(p_end, the region's peildatum): startdatum <= d and (einddatum empty
-- or einddatum > d); a stay ending on d has ended (it is counted among the ended stays).
-- verblijfsdagen = d - startdatum; boven_maximum when that exceeds the region's maximum for
-- the woonvorm (int_regio_max_verblijf; exactly the maximum is not over it). A woonvorm
-- without a configured maximum is never boven_maximum (max_verblijf_dagen NULL).
with lopend as (
    select
        p.regio,
        p.periode_type,
        p.periode_start,
        p.periode_eind,
        least(p.periode_eind, p.regio_peildatum) as peilmoment,
        w.periode_key,
        w.aanbieder_code,
        w.persoon_key,
        w.woonvorm as soort,
        w.locatie_id,
        w.startdatum,
        w.einddatum
    from {{ ref('dim_periode') }} as p
    inner join {{ ref('int_regio_woonvorm_perioden') }} as w
        on w.regio = p.regio
       and w.telt_als_verblijf
       and w.startdatum <= least(p.periode_eind, p.regio_peildatum)
       and (w.einddatum is null or w.einddatum > least(p.periode_eind, p.regio_peildatum))
)
select
    l.*,
    l.peilmoment - l.startdatum as verblijfsdagen,
    m.max_verblijf_dagen,
    coalesce(l.peilmoment - l.startdatum > m.max_verblijf_dagen, false) as boven_maximum
from lopend as l
left join {{ ref('int_regio_max_verblijf') }} as m
    on m.regio = l.regio
   and m.woonvorm = l.soort
