-- Valleiregio trajectories (indicatoren.md §3, §4): per region one row per trajectory of
-- one of the region's providers with doelgroep `Housing First` (HF.*) or `Gezinsopvang`
-- (GZ.*), with the dimensions every HF/GZ indicator uses. The event is the trajectory's
-- start: gemeente_herkomst from its linked aanmelding, else the person's latest
-- aanmelding on or before the startdatum (§0, macro gebeurtenis_dimensies);
-- leeftijdsgroep on the startdatum; geslacht of the person.
with trajecten as (
    select
        ra.regio,
        t.*,
        t.startdatum as periode_start,
        t.startdatum as periode_eind,
        t.startdatum as gebeurtenis_datum,
        t.startdatum as leeftijd_datum,
        cast(null as varchar) as opvang,
        rp.geboortedatum,
        rp.geslacht,
        rp.aanmaakdatum
    from {{ ref('int_trajecten') }} as t
    inner join {{ ref('int_regio_aanbieders') }} as ra
        on ra.aanbieder_code = t.aanbieder_code
    left join {{ ref('int_regio_personen') }} as rp
        on rp.regio = ra.regio
       and rp.persoon_key = t.persoon_key
    where t.doelgroep in ('Housing First', 'Gezinsopvang')
),
verrijkt as (
    {{ gebeurtenis_dimensies('trajecten') }}
)
select
    regio,
    aanbieder_code,
    traject_id,
    client_pseudoniem,
    persoon_key,
    doelgroep,
    startdatum,
    einddatum,
    reden_einde,
    uitstroom_woonvorm,
    uitstroom_ggd,
    gemeente_herkomst,
    leeftijdsgroep,
    geslacht
from verrijkt
