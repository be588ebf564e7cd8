-- Per region the `Opvang lokaal` woonvorm periods of its providers, with the person's
-- attributes in that region (int_regio_personen) and the period's trajectory fields.
select
    ra.regio,
    w.periode_key,
    w.aanbieder_code,
    w.persoon_key,
    w.startdatum,
    w.einddatum,
    w.traject_id,
    coalesce(w.systeemcasus, false) as systeemcasus,
    w.gemeente_opvang,
    w.uitstroom_woonvorm,
    w.uitstroom_ggd,
    w.uitstroom_gemeente,
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
left join {{ ref('int_regio_personen') }} as p
    on p.regio = ra.regio
   and p.persoon_key = w.persoon_key
where w.woonvorm = 'Opvang lokaal'
