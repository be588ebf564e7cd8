-- voorzieningen.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.locatie_id,
    r.naam,
    {{ normaliseer_code('soort', 'woonvorm') }} as soort,
    {{ gemeente_code('gemeente') }} as gemeente,
    r.capaciteit,
    r.geldig_van,
    r.geldig_tot
from {{ uit_actuele_levering(source('raw', 'voorzieningen')) }}
