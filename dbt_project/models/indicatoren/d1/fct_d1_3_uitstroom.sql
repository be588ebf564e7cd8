-- D.1.3 Uitstroom: per region and period, one row per decentrale-opvang episode ending in
-- P. The event is the episode end; its trajectory is that of the episode's last period
-- (uitstroom_gemeente, uitstroom_woonvorm, uitstroom_ggd); age on the episode end.
-- status 'definitief' when episode end + var('uitstroom_terugkeer_maanden') months <= the
-- region's peildatum, else 'voorlopig' (the person may still return within the window).
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
        e.episode_eind as gebeurtenis_datum,
        e.episode_eind as leeftijd_datum,
        'lokaal' as opvang,
        case
            when {{ plus_maanden('e.episode_eind', var('uitstroom_terugkeer_maanden')) }} <= p.regio_peildatum
                then 'definitief'
            else 'voorlopig'
        end as status,
        o.periode_key,
        o.aanbieder_code,
        o.traject_id,
        o.systeemcasus,
        o.gemeente_opvang,
        o.uitstroom_gemeente,
        o.uitstroom_woonvorm,
        o.uitstroom_ggd,
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
       and e.episode_eind between p.periode_start and p.periode_eind
    inner join {{ ref('int_decentrale_opvang_perioden') }} as o
        on o.regio = e.regio
       and o.periode_key = e.laatste_periode_key
)
{{ gebeurtenis_rijen('gebeurtenissen', ['persoon_key', 'episode_nr', 'episode_eind', 'periode_key', 'aanbieder_code', 'traject_id']
    + dimensies_d1() + [
        "coalesce(uitstroom_gemeente, 'Onbekend') as uitstroom_gemeente",
        "coalesce(uitstroom_woonvorm, 'Onbekend') as uitstroom_woonvorm",
        "coalesce(uitstroom_ggd, 'onbekend') as uitstroom_ggd",
        'status']) }}
