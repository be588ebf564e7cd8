-- The trajectories and stays of a region's providers: the units the deadline indicators
-- count (HF.5, GZ.1, GZ.2, GZ.6, MO.3; macro termijn_feiten) and the source of
-- int_hf_gz_trajecten (eenheid 'traject'). Per region, every trajectory of its providers (eenheid 'traject') and
-- every woonvorm period of its providers (eenheid 'verblijf', one stay = one woonvorm
-- row), with the fields gebeurtenis_dimensies needs: the trajectory's linked aanmelding,
-- systeemcasus, gemeente_opvang, the person (int_regio_personen), and for a stay its
-- Amersfoort onderdeel (seed mo_onderdelen, NULL for other woonvormen). A stay's trajectory
-- is that of int_woonvorm_perioden (delivered, else derived); a stay without trajectory
-- has traject_id NULL and so never a mijlpaal.
with eenheden as (
    select
        ra.regio,
        'traject' as eenheid,
        t.aanbieder_code || ':' || t.traject_id as eenheid_key,
        t.aanbieder_code,
        t.traject_id,
        t.client_pseudoniem,
        t.persoon_key,
        t.doelgroep,
        cast(null as varchar) as woonvorm,
        t.startdatum,
        t.einddatum,
        t.reden_einde,
        t.uitstroom_woonvorm,
        t.uitstroom_ggd,
        t.aanmelding_gevonden,
        t.gemeente_herkomst,
        t.reden_aanmelding,
        t.hoofdprobleem,
        t.oorzaak_instroom,
        t.systeemcasus,
        t.gemeente_opvang
    from {{ ref('int_trajecten') }} as t
    inner join {{ ref('int_regio_aanbieders') }} as ra
        on ra.aanbieder_code = t.aanbieder_code
    union all
    select
        ra.regio,
        'verblijf' as eenheid,
        w.periode_key as eenheid_key,
        w.aanbieder_code,
        w.traject_id,
        w.client_pseudoniem,
        w.persoon_key,
        w.doelgroep,
        w.woonvorm,
        w.startdatum,
        w.einddatum,
        w.reden_einde,
        w.uitstroom_woonvorm,
        w.uitstroom_ggd,
        w.aanmelding_gevonden,
        w.gemeente_herkomst,
        w.reden_aanmelding,
        w.hoofdprobleem,
        w.oorzaak_instroom,
        w.systeemcasus,
        w.gemeente_opvang
    from {{ ref('int_woonvorm_perioden') }} as w
    inner join {{ ref('int_regio_aanbieders') }} as ra
        on ra.aanbieder_code = w.aanbieder_code
)
select
    e.*,
    o.onderdeel_code,
    o.onderdeel
from (
    {{ met_persoonskenmerken('eenheden') }}
) as e
left join {{ ref('mo_onderdelen') }} as o
    on e.eenheid = 'verblijf'
   and o.woonvorm = e.woonvorm
