-- D.1.2 Instroom: per region and period, one row per decentrale-opvang episode starting
-- in P. The event is the episode start; its trajectory is that of the episode's first
-- period; age on the episode start.
with gebeurtenissen as (
    select
        p.regio,
        p.periode_type,
        p.periode_start,
        p.periode_eind,
        e.persoon_key,
        e.episode_nr,
        e.episode_start,
        e.episode_eind,
        e.episode_start as gebeurtenis_datum,
        e.episode_start as leeftijd_datum,
        'lokaal' as opvang,
        o.periode_key,
        o.aanbieder_code,
        o.traject_id,
        o.systeemcasus,
        o.gemeente_opvang,
        o.aanmelding_gevonden,
        o.gemeente_herkomst,
        o.reden_aanmelding,
        o.hoofdprobleem,
        o.oorzaak_instroom,
        o.geboortedatum,
        o.geslacht,
        o.aanmaakdatum
    from {{ ref('dim_periode') }} as p
    inner join {{ ref('int_decentrale_opvang_episodes') }} as e
        on e.regio = p.regio
       and e.episode_start between p.periode_start and p.periode_eind
    inner join {{ ref('int_decentrale_opvang_perioden') }} as o
        on o.regio = e.regio
       and o.periode_key = e.eerste_periode_key
)
{{ gebeurtenis_rijen('gebeurtenissen', ['persoon_key', 'episode_nr', 'episode_start', 'periode_key', 'aanbieder_code', 'traject_id'] + dimensies_d1()) }}
