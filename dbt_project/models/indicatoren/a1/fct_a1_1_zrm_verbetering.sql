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
with varianten as (
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
)
select
    v.regio,
    v.periode_type,
    v.periode_start,
    v.periode_eind,
    v.variant,
    c.cluster_code,
    c.cluster_naam,
    v.persoon_key,
    v.aanbieder_code,
    v.traject_id,
    v.nulmeting_id,
    v.nulmeting_datum,
    v.meting_id,
    v.meetdatum,
    n.score as score_nulmeting,
    c.score as score_meting,
    case
        when n.score is not null and c.score is not null then c.score > n.score
    end as verbeterd,
    {{ zrm_instroomprofiel('nm.verslaving', 'met verslaving', 'zonder verslaving') }} as instroomprofiel_verslaving,
    {{ zrm_instroomprofiel('nm.justitie', 'wel contact justitie', 'geen contact justitie') }} as instroomprofiel_justitie,
    v.gemeente_herkomst,
    v.leeftijdsgroep
from verrijkt as v
inner join {{ ref('int_zrm_clusterscores') }} as c
    on c.aanbieder_code = v.aanbieder_code
   and c.meting_id = v.meting_id
inner join {{ ref('int_zrm_clusterscores') }} as n
    on n.aanbieder_code = v.aanbieder_code
   and n.meting_id = v.nulmeting_id
   and n.cluster_code = c.cluster_code
inner join {{ ref('int_zrm_metingen') }} as nm
    on nm.aanbieder_code = v.aanbieder_code
   and nm.meting_id = v.nulmeting_id
