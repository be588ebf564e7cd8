-- Per region the `Opvang lokaal` woonvorm periods of its providers, with the person's
-- attributes in that region and the period's trajectory fields (int_regio_woonvorm_perioden).
select
    regio,
    periode_key,
    aanbieder_code,
    persoon_key,
    startdatum,
    einddatum,
    traject_id,
    systeemcasus,
    gemeente_opvang,
    uitstroom_woonvorm,
    uitstroom_ggd,
    uitstroom_gemeente,
    aanmelding_gevonden,
    gemeente_herkomst,
    reden_aanmelding,
    hoofdprobleem,
    oorzaak_instroom,
    geboortedatum,
    geslacht,
    aanmaakdatum
from {{ ref('int_regio_woonvorm_perioden') }}
where woonvorm = 'Opvang lokaal'
