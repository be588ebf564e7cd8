-- Per ZRM measurement and cluster (seed zrm_clusters): the cluster score = mean of the
-- measurement's non-empty scores on the cluster's leefgebieden; NULL when all of them are
-- empty (indicatoren.md §1 A.1). Every measurement gets a row for every cluster.
-- Leefgebieden marked alleen_met_schakelaar (justitie in A.1.1) count only when var
-- zrm_zelfredzamer_met_justitie is true (macro zrm_met_justitie).
with leefgebieden as (
    select cluster_code, cluster_naam, leefgebied
    from {{ ref('zrm_clusters') }}
    where not alleen_met_schakelaar
       or {{ zrm_met_justitie() }}
),
clusters as (
    select cluster_code, min(cluster_naam) as cluster_naam
    from leefgebieden
    group by cluster_code
)
select
    m.aanbieder_code,
    m.meting_id,
    m.traject_id,
    m.persoon_key,
    m.meetdatum,
    m.soort_meting,
    c.cluster_code,
    c.cluster_naam,
    avg(s.score) as score,
    count(s.score) as aantal_gescoord
from {{ ref('int_zrm_metingen') }} as m
cross join clusters as c
left join (
    select l.cluster_code, s.aanbieder_code, s.meting_id, s.score
    from leefgebieden as l
    inner join {{ ref('int_zrm_scores') }} as s
        on s.leefgebied = l.leefgebied
) as s
    on s.cluster_code = c.cluster_code
   and s.aanbieder_code = m.aanbieder_code
   and s.meting_id = m.meting_id
group by all
