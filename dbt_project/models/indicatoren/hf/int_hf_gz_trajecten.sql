-- Valleiregio trajectories (indicatoren.md §3, §4): per region one row per trajectory of
-- one of the region's providers with doelgroep `Housing First` (HF.*) or `Gezinsopvang`
-- (GZ.*) (int_traject_eenheden, eenheid 'traject'), with the dimensions every HF/GZ
-- indicator uses (dimensies_traject()). The event is the trajectory's
-- start: gemeente_herkomst from its linked aanmelding, else the person's latest
-- aanmelding on or before the startdatum (§0, macro gebeurtenis_dimensies);
-- leeftijdsgroep on the startdatum; geslacht of the person.
with trajecten as (
    select
        *,
        startdatum as periode_start,
        startdatum as periode_eind,
        startdatum as gebeurtenis_datum,
        startdatum as leeftijd_datum,
        cast(null as varchar) as opvang
    from {{ ref('int_traject_eenheden') }}
    where eenheid = 'traject'
      and doelgroep in ('Housing First', 'Gezinsopvang')
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
