-- Amersfoort onderdelen (indicatoren.md §5): per region the woonvorm periods of its
-- providers whose woonvorm is an onderdeel (seed mo_onderdelen: A Centrale opvang, B
-- Nachtopvang, C Doorstroomwoning, D Woonzorgconcept), one row per delivered woonvormen
-- row (a stay), with
--   onderdeel / onderdeel_code   from the seed
--   locatie                      label of the locatie as in BZ.1 (int_regio_voorzieningen:
--                                "naam (locatie_id)"); 'Onbekend' without locatie_id or
--                                with a locatie_id that is not in voorzieningen
--   uitstroomperspectief         of the stay's trajectory (delivered or derived traject_id)
--   the linked aanmelding's fields (for gebeurtenis_dimensies) and the person's
--   geboortedatum, geslacht, aanmaakdatum in the region (int_regio_personen).
with locaties as (
    select distinct regio, aanbieder_code, locatie_id, locatie
    from {{ ref('int_regio_voorzieningen') }}
)
select
    ra.regio,
    w.periode_key,
    w.aanbieder_code,
    w.persoon_key,
    w.traject_id,
    w.woonvorm,
    o.onderdeel_code,
    o.onderdeel,
    w.locatie_id,
    coalesce(l.locatie, 'Onbekend') as locatie,
    w.startdatum,
    w.einddatum,
    t.uitstroomperspectief,
    coalesce(w.systeemcasus, false) as systeemcasus,
    w.gemeente_opvang,
    w.aanmelding_gevonden,
    w.gemeente_herkomst,
    w.reden_aanmelding,
    w.hoofdprobleem,
    w.oorzaak_instroom,
    p.geboortedatum,
    p.geslacht,
    p.aanmaakdatum
from {{ ref('int_woonvorm_perioden') }} as w
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.aanbieder_code = w.aanbieder_code
inner join {{ ref('mo_onderdelen') }} as o
    on o.woonvorm = w.woonvorm
left join locaties as l
    on l.regio = ra.regio
   and l.aanbieder_code = w.aanbieder_code
   and l.locatie_id = w.locatie_id
left join {{ ref('int_trajecten') }} as t
    on t.aanbieder_code = w.aanbieder_code
   and t.traject_id = w.traject_id
left join {{ ref('int_regio_personen') }} as p
    on p.regio = ra.regio
   and p.persoon_key = w.persoon_key
