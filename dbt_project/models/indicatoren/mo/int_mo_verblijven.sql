-- Amersfoort onderdelen (indicatoren.md §5): per region the woonvorm periods of its
-- providers (int_regio_woonvorm_perioden) whose woonvorm is an onderdeel (seed mo_onderdelen: A Centrale opvang, B
-- Nachtopvang, C Doorstroomwoning, D Woonzorgconcept), one row per delivered woonvormen
-- row (a stay), with
--   onderdeel / onderdeel_code   from the seed
--   locatie                      label of the locatie as in BZ.1 (int_regio_woonvorm_perioden)
--   uitstroomperspectief         of the stay's trajectory (delivered or derived traject_id)
--   the linked aanmelding's fields (for gebeurtenis_dimensies) and the person's
--   geboortedatum, geslacht, aanmaakdatum in the region (int_regio_personen).
select
    w.regio,
    w.periode_key,
    w.aanbieder_code,
    w.persoon_key,
    w.traject_id,
    w.woonvorm,
    o.onderdeel_code,
    o.onderdeel,
    w.locatie_id,
    w.locatie,
    w.startdatum,
    w.einddatum,
    t.uitstroomperspectief,
    w.systeemcasus,
    w.gemeente_opvang,
    w.aanmelding_gevonden,
    w.gemeente_herkomst,
    w.reden_aanmelding,
    w.hoofdprobleem,
    w.oorzaak_instroom,
    w.geboortedatum,
    w.geslacht,
    w.aanmaakdatum
from {{ ref('int_regio_woonvorm_perioden') }} as w
inner join {{ ref('mo_onderdelen') }} as o
    on o.woonvorm = w.woonvorm
left join {{ ref('int_trajecten') }} as t
    on t.aanbieder_code = w.aanbieder_code
   and t.traject_id = w.traject_id
