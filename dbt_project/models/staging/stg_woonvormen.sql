-- woonvormen.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.client_pseudoniem,
    r.traject_id,
    {{ normaliseer_code('woonvorm', 'woonvorm') }} as woonvorm,
    r.locatie_id,
    r.startdatum,
    r.einddatum
from {{ uit_actuele_levering(source('raw', 'woonvormen')) }}
