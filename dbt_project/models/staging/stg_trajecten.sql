-- trajecten.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.traject_id,
    r.client_pseudoniem,
    r.aanmelding_id,
    {{ normaliseer_code('doelgroep', 'doelgroep') }} as doelgroep,
    r.systeemcasus,
    r.aantal_kinderen,
    r.startdatum,
    r.einddatum,
    {{ normaliseer_code('reden_einde', 'reden_einde') }} as reden_einde,
    {{ gemeente_code('gemeente_opvang') }} as gemeente_opvang,
    {{ normaliseer_code('uitstroom_woonvorm', 'uitstroom_woonvorm') }} as uitstroom_woonvorm,
    {{ gemeente_code('uitstroom_gemeente') }} as uitstroom_gemeente,
    {{ normaliseer_code('uitstroomperspectief', 'uitstroomperspectief') }} as uitstroomperspectief
from {{ uit_actuele_levering(source('raw', 'trajecten')) }}
