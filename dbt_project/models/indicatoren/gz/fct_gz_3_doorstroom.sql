-- GZ.3 Doorstroom binnen de maximale termijn (indicatoren.md §4): per region and period
-- one row per Gezinsopvang trajectory with einddatum in P.
--   maximum_dagen      the region's max_verblijf_dagen for `Gezinsopvangwoning`
--                      (regios.yml), else 182
--   binnen_termijn     einddatum - startdatum <= maximum_dagen
--   doorgestroomd      uitstroom_ggd (seed uitstroom_ggd) is zelfstandig wonen, begeleid
--                      wonen or beschermd wonen, or reden_einde is `Doorverwezen`
--   op_tijd_doorgestroomd  binnen_termijn and doorgestroomd (the term applies to both)
with beeindigd as (
    select
        p.regio,
        p.periode_type,
        p.periode_start,
        p.periode_eind,
        t.aanbieder_code,
        t.traject_id,
        t.persoon_key,
        t.startdatum,
        t.einddatum,
        t.einddatum - t.startdatum as verblijfsdagen,
        t.reden_einde,
        t.uitstroom_woonvorm,
        t.uitstroom_ggd,
        coalesce(m.max_verblijf_dagen, 182) as maximum_dagen,
        t.einddatum - t.startdatum <= coalesce(m.max_verblijf_dagen, 182) as binnen_termijn,
        coalesce(
            t.uitstroom_ggd in ('zelfstandig wonen', 'begeleid wonen', 'beschermd wonen')
            or t.reden_einde = 'Doorverwezen',
            false
        ) as doorgestroomd,
        t.gemeente_herkomst,
        t.leeftijdsgroep,
        t.geslacht
    from {{ ref('dim_periode') }} as p
    inner join {{ ref('int_hf_gz_trajecten') }} as t
        on t.regio = p.regio
       and t.doelgroep = 'Gezinsopvang'
       and t.einddatum between p.periode_start and p.periode_eind
    left join {{ ref('int_regio_max_verblijf') }} as m
        on m.regio = p.regio
       and m.woonvorm = 'Gezinsopvangwoning'
)
select
    *,
    binnen_termijn and doorgestroomd as op_tijd_doorgestroomd
from beeindigd
