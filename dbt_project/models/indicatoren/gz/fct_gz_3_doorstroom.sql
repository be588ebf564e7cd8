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
        t.*,
        t.einddatum - t.startdatum as verblijfsdagen,
        coalesce(m.max_verblijf_dagen, 182) as maximum_dagen,
        t.einddatum - t.startdatum <= coalesce(m.max_verblijf_dagen, 182) as binnen_termijn,
        coalesce(
            t.uitstroom_ggd in ('zelfstandig wonen', 'begeleid wonen', 'beschermd wonen')
            or t.reden_einde = 'Doorverwezen',
            false
        ) as doorgestroomd
    from (
        {{ per_periode(ref('int_hf_gz_trajecten'),
            "r.doelgroep = 'Gezinsopvang' and r.einddatum between p.periode_start and p.periode_eind") }}
    ) as t
    left join {{ ref('int_regio_max_verblijf') }} as m
        on m.regio = t.regio
       and m.woonvorm = 'Gezinsopvangwoning'
)
select
    *,
    binnen_termijn and doorgestroomd as op_tijd_doorgestroomd
from beeindigd
