-- A.1.1, A.1.1.a-d Bevorderen zelfredzaamheid (ZRM; indicatoren.md §1 A.1): per region,
-- period, variant (kort, lang), person and cluster one row.
-- A trajectory (int_zrm_paren) counts in P for a variant when that variant's measurement
-- (kort: the first tussenmeting after the nulmeting; lang: the latest eindmeting) is dated
-- in P. Only trajectories at the region's providers. A person with several such
-- trajectories in P counts once, with the one whose measurement is the latest (tie: the
-- later nulmeting, then first aanbieder_code, then first traject_id).
-- verbeterd = cluster score at that measurement > cluster score at the nulmeting
-- (strictly); NULL when either is undefined (the person is left out of that cluster only).
-- Dimensions: instroomprofiel_verslaving / _justitie from the nulmeting's verslaving /
-- justitie score; gemeente_herkomst (§0) and leeftijdsgroep with the variant's
-- measurement as the event (its date is the event date and the age date).
-- Cluster scores: computed here from the wide score columns of the two measurements
-- (int_zrm_metingen; macros zrm_clusters_breed, zrm_clusterscore, as int_zrm_clusterscores
-- does), one row per counted person x cluster of the seed zrm_clusters.
with clusters as (
    {{ zrm_clusters_breed() }}
),
varianten as (
    select
        aanbieder_code, traject_id, persoon_key, nulmeting_id, nulmeting_datum,
        'kort' as variant, kort_meting_id as meting_id, kort_datum as meetdatum
    from {{ ref('int_zrm_paren') }}
    where kort_meting_id is not null
    union all
    select
        aanbieder_code, traject_id, persoon_key, nulmeting_id, nulmeting_datum,
        'lang', lang_meting_id, lang_datum
    from {{ ref('int_zrm_paren') }}
    where lang_meting_id is not null
),
geteld as (
    select
        p.regio,
        p.periode_type,
        p.periode_start,
        p.periode_eind,
        v.*
    from {{ ref('dim_periode') }} as p
    inner join {{ ref('int_regio_aanbieders') }} as ra
        on ra.regio = p.regio
    inner join varianten as v
        on v.aanbieder_code = ra.aanbieder_code
       and v.meetdatum between p.periode_start and p.periode_eind
    qualify row_number() over (
        partition by p.regio, p.periode_type, p.periode_start, v.variant, v.persoon_key
        order by v.meetdatum desc, v.nulmeting_datum desc, v.aanbieder_code, v.traject_id
    ) = 1
),
gebeurtenissen as (
    select
        g.*,
        g.meetdatum as gebeurtenis_datum,
        g.meetdatum as leeftijd_datum,
        cast(null as varchar) as opvang,
        rp.geboortedatum,
        rp.geslacht,
        rp.aanmaakdatum,
        t.aanmelding_gevonden,
        t.gemeente_herkomst,
        t.reden_aanmelding,
        t.hoofdprobleem,
        t.oorzaak_instroom,
        t.systeemcasus,
        t.gemeente_opvang
    from geteld as g
    left join {{ ref('int_regio_personen') }} as rp
        on rp.regio = g.regio
       and rp.persoon_key = g.persoon_key
    left join {{ ref('int_trajecten') }} as t
        on t.aanbieder_code = g.aanbieder_code
       and t.traject_id = g.traject_id
),
verrijkt as (
    {{ gebeurtenis_dimensies('gebeurtenissen') }}
),
gescoord as (
    select
        v.*,
        c.cluster_code,
        c.cluster_naam,
        {{ zrm_clusterscore('n', 'c') }} as score_nulmeting,
        {{ zrm_clusterscore('m', 'c') }} as score_meting,
        {{ zrm_instroomprofiel('n.verslaving', 'met verslaving', 'zonder verslaving') }} as instroomprofiel_verslaving,
        {{ zrm_instroomprofiel('n.justitie', 'wel contact justitie', 'geen contact justitie') }} as instroomprofiel_justitie
    from verrijkt as v
    inner join {{ ref('int_zrm_metingen') }} as n
        on n.aanbieder_code = v.aanbieder_code
       and n.meting_id = v.nulmeting_id
    inner join {{ ref('int_zrm_metingen') }} as m
        on m.aanbieder_code = v.aanbieder_code
       and m.meting_id = v.meting_id
    cross join clusters as c
)
select
    regio,
    periode_type,
    periode_start,
    periode_eind,
    variant,
    cluster_code,
    cluster_naam,
    persoon_key,
    aanbieder_code,
    traject_id,
    nulmeting_id,
    nulmeting_datum,
    meting_id,
    meetdatum,
    score_nulmeting,
    score_meting,
    case
        when score_nulmeting is not null and score_meting is not null then score_meting > score_nulmeting
    end as verbeterd,
    instroomprofiel_verslaving,
    instroomprofiel_justitie,
    gemeente_herkomst,
    leeftijdsgroep
from gescoord
