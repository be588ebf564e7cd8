-- Per ZRM measurement and cluster (seed zrm_clusters): the cluster score = mean of the
-- measurement's non-empty scores on the cluster's leefgebieden; NULL when all of them are
-- empty (indicatoren.md §1 A.1). Every measurement gets a row for every cluster.
-- Leefgebieden marked alleen_met_schakelaar (justitie in A.1.1) count only when var
-- zrm_zelfredzamer_met_justitie is true (macro zrm_met_justitie). Computed on the wide
-- measurement row (macros zrm_clusters_breed, zrm_clusterscore, zrm_cluster_aantal_gescoord):
-- every measurement x cluster, no join or grouping over the long scores.
with clusters as (
    {{ zrm_clusters_breed() }}
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
    {{ zrm_clusterscore('m', 'c') }} as score,
    {{ zrm_cluster_aantal_gescoord('m', 'c') }} as aantal_gescoord
from {{ ref('int_zrm_metingen') }} as m
cross join clusters as c
